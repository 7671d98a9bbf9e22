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
import type { CoreMessage } from './messages/index.js';
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
  sandbox: { enabled: boolean; reason: CoreMessage | null };
}

/** A seal just written (see the README, « Vérifier les preuves »). */
export interface SealSummary {
  /** `YYYYMMDDTHHMMSSZ`: its files are `seals/<name>.json`, `.sig` and `.tsr`. */
  name: string;
  plannings: number;
  probes: number;
  /** Host of the time-stamping authority that stamped it; null when none answered (stamped later). */
  stampedBy: string | null;
  /** Why each authority asked gave no token (`tsa.stamp_failed`), for the screen to word: unreachable, refused… */
  stampFailures: CoreMessage[];
  /** Earlier seals stamped at the same time. */
  restamped: number;
  /** Fingerprint of the new installation key this seal announced (`newKey`), else null. */
  newKey?: string | null;
}

/** A root that time-stamps must chain to: shipped with Guichets, added on this PC, or given for one run. */
export interface TrustedRootInfo {
  name: string;
  /** SHA-256 of the certificate (DER), hex: to compare with the one the authority publishes. */
  sha256: string;
  source: 'shipped' | 'user' | 'env';
  /** Where the authority publishes it (shipped roots). */
  published?: string;
}

export interface CsvExportResult {
  path: string;
  rows: number;
  /** Damaged files whose probes could not be read: every other row is written, these are named. */
  skipped?: string[];
}

/** A chart image written: a PNG named after its planning and the period it shows. */
export interface ChartExportResult {
  path: string;
}

/** A dossier de preuves written: a BagIt ZIP, and its PDF summary beside it. */
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
  /** The stage, as a code (`progress.dossier_…`), worded in the person's language. */
  message: CoreMessage;
}

/** A long job's advance (a full verify, a backup and its check): how far, and when it should end. */
export interface JobProgress {
  job: 'verify' | 'backup';
  /** Probes checked, or files copied: the unit of `total`. */
  done: number;
  total: number;
  /** When the job should end at the pace so far (ISO 8601, UTC); null until the pace is known. */
  estimatedEnd: string | null;
  /** The stage, worded by the catalogue (progress.…), with done, total, percent, end (HH:MM or none), day. */
  message: CoreMessage;
  /** A verify: the check's own id, which `verify:cancel` takes from a page that did not start it (another window). */
  jobId?: string;
  /**
   * A verify that ended without a verdict: stopped (by any caller), or failed. Told once, last, so that a page that
   * only watches it stops showing a check that no longer runs; a check that ends well is told by its last advance.
   */
  ended?: 'stopped' | 'failed';
}

/** One thing `verify:run` found wrong, as a code (verify.problem_…, verify.anchor_…, seal problems). */
export interface VerifyFinding {
  /** '' when it is the folder's (a seal, plannings.json). */
  planningId: string;
  probeId: string | null;
  /** Relative to the data folder. */
  file: string | null;
  /** The kind of problem, as verify names it (`artefact_altered`, `anchored_seal_missing`…). */
  kind: string;
  said: CoreMessage;
}

/** What `verify:run` found: the figures, each problem as a code, and what the person should know besides. */
export interface VerifyRunResult {
  ok: boolean;
  /** The planning checked; null: the whole folder. */
  planningId: string | null;
  /** When the check ended (ISO 8601). */
  at: string;
  checkedProbes: number;
  seals: number;
  /** Time-stamps that hold for their seal and chain to a trusted root. */
  timestamps: number;
  /** Probes no trusted time-stamp covers (a rewrite cannot be excluded), and probes proven only later. */
  unproven: number;
  late: number;
  problems: VerifyFinding[];
  /** Information, not problems: a restore acknowledged on this PC, what this PC remembers, no seal yet… */
  notes: CoreMessage[];
  /** Every problem is a seal this PC remembers and the folder lost: a restore in place may explain it. */
  restorable: boolean;
}

/** A seal as this PC remembers it: its name, its date (ISO 8601) and the probes it covers. */
export interface RememberedSealInfo {
  name: string;
  created: string;
  probes: number;
}

/** A restore in place acknowledged (`recorded`) or only asked what it would give up and rely on. */
export interface RestoreAcceptanceInfo {
  recorded: boolean;
  /** The seals this PC remembers and the folder no longer has, oldest first. */
  gaveUp: RememberedSealInfo[];
  /** The folder's newest seal made before them (the restored backup's last one), if any. */
  since: RememberedSealInfo | null;
  /** The seal this PC relies on from then on. */
  anchoredTo: RememberedSealInfo;
}

