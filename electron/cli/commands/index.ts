// Every verb of the command line, loaded when it runs: a mistyped command or `--help` answers without loading
// the core, and each verb loads only what it uses.
import type { Command } from './context.js';

export type { Command, CommandContext, PlanningOptions } from './context.js';

type Loader = () => Promise<Command>;

const evidence = (name: 'dossierCommand' | 'publishCommand' | 'importCommand'): Loader => async () => {
  const [{ withEvidenceCore }, verbs] = await Promise.all([import('./evidence.js'), import('../evidence-commands.js')]);
  return withEvidenceCore(verbs[name]);
};

export const COMMANDS: Readonly<Record<string, Loader | undefined>> = {
  plannings: async () => (await import('./plannings.js')).plannings,
  settings: async () => (await import('./settings.js')).settings,
  seals: async () => (await import('./seals.js')).seals,
  discover: async () => (await import('./probe.js')).discover,
  probe: async () => (await import('./probe.js')).probe,
  run: async () => (await import('./run.js')).run,
  serve: async () => (await import('./run.js')).serve,
  demo: async () => (await import('./demo.js')).demo,
  stats: async () => (await import('./stats.js')).stats,
  export: async () => (await import('./export.js')).exportCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  seal: async () => (await import('./seal.js')).seal,
  'tsa-roots': async () => (await import('./tsa-roots.js')).tsaRoots,
  dossier: evidence('dossierCommand'),
  publish: evidence('publishCommand'),
  import: evidence('importCommand'),
  'move-data': async () => (await import('./move-data.js')).moveData,
  backup: async () => (await import('./backup.js')).backup,
};

/** --browser PATH: the one way besides the desktop app's settings to choose the program Guichets launches. */
export async function saveBrowser(context: Parameters<Command>[0]): Promise<void> {
  if (!context.browser) return;
  const { saveBrowserSetting } = await import('./browser.js');
  await saveBrowserSetting(context);
}
