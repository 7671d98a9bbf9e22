import type { Page, Response } from 'playwright-core';
import type { BookingSystem, Guichet, LocalDateTime, Outcome, ProbeEnvironment, StepsSpec } from '../../shared/domain.js';

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
  /** One line in French for the user: what the robot saw. */
  detail: string;
}

export interface AdapterContext {
  page: Page;
  target: ProbeTarget;
  /** Progress lines, for logs (stderr in the CLI). */
  log(message: string): void;
  /** The HTTP status of the last main-document response the adapter cares about. */
  noteResponse(response: Response | null): void;
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
  detail: string;
  startedAt: Date;
  durationMs: number;
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  /** PNG of the final page, with the caption burned in. */
  screenshot: Buffer | null;
  /** The visible text of the final page. */
  pageText: string | null;
  environment: ProbeEnvironment;
}
