// The one contract between the UI and the core. Implemented once by createCore(); carried by Electron IPC,
// by HTTP on 127.0.0.1 and by direct calls. Inputs are validated where they enter, in the core.
import type {
  BookingSystem,
  Gap,
  Guichet,
  LocalDate,
  LocalDateTime,
  MonthKey,
  Outcome,
  Planning,
  Probe,
  Settings,
  Step,
  StepsSpec,
} from './domain.js';
import type { PlanningStats, PlanningSummary, RecentMark } from './stats.js';

export interface PlanningInput {
  label: string;
  departement: string;
  prefecture: string;
  url: string;
  /** Detected from the URL when absent. */
  system?: BookingSystem;
  guichet: string | null;
  guichetLabel?: string | null;
  procedure: string;
  onlineMandatory: boolean;
  followed?: boolean;
  steps?: StepsSpec | null;
}

export type PlanningChanges = Partial<PlanningInput> & { followed?: boolean; stopped?: boolean };

export interface DiscoverResult {
  url: string;
  system: BookingSystem;
  title: string | null;
  guichets: Guichet[];
}

/** A visible browser window where a person solves a captcha; Guichets then probes in that session. */
export interface AssistedSessionStatus {
  planningId: string;
  state: 'waiting' | 'ready' | 'expired' | 'closed';
  /** ISO instant the person last solved the captcha. */
  solvedAt: string | null;
  /** In French: where the session stands and what to do. */
  message: string;
}

/** "Try these steps now": each step's result and screenshot, and what a probe would record. */
export interface StepsTrialResult {
  steps: { index: number; description: string; ok: boolean; detail: string; screenshot: string }[];
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  detail: string;
  finalUrl: string;
}

export interface PlanningOverview {
  planning: Planning;
  /** What keeps this planning's figures from being read (a damaged file, named), and what to do; else null. */
  problem: string | null;
  /** The assisted session of a captcha site; null for systems without captcha. */
  assisted: AssistedSessionStatus | null;
  /** The top bar: the dashboard draws no month bars, and 500 plannings' worth would weigh megabytes a refresh. */
  stats: PlanningSummary;
  lastProbe: Probe | null;
  /** ISO instant of the next scheduled probe, when the schedule runs and the planning is followed. */
  nextProbeAt: string | null;
  running: boolean;
  /** Non-null after three `robot_error`/`unrecognized` probes in a row: « Le robot ne sait plus lire ce site ». */
  robotTrouble: RobotTrouble | null;
  /** The last local day a probe saw free dates (read from the aggregates), or null if none ever did. */
  lastDatesDay: LocalDate | null;
}

export interface RobotTrouble {
  /** ISO instant of the first probe of the streak. */
  since: string;
  count: number;
  lastProbeId: string;
  /** The robot's step when it stopped (French), null when unknown. */
  step: string | null;
  detail: string;
  /** What the robot did up to the failure, as user-defined steps (to pre-fill the steps editor). */
  stepsTaken: Step[];
}

export interface PlanningDetail extends PlanningOverview {
  /** With one bar per month, for the planning's page. */
  stats: PlanningStats;
  recentProbes: Probe[];
  gaps: Gap[];
  /** The strip of the latest probes (RECENT_PROBES at most) and the gaps recorded among them, oldest first. */
  recent: RecentMark[];
}

/** The strip of one planning's latest probes (`probes:recent`). */
export interface RecentStrip {
  planningId: string;
  /** The newest probe's id when the strip was read: the screen asks again once the planning's last probe differs. */
  lastProbeId: string | null;
  marks: RecentMark[];
}

export interface BrowserStatus {
  found: boolean;
  path: string | null;
  /** What to do when no browser was found. */
  message: string | null;
}

/** A browser that started: its program, its name and its version. */
export interface BrowserTest {
  path: string;
  name: string;
  version: string;
}

export interface AppInfo {
  version: string;
  demo: boolean;
  /** 60 normally; the demo probes more often and says so on screen. */
  scheduleEveryMinutes: number;
  schedulerRunning: boolean;
  dataDir: string;
  browser: BrowserStatus;
  /** Fingerprint (SHA-256 of the public key) of the installation key that signs the seals; null before the first. */
  installationKey: string | null;
  /** Whether the probing browser runs in Chromium's sandbox, and why not when it cannot. */
  sandbox: { enabled: boolean; reason: string | null };
}

/** A seal just written (see the README, « Vérifier les preuves »). */
export interface SealSummary {
  /** `YYYYMMDDTHHMMSSZ`: its files are `seals/<name>.json`, `.sig` and `.tsr`. */
  name: string;
  plannings: number;
  probes: number;
  /** Host of the time-stamping authority that stamped it; null when none answered (stamped later). */
  stampedBy: string | null;
  /** Earlier seals stamped at the same time. */
  restamped: number;
}

export interface CsvExportResult {
  path: string;
  rows: number;
  /** Damaged files whose probes could not be read: every other row is written, these are named. */
  skipped?: string[];
}