/** A backup made (`backup:run`): what was copied, and whether the copy passed verify's checks. */
export interface BackupResult {
  /** The copy's folder, as resolved. */
  dest: string;
  at: string;
  /** True when the check found nothing the data folder itself does not have: only then is the copy marked checked. */
  good: boolean;
  copiedFiles: number;
  copiedBytes: number;
  /** Files the copy already had (same size and time): not copied again. */
  unchangedFiles: number;
  checkedProbes: number;
  /** Problems of the copy that the data folder does not have. */
  problems: number;
  /** Problems the data folder has itself (checked only when the copy had any), copied as they are. */
  sourceProblems: number;
  /** The data folder contradicts the copy (evidence rewritten, shortened or deleted): nothing was replaced. */
  refused?: BackupRefusal;
}

/** The first file of a backup whose source contradicts the copy, and how. */
export interface BackupRefusal {
  /** Relative to the data folder, with `/`. */
  file: string;
  why: 'changed' | 'shortened' | 'removed';
}

/** What the data folder knows of its backups (`backup:status`), never what a copy says of itself. */
export interface BackupState {
  lastGood: { at: string; dest: string; probes: number } | null;
  lastAttempt: { at: string; dest: string; good: boolean; problems: number; refused?: BackupRefusal } | null;
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
  /**
   * What signs what was added: the dossier's seal, the fingerprint of the key that signed it, the association the
   * seal names; null when nothing does (« non scellé »: a CSV, a dossier without records).
   */
  sealed: { seal: string; key: string; association: string | null; provenFrom: string | null } | null;
  /** Rows of a signed dossier left out because no record of it signs them (its own imports, with a provenance). */
  unsigned: number;
}

