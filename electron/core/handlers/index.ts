// Every handler of the contract, one map per domain. A method missing here is a type error.
import type { AppApi } from '../../shared/api.js';
import { assistedHandlers } from './assisted.js';
import type { HandlerContext } from './context.js';
import { exportHandlers } from './export.js';
import { planningHandlers } from './plannings.js';
import { probeHandlers } from './probes.js';
import { recentHandlers } from './recent.js';
import { sealHandlers } from './seals.js';
import { settingsHandlers } from './settings.js';
import { stepsHandlers } from './steps.js';
import { alertHandlers } from './alerts.js';
import { dossierHandlers } from './dossier.js';
import { importHandlers } from './import.js';
import { publishHandlers } from './publish.js';
import { dataFolderHandlers } from './data-folder.js';
import { backupHandlers } from './backup.js';
import { verifyHandlers } from './verify.js';

export type { DataFolderMover, HandlerContext, Handlers } from './context.js';
export { mustGetPlanning } from './context.js';

export function createHandlers(ctx: HandlerContext): AppApi {
  return {
    ...settingsHandlers(ctx),
    ...planningHandlers(ctx),
    ...probeHandlers(ctx),
    ...recentHandlers(ctx),
    ...assistedHandlers(ctx),
    ...stepsHandlers(ctx),
    ...exportHandlers(ctx),
    ...sealHandlers(ctx),
    ...dossierHandlers(ctx),
    ...importHandlers(ctx),
    ...publishHandlers(ctx),
    ...alertHandlers(ctx),
    ...dataFolderHandlers(ctx),
    ...backupHandlers(ctx),
    ...verifyHandlers(ctx),
  };
}