/** A dossier de preuves written (issue 9): a BagIt ZIP, and its PDF summary beside it. */
export interface DossierResult {
  path: string;
  pdfPath: string;
  probes: number;
  screenshots: number;
  payloadBytes: number;
  /** Name of the seal carried (its UTC time), or null when the data folder had none. */
  seal: string | null;
  /** Evidence files whose bytes differ from their record, or missing: named in the dossier too. */
  altered: string[];
}

export interface DossierProgress {
  jobId: string;
  phase: 'collect' | 'render' | 'files' | 'done';
  done: number;
  total: number;
  message: string;
}

export interface PublishResult {
  path: string;
  pages: number;
}

export interface ImportResult {
  /** Probes added; rows already there (same planning and time) are not added twice. */
  added: number;
  skipped: number;
  /** Per planning id, how many were added. */
  byPlanning: Record<string, number>;
}

/** Something about a followed planning, the disk or the seals that deserves a person's attention. */
export interface Alert {
  /** Stable for one situation, so that a notification is shown once. */
  id: string;
  kind: AlertKind;
  planningId: string | null;
  /** ISO instant the situation began. */
  since: string;
  /** In French (notifications, logs). */
  message: string;
  /** What the UI words its own line from, with `kind`: `planning`, `since`, `days`, `firstSlot`, `count`, `outcome`, `freeGb`. */
  params?: Record<string, string | number>;
}
export const ALERT_KINDS = ['dates_back', 'failing', 'disk', 'seals'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The data folder moved with its contents (issue 11, settings): where it is now and what became of the old one. */
export interface DataFolderMoveResult {
  from: string;
  to: string;
  files: number;
  bytes: number;
  /** `removed`: the old folder was emptied once the app used the copy; `kept`: it could not be, and is left as is. */
  oldFolder: 'removed' | 'kept';
  /** False when the folder was given by --data-dir or GUICHETS_DATA_DIR: the next start must be given the new one. */
  remembered: boolean;
}

/** Every method: its input and its output. Names are `namespace:verb`. */
export interface ApiMethods {
  'app:info': { input: undefined; output: AppInfo };
  /** Moves the data folder to `to` (empty or new): copied, checked, then used; refused over the web host. */
  'app:moveDataFolder': { input: { to: string }; output: DataFolderMoveResult };
  'plannings:list': { input: undefined; output: PlanningOverview[] };
  'plannings:get': { input: { id: string }; output: PlanningDetail };
  'plannings:create': { input: PlanningInput; output: Planning };
  'plannings:update': { input: { id: string; changes: PlanningChanges }; output: Planning };
  'plannings:remove': { input: { id: string }; output: { removed: true } };
  'plannings:discover': { input: { url: string }; output: DiscoverResult };
  'probes:runNow': { input: { planningId: string }; output: Probe };
  /** A month's probes, newest first; without a month, the newest 500. */
  'probes:list': { input: { planningId: string; month?: MonthKey; day?: LocalDate }; output: Probe[] };
  /**
   * The strips of the latest probes of some plannings (the rows a screen shows; 100 at most): the dashboard's
   * first call stays on the aggregates.
   */
  'probes:recent': { input: { planningIds: string[] }; output: RecentStrip[] };
  /** A month's gaps (hours when no probe ran), newest first. */
  'gaps:list': { input: { planningId: string; month: MonthKey }; output: Gap[] };
  /** Opens the visible window where the person solves the captcha. */
  'assisted:open': { input: { planningId: string }; output: AssistedSessionStatus };
  'assisted:close': { input: { planningId: string }; output: AssistedSessionStatus };
  /** Runs user-defined steps once; screenshots as data: URLs. */
  'steps:try': { input: { url: string; steps: StepsSpec }; output: StepsTrialResult };
  'settings:get': { input: undefined; output: Settings };
  'settings:update': { input: Partial<Settings>; output: Settings };
  /** Launches the browser at `path` (or the one found without it) once, and says which it is. */
  'settings:testBrowser': { input: { path: string | null }; output: BrowserTest };
  /** Writes the raw data CSV to `path` (or to the data folder's exports) and says where. */
  'export:csv': { input: { planningIds?: string[]; path?: string }; output: CsvExportResult };
  /** Seals the data folder now: signed with the installation key, time-stamped when an authority answers. */
  'seals:create': { input: undefined; output: SealSummary };
  /** Writes a dossier de preuves; `jobId` names it for progress events and `dossier:cancel`. */
  'dossier:create': {
    input: { planningIds: string[]; from?: LocalDate; to?: LocalDate; path?: string; jobId?: string };
    output: DossierResult;
  };
  'dossier:cancel': { input: { jobId: string }; output: { cancelled: boolean } };
  /** Writes the static website of the association's figures into a folder. */
  'publish:site': { input: { path?: string }; output: PublishResult };
  /** Imports a La Cimade-layout CSV or another association's dossier (ZIP); all or nothing. */
  'import:file': { input: { path: string; planningId?: string; association?: string }; output: ImportResult };
  'alerts:list': { input: undefined; output: Alert[] };
  /**
   * Marks an alert « vu »: it goes from the list until its situation ends (a new one gets a new id). Unlike
   * muting (`alertsMuted`), the same kind of alert comes back for the planning's next situation. The alerts left.
   */
  'alerts:markSeen': { input: { id: string }; output: Alert[] };
}

export type ApiMethod = keyof ApiMethods;
export type ApiInput<K extends ApiMethod> = ApiMethods[K]['input'];
export type ApiOutput<K extends ApiMethod> = ApiMethods[K]['output'];

/** The typed face of the core: one function per method. */
export type AppApi = {
  [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutput<K>>;
};

/** Every method once: the type checker refuses a missing or an unknown one (a method added to ApiMethods goes here). */
const METHODS = {
  'app:info': true,
  'app:moveDataFolder': true,
  'plannings:list': true,
  'plannings:get': true,
  'plannings:create': true,
  'plannings:update': true,
  'plannings:remove': true,
  'plannings:discover': true,
  'probes:runNow': true,
  'probes:list': true,
  'probes:recent': true,
  'gaps:list': true,
  'assisted:open': true,
  'assisted:close': true,
  'steps:try': true,
  'settings:get': true,
  'settings:update': true,
  'settings:testBrowser': true,
  'export:csv': true,
  'dossier:create': true,
  'dossier:cancel': true,
  'publish:site': true,
  'import:file': true,
  'alerts:list': true,
  'alerts:markSeen': true,
  'seals:create': true,
} satisfies Record<ApiMethod, true>;

export const API_METHODS: readonly ApiMethod[] = Object.keys(METHODS) as ApiMethod[];

/**
 * Inputs that name a place on this computer where the core writes. Only the person at the PC chooses them: the
 * desktop app accepts a path the person picked in a save dialog, the web host accepts none (it downloads).
 */
export const WRITE_PATH_INPUTS: Partial<Record<ApiMethod, 'path' | 'to'>> = {
  'export:csv': 'path',
  'dossier:create': 'path',
  'publish:site': 'path',
  'app:moveDataFolder': 'to',
};

/** The path a call asks the core to write to, if it names one. */
export function writePathOf(method: string, input: unknown): { given: boolean; path: unknown } {
  const key = (WRITE_PATH_INPUTS as Record<string, string | undefined>)[method];
  if (key === undefined || typeof input !== 'object' || input === null || !(key in input)) return { given: false, path: undefined };
  return { given: true, path: (input as Record<string, unknown>)[key] };
}

/** Events pushed to the UI, in the past tense. */
export interface ApiEvents {
  'probe:started': { planningId: string };
  'probe:finished': Probe;
  'plannings:changed': { ids: string[] };
  'assisted:changed': AssistedSessionStatus;
  'dossier:progress': DossierProgress;
  'alerts:changed': Alert[];
}
export type ApiEvent = keyof ApiEvents;
const EVENTS = {
  'probe:started': true,
  'probe:finished': true,
  'plannings:changed': true,
  'assisted:changed': true,
  'dossier:progress': true,
  'alerts:changed': true,
} satisfies Record<ApiEvent, true>;
export const API_EVENTS: readonly ApiEvent[] = Object.keys(EVENTS) as ApiEvent[];

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'browser_not_found',
  'storage_corrupt',
  'storage_full',
  'unsupported_site',
  'guichet_required',
  'busy',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** In French, for the command line and the logs; the UI writes its own from `code` and `params`. */
  message: string;
  /** Path of the input at fault within the object the person edits: `['url']`, `['steps', 2, 'selector']`. */
  field?: (string | number)[];
  /** What the UI's message needs (a maximum, a step number…), by name. */
  params?: Record<string, string | number>;
}

/** What crosses IPC and HTTP: Electron passes only an error's message, so errors travel as values. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.api`, and what the web client implements over HTTP. */
export interface Bridge {
  call<K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<Envelope<ApiOutput<K>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/**
 * What only the desktop app offers, beside the API (the preload exposes it as `window.desktop`): native dialogs
 * that supply an input of an API call, such as where to save an export.
 */
export interface DesktopBridge {
  /** The file the person chose in a save dialog (offered under `suggestedName`), or null when they cancelled. */
  saveCsvDialog(suggestedName?: string): Promise<string | null>;
  /** Writes a chart PNG where the person chose in a save dialog (offered under `suggestedName`); null if cancelled. */
  savePngDialog(suggestedName: string, png: Uint8Array): Promise<string | null>;
  /** A folder chosen in a folder dialog (where to move the data folder), or null. */
  chooseFolderDialog(): Promise<string | null>;
  /** An image file chosen in an open dialog (the association's logo), or null. */
  chooseLogoDialog(): Promise<string | null>;
}
export const DESKTOP_CHANNELS = {
  saveCsvDialog: 'dialog:saveCsv',
  savePngDialog: 'dialog:savePng',
  chooseFolderDialog: 'dialog:chooseFolder',
  chooseLogoDialog: 'dialog:chooseLogo',
} as const satisfies Record<keyof DesktopBridge, string>;
