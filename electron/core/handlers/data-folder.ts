// Moving the data folder with its contents (from the settings). The web host refuses this method before it gets
// here (a page never chooses a path on the PC); the desktop app and the command line reach it.
import { AppError } from '../errors.js';
import { copyAndCheck, MOVE_FROM, planMove } from '../services/data-folder-move.js';
import type { HandlerContext, Handlers } from './context.js';

export function dataFolderHandlers(ctx: HandlerContext): Handlers<'app:moveDataFolder'> {
  return {
    'app:moveDataFolder': async ({ to }) => {
      const mover = ctx.app.move;
      if (!mover) {
        throw new AppError(
          'invalid_input',
          `${MOVE_FROM}.`,
          { field: ['to'], params: { rule: 'desktop_only' } },
        );
      }
      // No other Guichets may write the folder while it is copied, and no probe of ours either.
      await ctx.asWriter();
      const plan = await planMove(ctx.app.dataDir, to, mover.configDir);
      const wasRunning = ctx.scheduler.current()?.running ?? false;
      await ctx.scheduler.stop();
      // An assisted session's browser profile lives in the data folder: closed, so that it is copied whole.
      await ctx.browsers.assistedIfOpen()?.closeAll();
      ctx.log(`Dossier de données : copie de ${plan.files} fichiers (${plan.bytes} octets) vers ${plan.to}…`);
      try {
        const checked = await copyAndCheck(plan);
        // From here the copy is complete and on disk; the switch says whether the app now uses it.
        const moved = await mover.switchTo(checked);
        // This PC's memory of the folder's seals follows it (else its truncation would pass as a copy's).
        await ctx.seals.carryAnchor(moved.to).catch((error: unknown) => ctx.log(`Mémoire des sceaux non déplacée : ${String(error)}`));
        return moved;
      } catch (error) {
        // The old folder stays the one in use: its probes go on.
        if (wasRunning) await (await ctx.scheduler.get()).start();
        throw error;
      }
    },
  };
}