/** Something about a followed planning, the disk or the seals that deserves a person's attention. */
export interface Alert {
  /** Stable for one situation, so that a notification is shown once. */
  id: string;
  kind: AlertKind;
  planningId: string | null;
  /** ISO instant the situation began. */
  since: string;
  /** What it says, worded by each reader in the person's language (the screens' line, the desktop's notification). */
  said: CoreMessage;
  /** `said` in French, for older readers. */
  message: string;
  /** Its figures as data, with `kind`: `planning`, `since`, `days`, `firstSlot`, `count`, `outcome`, `freeGb`. */
  params?: Record<string, string | number>;
}
export const ALERT_KINDS = ['dates_back', 'failing', 'disk', 'seals', 'backup'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The data folder moved with its contents (from the settings): where it is now and what became of the old one. */
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

/** One probe of an address outside any planning (`probes:probeUrl`): nothing is added to a planning's history. */
export interface UrlProbeResult {
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  /** In French: what the robot saw. */
  detail: string;
  /** The detail as a code and its parameters, when the robot gave one. */
  detailMessage?: CoreMessage;
  /** ISO instant the probe started. */
  startedAt: string;
  durationMs: number;
  url: string;
  finalUrl: string | null;
  /** Absolute paths of its captioned screenshot (PNG) and of its log, written in the data folder; null when none. */
  screenshot: string | null;
  log: string | null;
}

/** A seal of the data folder as listed (`seals:list`): what it says it sealed; `verify` judges it. */
export interface SealEntry {
  /** `YYYYMMDDTHHMMSSZ`: its files are `seals/<name>.json`, `.sig` and `.tsr`. */
  name: string;
  /** ISO instant it was made. */
  createdAt: string;
  plannings: number;
  probes: number;
  /** Fingerprint of the installation key that signed it; null when the seal cannot be read. */
  installationKey: string | null;
  /** A time-stamp token is beside it (made offline: not yet, stamped at the next seal). */
  stamped: boolean;
  /** False when the file is no longer the text that was signed (`verify` says more). */
  readable: boolean;
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
  /**
   * One probe of an address outside any planning, not recorded in any history: the result, and its captioned
   * screenshot and log written in the data folder (`cli-probes/`). `guichet`: its value or its label.
   */
  'probes:probeUrl': { input: { url: string; guichet?: string | null }; output: UrlProbeResult };
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
  /**
   * Draws a planning's chart as the dossier and the published site do (a PNG, over its top bar's period) in `lang`
   * (else the settings' language), and writes it to `path` (else the data folder's exports). Refused without the
   * association's name, which the chart carries.
   */
  'export:chartPng': { input: { planningId: string; lang?: Settings['language']; path?: string }; output: ChartExportResult };
  /** The seals of the data folder, oldest first. */
  'seals:list': { input: undefined; output: SealEntry[] };
  /** Seals the data folder now: signed with the installation key, time-stamped by every authority that answers. */
  'seals:create': { input: undefined; output: SealSummary };
  /** Seals now under a new installation key, announced in the seal and signed by the current one: desktop and command line only. */
  'seals:rotateKey': { input: undefined; output: SealSummary };
  /** The trusted time-stamping roots: shipped, added on this PC, and GUICHETS_TSA_ROOTS's. */
  'seals:roots': { input: undefined; output: TrustedRootInfo[] };
  /** Adds a root (a PEM text holding one self-signed CA certificate) to this PC's: desktop and command line only. */
  'seals:addRoot': { input: { pem: string }; output: TrustedRootInfo };
  /** Removes one of this PC's roots by its SHA-256: desktop and command line only. */
  'seals:removeRoot': { input: { sha256: string }; output: { removed: boolean } };
  /** Writes a dossier de preuves; `jobId` names it for progress events and `dossier:cancel`. */
  'dossier:create': {
    input: { planningIds: string[]; from?: LocalDate; to?: LocalDate; path?: string; jobId?: string };
    output: DossierResult;
  };
  'dossier:cancel': { input: { jobId: string }; output: { cancelled: boolean } };
  /** Writes the static website of the association's figures into a folder. */
  'publish:site': { input: { path?: string }; output: PublishResult };
  /** Imports a La Cimade-layout CSV or another association's dossier (ZIP); all or nothing. */
  /** `name`: the file's name as the person chose it (an upload's), for the provenance and messages; else the path's. */
  'import:file': { input: { path: string; planningId?: string; association?: string; name?: string }; output: ImportResult };
  'alerts:list': { input: undefined; output: Alert[] };
  /**
   * Marks an alert « vu »: it goes from the list until its situation ends (a new one gets a new id). Unlike
   * muting (`alertsMuted`), the same kind of alert comes back for the planning's next situation. The alerts left.
   */
  'alerts:markSeen': { input: { id: string }; output: Alert[] };
  /** Backs the data folder up into `path` (else the daily backup's folder) and checks the copy: desktop and command line only. */
  'backup:run': { input: { path?: string }; output: BackupResult };
  /** The last good backup and the last attempt, as the data folder recorded them. */
  'backup:status': { input: undefined; output: BackupState };
  /**
   * Checks every record, capture, chain, seal and time-stamp (one planning or all), one check at a time; job:progress.
   * `jobId` names the caller for `verify:cancel`; a check stopped rejects with verify.cancelled, never a verdict.
   */
  'verify:run': { input: { planningId?: string; jobId?: string }; output: VerifyRunResult };
  /**
   * Stops the check `jobId` waits on, or the check whose id its progress told (`JobProgress.jobId`), for every caller
   * waiting on it; false when none was under way.
   */
  'verify:cancel': { input: { jobId: string }; output: { cancelled: boolean } };
  /**
   * After a restore in place from an older backup: what acknowledging it would give up (`confirm` absent), or, once
   * the person confirmed, this PC's memory of the folder's seals rewritten to say so for good. Desktop and command line only.
   */
  'verify:acceptRestore': { input: { confirm?: boolean }; output: RestoreAcceptanceInfo };
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
  'probes:probeUrl': true,
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
  'export:chartPng': true,
  'seals:list': true,
  'dossier:create': true,
  'dossier:cancel': true,
  'publish:site': true,
  'import:file': true,
  'alerts:list': true,
  'alerts:markSeen': true,
  'seals:create': true,
  'seals:rotateKey': true,
  'seals:roots': true,
  'seals:addRoot': true,
  'seals:removeRoot': true,
  'backup:run': true,
  'backup:status': true,
  'verify:run': true,
  'verify:cancel': true,
  'verify:acceptRestore': true,
} satisfies Record<ApiMethod, true>;

export const API_METHODS: readonly ApiMethod[] = Object.keys(METHODS) as ApiMethod[];

/**
 * What an input of a call is, for the transports that carry it (the web host, the desktop's IPC):
 * - a path on this computer: `read` (a file the core reads: an import, the logo), `write` (a file it writes: an
 *   export), `folder` (a folder it fills: the data folder's new place, the published site), `program` (a program
 *   it launches: the browser). The desktop accepts only a path that a dialog of the calling window returned for
 *   that use, or the setting's current value; the web host none (a file written is downloaded, a file read is
 *   uploaded);
 * - `address`: web addresses the robot will open (a URL, or steps whose `goto` hold them); over HTTP never a
 *   loopback or private-network address, except the replicas the core was started with;
 * - `desktop`: set only at the desktop or the command line, whatever its value (the time-stamping authorities:
 *   hosts the core posts to and trusts).
 */
export type InputUse = 'read' | 'write' | 'folder' | 'program' | 'address' | 'desktop';
export type PathUse = Extract<InputUse, 'read' | 'write' | 'folder' | 'program'>;
export const PATH_USES: readonly InputUse[] = ['read', 'write', 'folder', 'program'];

export interface TransportPolicy {
  /** The inputs that are not plain data, by their place in the input object (`url`, `changes.url`). */
  readonly inputs?: Readonly<Record<string, InputUse>>;
  /**
   * A browser opens web pages for this call: those of its `address` inputs (`input`), or the planning's named by
   * `planningId` (`planning`). Over HTTP its pages reach public addresses only.
   */
  readonly browses?: 'input' | 'planning';
  /** Over HTTP, this `read` input comes as the bytes of an uploaded file, which the host keeps in a temporary file. */
  readonly upload?: string;
  /** Over HTTP, the outputs that name a file the core wrote for the call, which the page then downloads. */
  readonly downloads?: readonly string[];
  /** Refused over HTTP: the desktop app and the command line only. */
  readonly desktopOnly?: true;
}

/** How each setting may be given (`page`: by any transport); the type checker refuses a setting left out. */
export const SETTINGS_INPUTS = {
  language: 'page',
  browserPath: 'program',
  hostSpacingSeconds: 'page',
  probeTimeoutSeconds: 'page',
  author: 'page',
  schedulerEnabled: 'page',
  tsaUrls: 'desktop',
  maxParallelProbes: 'page',
  associationName: 'page',
  associationContact: 'page',
  associationLogo: 'read',
  alertsMuted: 'page',
  alertsSeen: 'page',
  activeHours: 'page',
  activeDays: 'page',
  notifications: 'page',
  evidenceBudgetGb: 'page',
  backupDir: 'folder',
} as const satisfies Record<keyof Settings, InputUse | 'page'>;

const settingsInputs: Readonly<Record<string, InputUse>> = Object.fromEntries(
  Object.entries(SETTINGS_INPUTS as Record<string, InputUse | 'page'>).filter(
    (entry): entry is [string, InputUse] => entry[1] !== 'page',
  ),
);

/**
 * The transport policy, one entry per method (the type checker refuses a missing one): read by the web host and
 * by the desktop's IPC layer, and by the core for the addresses of a call that came over HTTP.
 */
export const TRANSPORT_POLICY = {
  'app:info': {},
  'app:moveDataFolder': { inputs: { to: 'folder' }, desktopOnly: true },
  'plannings:list': {},
  'plannings:get': {},
  'plannings:create': { inputs: { url: 'address', steps: 'address' } },
  'plannings:update': { inputs: { 'changes.url': 'address', 'changes.steps': 'address' } },
  'plannings:remove': {},
  'plannings:discover': { inputs: { url: 'address' }, browses: 'input' },
  'probes:runNow': { browses: 'planning' },
  // The command line's one-off probe of an address: it writes its capture and log beside the data folder.
  'probes:probeUrl': { inputs: { url: 'address' }, browses: 'input', desktopOnly: true },
  'probes:list': {},
  'probes:recent': {},
  'gaps:list': {},
  'assisted:open': { browses: 'planning' },
  'assisted:close': {},
  'steps:try': { inputs: { url: 'address', steps: 'address' }, browses: 'input' },
  'settings:get': {},
  'settings:update': { inputs: settingsInputs },
  'settings:testBrowser': { inputs: { path: 'program' } },
  'export:csv': { inputs: { path: 'write' }, downloads: ['path'] },
  'export:chartPng': { inputs: { path: 'write' }, downloads: ['path'] },
  'seals:create': {},
  'seals:list': {},
  // Keys and trusted roots are the person's at this PC: never chosen by a page.
  'seals:rotateKey': { desktopOnly: true },
  'seals:roots': {},
  'seals:addRoot': { desktopOnly: true },
  'seals:removeRoot': { desktopOnly: true },
  'dossier:create': { inputs: { path: 'write' }, downloads: ['path', 'pdfPath'] },
  'dossier:cancel': {},
  'publish:site': { inputs: { path: 'folder' } },
  'import:file': { inputs: { path: 'read' }, upload: 'path' },
  'alerts:list': {},
  'alerts:markSeen': {},
  // The person chooses where the evidence is copied, at this PC: never a page.
  'backup:run': { inputs: { path: 'folder' }, desktopOnly: true },
  'backup:status': {},
  // Read-only, so a page may ask (the web host serves people who run Guichets on an always-on machine); one check at
  // a time, a second call joins the one under way.
  'verify:run': {},
  // Only stops a read: a page may, as it may start one.
  'verify:cancel': {},
  // Which seals this PC stops expecting is a trust decision of the person at the PC: never a page.
  'verify:acceptRestore': { desktopOnly: true },
} as const satisfies Record<ApiMethod, TransportPolicy>;

/** The policy of a method named by a caller (an unknown name has none: the core refuses it). */
export function policyOf(method: string): TransportPolicy {
  return Object.hasOwn(TRANSPORT_POLICY, method) ? TRANSPORT_POLICY[method as ApiMethod] : {};
}

/** The value at a dotted place of an input (`changes.url`), undefined when absent. */
export function inputAt(input: unknown, place: string): unknown {
  let value = input;
  for (const key of place.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The inputs of a call that its method's policy names, as given (absent ones left out). */
export function givenInputs(method: string, input: unknown): { place: string; use: InputUse; value: unknown }[] {
  const inputs: Readonly<Record<string, InputUse>> = policyOf(method).inputs ?? {};
  return Object.entries(inputs).flatMap(([place, use]) => {
    const value = inputAt(input, place);
    return value === undefined ? [] : [{ place, use, value }];
  });
}

/** The web addresses held by an `address` input: a URL (`step` null), or the `goto` steps of a steps description. */
export function addressesIn(value: unknown): { url: string; step: number | null }[] {
  if (typeof value === 'string') return [{ url: value, step: null }];
  const steps = inputAt(value, 'steps');
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step: unknown, index) => {
    const url = inputAt(step, 'url');
    return inputAt(step, 'kind') === 'goto' && typeof url === 'string' ? [{ url, step: index }] : [];
  });
}

/** Events pushed to the UI, in the past tense. */
export interface ApiEvents {
  'probe:started': { planningId: string };
  'probe:finished': Probe;
  'plannings:changed': { ids: string[] };
  'assisted:changed': AssistedSessionStatus;
  'dossier:progress': DossierProgress;
  'alerts:changed': Alert[];
  'job:progress': JobProgress;
}
export type ApiEvent = keyof ApiEvents;
const EVENTS = {
  'probe:started': true,
  'probe:finished': true,
  'plannings:changed': true,
  'assisted:changed': true,
  'dossier:progress': true,
  'alerts:changed': true,
  'job:progress': true,
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
  /** The web host's API without the session's secret: open the address Guichets printed. */
  'unauthorized',
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
  /** The message as a code of the core's catalogue (electron/shared/messages), worded by the UI in its language. */
  coreMessage?: CoreMessage;
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
  /** A folder chosen in a folder dialog (where to move the data folder), or null. */
  chooseFolderDialog(): Promise<string | null>;
  /** An image file chosen in an open dialog (the association's logo), or null. */
  chooseLogoDialog(): Promise<string | null>;
  /** A CSV or a dossier (ZIP) chosen in an open dialog, to import; or null. */
  chooseImportFileDialog(): Promise<string | null>;
  /** The browser's program chosen in an open dialog, or null. */
  chooseBrowserDialog(): Promise<string | null>;
  /** Shows an exported file (a dossier, its PDF) in the system's file manager; false when it is not one. */
  showInFolder(file: string): Promise<boolean>;
}
export const DESKTOP_CHANNELS = {
  saveCsvDialog: 'dialog:saveCsv',
  chooseFolderDialog: 'dialog:chooseFolder',
  chooseLogoDialog: 'dialog:chooseLogo',
  chooseImportFileDialog: 'dialog:chooseImportFile',
  chooseBrowserDialog: 'dialog:chooseBrowser',
  showInFolder: 'shell:showInFolder',
} as const satisfies Record<keyof DesktopBridge, string>;
