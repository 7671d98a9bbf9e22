// A core that can move to another data folder: the desktop app and the command line hold this one.
// `app:moveDataFolder` copies and checks (handlers/data-folder.ts); then this wrapper remembers the new place,
// closes the core on the old folder, opens one on the new folder (its schedule running again if it ran) and
// only then empties the old folder. Until the pointer is written, nothing changed: the old folder stays in use.
import type { ApiEvent, ApiEvents, AppApi, DataFolderMoveResult } from '../../shared/api.js';
import { API_EVENTS, API_METHODS } from '../../shared/api.js';
import { AppError } from '../errors.js';
import { emptyFolder, unchangedSinceCopy, writeDataDirPointer, type CheckedMove } from '../services/data-folder-move.js';
import { createCore, type Core, type CoreOptions } from './create-core.js';

export interface SwitchableCoreOptions extends Omit<CoreOptions, 'move'> {
  /**
   * The app's config folder, where `data-folder.json` says where the data folder went (paths.ts); null when the
   * folder was given by --data-dir or GUICHETS_DATA_DIR (the move is then said, not remembered).
   */
  configDir: string | null;
}

type Listener = (payload: never) => void;

export function createSwitchableCore(options: SwitchableCoreOptions): Core {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const listeners = new Map<ApiEvent, Set<Listener>>();
  let scheduled = false;
  let detach: (() => void)[] = [];
  let current = open(options.dataDir);

  function open(dataDir: string): Core {
    const core = createCore({ ...options, dataDir, move: { configDir: options.configDir, switchTo } });
    detach = API_EVENTS.map((event) =>
      core.on(event, (payload) => {
        for (const listener of listeners.get(event) ?? []) (listener as (value: typeof payload) => void)(payload);
      }),
    );
    return core;
  }

  async function switchTo(plan: CheckedMove): Promise<DataFolderMoveResult> {
    const remembered = options.configDir !== null;
    if (options.configDir !== null) {
      try {
        await writeDataDirPointer(options.configDir, plan.to);
      } catch (error) {
        await emptyFolder(plan.to, plan.entries);
        throw new AppError(
          'invalid_input',
          `Impossible de retenir le nouveau dossier dans « ${options.configDir} » (${error instanceof Error ? error.message : String(error)}). Rien n’a changé : le dossier actuel reste utilisé.`,
          { field: ['to'], params: { rule: 'not_remembered' } },
        );
      }
    }
    // The pointer is written: from here on the new folder is the data folder, whatever happens next.
    const old = current;
    for (const off of detach) off();
    await old.close().catch((error: unknown) => log(`Ancien dossier de données : fermeture : ${String(error)}`));
    current = open(plan.to);
    if (scheduled) await current.startSchedule().catch((error: unknown) => log(`Sondages non relancés : ${String(error)}`));
    // The old folder is emptied only now that the app uses the checked copy, and only if nothing was written there
    // since it was copied (a manual probe, a setting): otherwise it is kept, so that nothing is lost.
    const unchanged = await unchangedSinceCopy(plan).catch(() => false);
    if (!unchanged) log(`Ancien dossier de données laissé en place (${plan.from}) : modifié pendant le déplacement, comparez-le au nouveau.`);
    const removed =
      unchanged &&
      (await emptyFolder(plan.from, plan.entries).then(
        () => true,
        (error: unknown) => {
          log(`Ancien dossier de données laissé en place (${plan.from}) : ${String(error)}`);
          return false;
        },
      ));
    log(`Dossier de données déplacé : ${plan.to}`);
    return { from: plan.from, to: plan.to, files: plan.files, bytes: plan.bytes, oldFolder: removed ? 'removed' : 'kept', remembered };
  }

  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (input: never) => (current.api[method] as (value: never) => Promise<unknown>)(input)]),
  ) as AppApi;

  return {
    api,
    handle: (method, input, call) => current.handle(method, input, call),
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    get evidenceDir() {
      return current.evidenceDir;
    },
    get exportsDir() {
      return current.exportsDir;
    },
    async startSchedule() {
      await current.startSchedule();
      scheduled = true;
    },
    async stopSchedule() {
      scheduled = false;
      await current.stopSchedule();
    },
    wake: () => current.wake(),
    verify: (planningId, options) => current.verify(planningId, options),
    acceptRestore: (options) => current.acceptRestore(options),
    captionedScreenshot: (planningId, localDate, probeId) => current.captionedScreenshot(planningId, localDate, probeId),
    close: () => current.close(),
  };
}
