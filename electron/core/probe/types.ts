import type { Page, Response } from 'playwright-core';
import type { BookingSystem, Guichet, LocalDateTime, Outcome, ProbeEnvironment, Step, StepsSpec } from '../../shared/domain.js';
import type { CoreMessage } from '../../shared/messages/index.js';

/** What to probe. */
export interface ProbeTarget {
  url: string;
  /** Guichet value or label as the site shows it; null when the URL offers one. */
  guichet: string | null;
  system?: BookingSystem;
  steps?: StepsSpec | null;
}

/** What an adapter concluded from the pages it saw. */
export interface AdapterResult {
  outcome: Outcome;
  /** Free slots seen, local Europe/Paris "YYYY-MM-DDTHH:MM", sorted ascending; the first two are kept. */
  slots: LocalDateTime[];
  /** What the robot saw, as a code and its parameters (the site's own words in `said`). */
  detailMessage: CoreMessage;
  /** The French wording of `detailMessage` (wordCore). */
  detail: string;
}

export interface AdapterContext {
  page: Page;
  target: ProbeTarget;
  /** Progress lines, for logs (stderr in the CLI). */
  log(message: string): void;
  /** The HTTP status of the last main-document response the adapter cares about. */
  noteResponse(response: Response | null): void;
  /** Where the prober keeps the steps the robot took and the step it is at (see visit.ts). */
  trail?: { steps: Step[]; step: string | null; after: boolean };
  /** When the probe's own budget ends (ms since the epoch): a waiting room is waited out until shortly before. */
  deadline?: number;
}

/** One booking system: how to recognise its URLs, list its guichets, and probe it like a person would. */
export interface Adapter {
  system: BookingSystem;
  /** True when the URL is one of this system's. */
  matches(url: URL): boolean;
  discover(ctx: AdapterContext): Promise<{ title: string | null; guichets: Guichet[] }>;
  probe(ctx: AdapterContext): Promise<AdapterResult>;
}

/** What one probe produced, before it is stored. */
export interface ProbeResult {
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  /** The French wording of `detailMessage`. */
  detail: string;
  /** What the robot saw, as a code and its parameters; absent only where no robot ran (a planning to correct). */
  detailMessage?: CoreMessage;
  startedAt: Date;
  durationMs: number;
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  /** PNG of the final page as captured; its caption is drawn from the record (report/captioned.ts). */
  screenshot: Buffer | null;
  /** The visible text of the final page. */
  pageText: string | null;
  environment: ProbeEnvironment;
  /** The robot's step when the probe ended (French), null when it never got to a page. */
  step: string | null;
  /** What the robot did, as user-defined steps (to pre-fill the steps editor when the robot can no longer read a site). */
  stepsTaken: Step[];
  /** The probe's own log: the robot's steps, Playwright's call logs, the browser's console. Kept with the evidence. */
  log: string;
}
