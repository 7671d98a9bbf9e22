// The words of DESIGN.md as types. No runtime dependencies: the renderer imports this file too.
import type { CoreMessage } from './messages/index.js';

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

/** Outcomes other than `dates` and `no_date` say nothing about the guichet: they stay out of the five-category bar. */
export type InconclusiveOutcome = Exclude<Outcome, 'dates' | 'no_date'>;
export const INCONCLUSIVE_OUTCOMES = OUTCOMES.filter(
  (o): o is InconclusiveOutcome => o !== 'dates' && o !== 'no_date',
);

export const CATEGORIES = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The time zone of every local date and time of Guichets (the préfectures' pages, the records, the dossier). */
export const PARIS = 'Europe/Paris';

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
  /**
   * Who gave its addresses: the person at this PC (`desktop`: the desktop app, the command line) or a web page
   * (`web`: created or changed through the web host). Absent on plannings saved before it was recorded. Only a
   * `desktop` planning's probes may reach this computer or its local network; the others' are kept to public
   * addresses, checked where the browser connects (probe/private-network.ts).
   */
  source?: PlanningSource;
}

export type PlanningSource = 'desktop' | 'web';

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

/**
 * Screenshots and page texts stored once by their SHA-256 (`_blobs/ab/<sha256>.webp|.txt`): an unchanged page,
 * probed hour after hour, takes its room once. The leading underscore keeps it apart from planning ids.
 */
export const BLOBS_DIR = `${EVIDENCE_DIR}/_blobs`;

/** What a caption says beyond the record's own fields (address, time, outcome, slots, id). */
export interface ProbeCaption {
  planningLabel: string;
}

export interface ProbeArtefact {
  /** Path relative to the data folder, with forward slashes. */
  path: string;
  /** SHA-256 and size of the artefact's own bytes (a packed log's once inflated). */
  sha256: string;
  bytes: number;
  /**
   * A log kept in its month's pack (`evidence/<planning>/<YYYY-MM>/logs.gz`, the `path`): the gzip member at byte
   * `offset`, `length` bytes long. Absent from every other artefact and from logs kept in a file of their own.
   */
  offset?: number;
  length?: number;
  encoding?: 'gzip';
}

/** Where an imported probe comes from: absent on the robot's own probes (see electron/core/import/). */
export interface ProbeProvenance {
  kind: 'csv' | 'dossier';
  /** The imported file's name, as given. */
  file: string;
  /** SHA-256 of the imported file. */
  sha256: string;
  /** The association named by the file (a dossier's bag-info) or by the person who imported it. */
  association: string | null;
  importedAt: string;
  /** Line of the CSV the probe was read from (1 = the header). */
  line: number;
  /**
   * What signs it: the dossier's seal, the key that signed the seal, the record read. Absent when nothing does (a
   * CSV, a dossier without records, any import made before this was kept): « non scellé ».
   */
  sealed?: ImportSeal;
}

/** The signature behind an imported probe. */
export interface ImportSeal {
  /** The dossier's closing seal, by name (its UTC time, `20261201T090000Z`). */
  seal: string;
  /** Fingerprint of the installation key that signed it (SHA-256 of the public key's DER, hex). */
  key: string;
  /** The time of the first trusted token that proves the record, or null when none does (« non horodaté »). */
  provenFrom: string | null;
  /** `hash` of the signed record the probe was read from. */
  record: string;
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
  /** One line in French: what the robot saw (the French wording of `detailMessage`, when the record has one). */
  detail: string;
  /** The detail as a code and its parameters, worded in the reader's language; absent from records made before. */
  detailMessage?: CoreMessage;
  httpStatus: number | null;
  /**
   * Records with `caption`: the page as captured (content-addressed, in BLOBS_DIR), its caption drawn on demand
   * from the record. Records without: a PNG with its caption burned in, one file per probe.
   */
  screenshot: ProbeArtefact | null;
  pageText: ProbeArtefact | null;
  /** The caption's facts the record does not hold elsewhere, sealed with it; absent from records made before. */
  caption?: ProbeCaption;
  /** The probe's own log (robot steps, Playwright call logs, browser console); absent from records made before it. */
  log?: ProbeArtefact | null;
  /** Where the robot stopped and what it had done, as user-defined steps (robot_error and unrecognized only). */
  robot?: { step: string | null; stepsTaken: Step[] };
  environment: ProbeEnvironment;
  trigger: ProbeTrigger;
  /** Hash of the previous probe of the same planning (null for the first): a broken chain shows a deletion. */
  previousHash: string | null;
  /** SHA-256 of this record (every field but this one), in canonical JSON. */
  hash: string;
  /** Set on probes imported from another source (CSV, another association's dossier); never on the robot's. */
  imported?: ProbeProvenance;
}

