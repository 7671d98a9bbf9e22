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
import type { PlanningStats } from './stats.js';

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
  stats: PlanningStats;
  lastProbe: Probe | null;
  /** ISO instant of the next scheduled probe, when the schedule runs and the planning is followed. */
  nextProbeAt: string | null;
  running: boolean;
  /** The robot cannot read the site: non-null after three `robot_error`/`unrecognized` probes in a row. */
  robotTrouble: { since: string; count: number; lastProbeId: string; step: string | null; detail: string; stepsTaken: Step[] } | null;
  /** The last local day a probe saw free dates (read from the aggregates), or null if none ever did. */
  lastDatesDay: LocalDate | null;
}

export interface PlanningDetail extends PlanningOverview {
  recentProbes: Probe[];
  gaps: Gap[];
}

export interface BrowserStatus {
  found: boolean;
  path: string | null;
  /** What to do when no browser was found. */
  message: string | null;
}

export interface AppInfo {
  version: string;
  demo: boolean;
  /** 60 normally; the demo probes more often and says so on screen. */
  scheduleEveryMinutes: number;
  schedulerRunning: boolean;
  dataDir: string;
  browser: BrowserStatus;
}

export interface CsvExportResult {
  path: string;
  rows: number;
}

/** Every method: its input and its output. Names are `namespace:verb`. */
export interface ApiMethods {
  'app:info': { input: undefined; output: AppInfo };
  'plannings:list': { input: undefined; output: PlanningOverview[] };
  'plannings:get': { input: { id: string }; output: PlanningDetail };
  'plannings:create': { input: PlanningInput; output: Planning };
  'plannings:update': { input: { id: string; changes: PlanningChanges }; output: Planning };
  'plannings:remove': { input: { id: string }; output: { removed: true } };
  'plannings:discover': { input: { url: string }; output: DiscoverResult };
  'probes:runNow': { input: { planningId: string }; output: Probe };
  /** A month's probes, newest first; without a month, the newest 500. */
  'probes:list': { input: { planningId: string; month?: MonthKey; day?: LocalDate }; output: Probe[] };
  /** A month's gaps (hours when no probe ran), newest first. */
  'gaps:list': { input: { planningId: string; month: MonthKey }; output: Gap[] };
  /** Opens the visible window where the person solves the captcha. */
  'assisted:open': { input: { planningId: string }; output: AssistedSessionStatus };
  'assisted:close': { input: { planningId: string }; output: AssistedSessionStatus };
  /** Runs user-defined steps once; screenshots as data: URLs. */
  'steps:try': { input: { url: string; steps: StepsSpec }; output: StepsTrialResult };
  'settings:get': { input: undefined; output: Settings };
  'settings:update': { input: Partial<Settings>; output: Settings };
  /** Writes the raw data CSV to `path` (or to the data folder's exports) and says where. */
  'export:csv': { input: { planningIds?: string[]; path?: string }; output: CsvExportResult };
}

export type ApiMethod = keyof ApiMethods;
export type ApiInput<K extends ApiMethod> = ApiMethods[K]['input'];
export type ApiOutput<K extends ApiMethod> = ApiMethods[K]['output'];

/** The typed face of the core: one function per method. */
export type AppApi = {
  [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutput<K>>;
};

export const API_METHODS = [
  'app:info',
  'plannings:list',
  'plannings:get',
  'plannings:create',
  'plannings:update',
  'plannings:remove',
  'plannings:discover',
  'probes:runNow',
  'probes:list',
  'gaps:list',
  'assisted:open',
  'assisted:close',
  'steps:try',
  'settings:get',
  'settings:update',
  'export:csv',
] as const satisfies readonly ApiMethod[];

/** Events pushed to the UI, in the past tense. */
export interface ApiEvents {
  'probe:started': { planningId: string };
  'probe:finished': Probe;
  'plannings:changed': { ids: string[] };
  'assisted:changed': AssistedSessionStatus;
}
export type ApiEvent = keyof ApiEvents;
export const API_EVENTS = ['probe:started', 'probe:finished', 'plannings:changed', 'assisted:changed'] as const satisfies readonly ApiEvent[];

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
  /** The file the person chose in a save dialog, or null when they cancelled. */
  saveCsvDialog(): Promise<string | null>;
}
export const DESKTOP_CHANNELS = { saveCsvDialog: 'dialog:saveCsv' } as const satisfies Record<keyof DesktopBridge, string>;
