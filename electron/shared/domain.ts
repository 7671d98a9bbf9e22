// The words of DESIGN.md as types. No runtime dependencies: the renderer imports this file too.

export const BOOKING_SYSTEMS = ['legacy', 'rdvpref', 'anct', 'steps'] as const;
export type BookingSystem = (typeof BOOKING_SYSTEMS)[number];

export const OUTCOMES = [
  'dates',
  'no_date',
  'captcha',
  'site_error',
  'unreachable',
  'unrecognized',
  'robot_error',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that say something about the guichet: the only ones that enter the five-category bar. */
export const CONCLUSIVE_OUTCOMES: readonly Outcome[] = ['dates', 'no_date'];
export type InconclusiveOutcome = Exclude<Outcome, 'dates' | 'no_date'>;
export const INCONCLUSIVE_OUTCOMES = OUTCOMES.filter(
  (o): o is InconclusiveOutcome => o !== 'dates' && o !== 'no_date',
);

export const CATEGORIES = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Local date-time in Europe/Paris, minute precision: "2026-12-03T09:30". */
export type LocalDateTime = string;
/** Local date in Europe/Paris: "2026-12-03". */
export type LocalDate = string;
/** Month key: "2026-12". */
export type MonthKey = string;

/** One guichet offered by a booking URL (a radio button of the legacy module, a motif elsewhere). */
export interface Guichet {
  value: string;
  label: string;
}

/** One step of a user-defined probe (issue "user-defined steps"). */
export type Step =
  | { kind: 'goto'; url: string }
  | { kind: 'click'; text?: string; selector?: string }
  | { kind: 'check'; text?: string; selector?: string }
  | { kind: 'fill'; selector: string; value: string }
  | { kind: 'select'; selector: string; option: string }
  | { kind: 'waitForText'; text: string };

export interface StepsSpec {
  steps: Step[];
  /** A text whose presence on the final page means "nothing is free". */
  noSlotText: string;
  /** Selector of the elements that each hold one free slot. */
  slotSelector: string;
  /** Optional pattern to read a slot's date from its text; French long dates and dd/mm/yyyy are understood. */
  datePattern?: string;
}

export interface Planning {
  id: string;
  label: string;
  departement: string;
  prefecture: string;
  url: string;
  system: BookingSystem;
  /** Value of the guichet to choose when the URL offers several; null when it offers one. */
  guichet: string | null;
  guichetLabel: string | null;
  procedure: string;
  /** « prise de rendez-vous par internet obligatoire » */
  onlineMandatory: boolean;
  followed: boolean;
  /** Minute of the hour (0–59) at which this planning is probed: stable, spread across plannings. */
  minute: number;
  steps: StepsSpec | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the planning stopped answering as expected (e.g. the id was withdrawn). */
  stoppedAt: string | null;
}

export interface ProbeEnvironment {
  appVersion: string;
  browser: string;
  browserVersion: string;
  userAgent: string;
  freshProfile: boolean;
  timeSource: string;
  os: string;
}

/** The data folder's folder of probe artefacts (screenshots, page texts); their paths start with it. */
export const EVIDENCE_DIR = 'evidence';

export interface ProbeArtefact {
  /** Path relative to the data folder, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
}

/** One visit of one planning at one moment. Immutable once written. */
export interface Probe {
  id: string;
  planningId: string;
  /** ISO 8601 UTC instant the probe started. */
  startedAt: string;
  /** Local date and time of the start, Europe/Paris. */
  localDate: LocalDate;
  localTime: string;
  durationMs: number;
  url: string;
  finalUrl: string | null;
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  category: Category | null;
  detail: string;
  httpStatus: number | null;
  screenshot: ProbeArtefact | null;
  pageText: ProbeArtefact | null;
  environment: ProbeEnvironment;
  /** "schedule", "manual", "cli", "assisted". */
  trigger: string;
  /** Hash of the previous probe of the same planning (null for the first): a broken chain shows a deletion. */
  previousHash: string | null;
  /** SHA-256 of this record (every field but this one), in canonical JSON. */
  hash: string;
}

/** An hour when a planning was due and no probe ran. Shown as a gap, never as an outcome. */
export interface Gap {
  planningId: string;
  /** ISO instants: the hour slots from..to (exclusive) that were missed. */
  from: string;
  to: string;
  hours: number;
  reason: string;
}

export interface Settings {
  language: 'fr' | 'en';
  /** Path of a Chromium-family browser; null = look in the usual places. */
  browserPath: string | null;
  /** Minimum spacing between two requests to the same host, in seconds. */
  hostSpacingSeconds: number;
  /** Longest a probe may take before it is ended, in seconds. */
  probeTimeoutSeconds: number;
  /** Author written into chart images. */
  author: string;
  schedulerEnabled: boolean;
  /** RFC 3161 time-stamping authorities for the seals, tried in order; empty: seals stay unstamped. */
  tsaUrls: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'fr',
  browserPath: null,
  hostSpacingSeconds: 30,
  probeTimeoutSeconds: 120,
  author: '',
  schedulerEnabled: true,
  tsaUrls: ['https://freetsa.org/tsr'],
};