/** What started a probe: the hourly schedule, a person (« Sonder maintenant »), the command line, or a probe
 * made in the window of an assisted session. `demo`: a synthetic record of the demo folder's past (never real). */
export const PROBE_TRIGGERS = ['schedule', 'manual', 'cli', 'assisted', 'import', 'demo'] as const;
export type ProbeTrigger = (typeof PROBE_TRIGGERS)[number];

/**
 * Why a due run did not happen:
 * - `app_closed`: found at start-up, the app (or its schedule) was not running when the run was due;
 * - `asleep`: found while running, a job fired late (the PC slept, or its clock jumped forward);
 * - `backoff`: skipped on purpose, the host kept answering with errors;
 * - `overrun`: skipped because the planning's previous probe was still running (runs never pile up);
 * - `interrupted`: the probe was under way when the app was closed (Ctrl+C, « Quitter »): stopped, nothing recorded.
 */
export const GAP_REASONS = ['app_closed', 'asleep', 'backoff', 'overrun', 'interrupted'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

/** An hour when a planning was due and no probe ran. Shown as a gap, never as an outcome. */
export interface Gap {
  planningId: string;
  /** ISO instants: the hour slots from..to (exclusive) that were missed. */
  from: string;
  to: string;
  hours: number;
  reason: GapReason;
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
  /** RFC 3161 time-stamping authorities for the seals, each asked; empty: seals stay unstamped. */
  tsaUrls: string[];
  /** Probes run at once at most (each a browser context); 0 = chosen from the PC's memory and cores. */
  maxParallelProbes: number;
  /** Written into dossiers, charts and the published site. */
  associationName: string;
  /** An address, e-mail or web page, printed beside the name. */
  associationContact: string;
  /** Path of the association's logo (PNG, JPEG or SVG) for the published site; null = none. */
  associationLogo: string | null;
  /** Alerts turned off: planning id (or "" for the disk and the seals) → kinds ('dates_back', 'failing', 'disk', 'seals'). */
  alertsMuted: Record<string, string[]>;
  /** Alerts marked « vu » (their ids), set by `alerts:markSeen`: kept only while their situation lasts. */
  alertsSeen: string[];
  /** Hours of the day probes are due, 0–24, Europe/Paris: from ≤ hour < to. */
  activeHours: { from: number; to: number };
  /** Days probes are due: 1 = Monday … 7 = Sunday. */
  activeDays: number[];
  /** Desktop notifications (a captcha session to renew, a site the robot cannot read). */
  notifications: boolean;
  /**
   * Room the evidence folder may take, in GB; 0 = no limit. Past it the app alerts; it never deletes a record or a
   * capture (repeated no-date captures take no room after the first: they are stored once).
   */
  evidenceBudgetGb: number;
  /** « Sauvegarde quotidienne »: the folder the data folder is backed up to once a day and checked; null = none. */
  backupDir: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'fr',
  browserPath: null,
  hostSpacingSeconds: 30,
  // About 15 s a step: a site that does not answer, or a step that cannot be done, ends the probe well before.
  probeTimeoutSeconds: 45,
  author: '',
  schedulerEnabled: true,
  // Two independent authorities, each root pinned in resources/tsa-roots/: a seal is stamped by each that answers.
  tsaUrls: ['https://freetsa.org/tsr', 'http://timestamp.digicert.com'],
  maxParallelProbes: 0,
  associationName: '',
  associationContact: '',
  associationLogo: null,
  alertsMuted: {},
  alertsSeen: [],
  activeHours: { from: 0, to: 24 },
  activeDays: [1, 2, 3, 4, 5, 6, 7],
  notifications: true,
  evidenceBudgetGb: 0,
  backupDir: null,
};
