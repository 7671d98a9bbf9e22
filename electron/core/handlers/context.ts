// What every handler map is built from. A handler file exports `xxxHandlers(ctx)` returning its part of AppApi;
// handlers/index.ts combines them and the type checker says when a method of the contract has no handler.
import type { ApiEvent, ApiEvents, AppApi, DataFolderMoveResult } from '../../shared/api.js';
import type { Planning, PlanningSource } from '../../shared/domain.js';
import type { AlertService } from '../alerts/service.js';
import type { VerifyRuns } from '../evidence/index.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { SealService } from '../seals/index.js';
import type { BackupService } from '../services/backup-daily.js';
import type { Browsers } from '../services/browsers.js';
import type { CheckedMove } from '../services/data-folder-move.js';
import type { Overview } from '../services/overview.js';
import type { ProbePlanning } from '../services/record-probe.js';
import type { ScheduleRunner } from '../services/schedule-runner.js';
import type { Store } from '../store/index.js';

export interface HandlerContext {
  /** The data folder's store; the only one of the process for that folder. */
  readonly store: Store;
  readonly clock: Clock;
  /** Where GUICHETS_BROWSER and the like are read. */
  readonly env: NodeJS.ProcessEnv;
  readonly log: (message: string) => void;
  readonly app: {
    readonly version: string;
    /** Absolute path of the data folder. */
    readonly dataDir: string;
    /** The demo probes every minute and says so on screen. */
    readonly demo: boolean;
    readonly everyMinutes: 60 | 1;
    /** Set when this process can switch to a moved data folder (api/switchable-core.ts); null otherwise. */
    readonly move: DataFolderMover | null;
  };
  /** The headless prober and the assisted sessions' windows. */
  readonly browsers: Browsers;
  /** Seals of the data folder: on demand, daily, before exports. */
  readonly seals: SealService;
  /** Backups of the data folder: on demand and daily, one at a time. */
  readonly backups: BackupService;
  /** The hourly schedule, rebuilt when the settings change. */
  readonly scheduler: ScheduleRunner;
  /** The alerts: listed, tracked as probes come in, marked « vu ». */
  readonly alerts: AlertService;
  /** Checks of the folder asked through the API: one at a time, the last whole-folder report kept. */
  readonly verifier: VerifyRuns;
  /** Call before any write: takes the data folder's writer lock (AppError `busy` if another process has it). */
  asWriter(): Promise<void>;
  /** Runs `work` as the writer only if no other process writes, without keeping the lock after (false: skipped). */
  whileWriter(work: () => Promise<void>): Promise<boolean>;
  /** Pushes an event to every transport (IPC, Server-Sent Events, the command line's log). */
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  /** One probe of a planning, recorded with its evidence; emits probe:started and probe:finished. */
  probePlanning: ProbePlanning;
  /** The dashboard's view of a planning. */
  overview: Overview;
  /** After plannings were written: emits plannings:changed and lets a running schedule follow. */
  changed(ids: string[]): Promise<void>;
  /** Who the call being served came from: a web page (the web host) or the person at this PC. */
  source(): PlanningSource;
}

/** What the process does once the data folder is copied and checked: use the copy, then empty the old one. */
export interface DataFolderMover {
  /** The app's config folder (which may be the data folder itself, holding Electron's files too); null when none. */
  readonly configDir: string | null;
  switchTo(move: CheckedMove): Promise<DataFolderMoveResult>;
}

/** A domain's handlers: the methods it answers, typed by the contract. */
export type Handlers<K extends keyof AppApi> = Pick<AppApi, K>;

export async function mustGetPlanning(ctx: HandlerContext, id: string): Promise<Planning> {
  const planning = await ctx.store.plannings.get(id);
  if (!planning) throw new AppError('not_found', `Aucun planning « ${id} » : il a peut-être été supprimé.`);
  return planning;
}
