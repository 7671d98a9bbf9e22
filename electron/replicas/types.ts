import type { IncomingMessage, ServerResponse } from 'node:http';

/** Time is passed in, so that tests hold the replicas on any day (the core's clock fits). */
export interface Clock {
  now(): Date;
}

/** One booking system's replica, mounted by the replica server. Returns true when it answered the request. */
export type ReplicaHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface ReplicaOptions {
  /** "Today" for the slots: tests hold on any day. */
  clock: Clock;
  /** Delay of the slow-page scenario, in ms. */
  slowDelayMs?: number;
  /** Reveal the captcha code on the page (test mode of the assisted session). */
  revealCaptcha?: boolean;
}
