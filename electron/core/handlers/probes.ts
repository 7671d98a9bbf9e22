// Probes: one now, at the user's request, one of an address outside any planning, and a planning's probes and
// gaps month by month (or one day).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UrlProbeResult } from '../../shared/api.js';
import { AppError } from '../errors.js';
import { importedProbes, withImportedProbes } from '../import/index.js';
import { adapterFor } from '../probe/index.js';
import { captionedPng } from '../report/captioned.js';
import { newProbeId } from '../services/record-probe.js';
import { CLI_PROBES_DIR } from '../store/index.js';
import { mustGetPlanning, type HandlerContext, type Handlers } from './context.js';

/** Three years of a planning are 26 000 probes: without a month, the newest ones only. */
const RECENT_PROBES = 500;

/**
 * One probe of an address outside any planning: nothing goes into a planning's history; its captioned screenshot
 * and its log are kept apart in the data folder, for the person to look at. No writer lock: these files are the
 * only ones written, under names no other process writes.
 */
async function probeUrl(ctx: HandlerContext, target: { url: string; guichet: string | null }): Promise<UrlProbeResult> {
  // An address no adapter reads is said before a browser is started for it.
  adapterFor(target.url);
  const id = newProbeId(ctx.clock.now());
  const result = await (await ctx.browsers.prober()).probe(target, { probeId: id, planningLabel: target.url });
  const dir = path.join(ctx.app.dataDir, CLI_PROBES_DIR);
  if (result.screenshot || result.log) await mkdir(dir, { recursive: true });
  let screenshot: string | null = null;
  if (result.screenshot) {
    screenshot = path.join(dir, `${id}.png`);
    await writeFile(screenshot, await captionedPng(result.screenshot, { ...result, planningLabel: target.url, probeId: id }));
  }
  let log: string | null = null;
  if (result.log) {
    // The robot's steps, Playwright's call logs and the browser's console: kept beside the capture.
    log = path.join(dir, `${id}.log`);
    await writeFile(log, result.log);
  }
  const { outcome, firstSlot, secondSlot, detail, durationMs, url, finalUrl } = result;
  return {
    outcome,
    firstSlot,
    secondSlot,
    detail,
    ...(result.detailMessage === undefined ? {} : { detailMessage: result.detailMessage }),
    startedAt: result.startedAt.toISOString(),
    durationMs,
    url,
    finalUrl,
    screenshot,
    log,
  };
}

export function probeHandlers(ctx: HandlerContext): Handlers<'probes:runNow' | 'probes:probeUrl' | 'probes:list' | 'gaps:list'> {
  return {
    'probes:runNow': async ({ planningId }) => {
      await ctx.asWriter();
      const planning = await mustGetPlanning(ctx, planningId);
      const probe = await (await ctx.scheduler.get()).runNow(planning);
      if (!probe) throw new AppError('busy', 'Le sondage n’a pas pu aboutir à temps. Réessayez dans un instant.');
      return probe;
    },
    'probes:probeUrl': ({ url, guichet }) => probeUrl(ctx, { url, guichet: guichet ?? null }),
    'probes:list': async ({ planningId, month, day }) => {
      await mustGetPlanning(ctx, planningId);
      if (day) return ctx.store.probes.list(planningId, { day });
      const own = await ctx.store.probes.list(planningId, month ? { month } : { limit: RECENT_PROBES });
      // Imported probes (import/area.ts) show in the history too, marked by their provenance.
      return withImportedProbes(own, await importedProbes(ctx.app.dataDir, planningId, month), month ? undefined : RECENT_PROBES);
    },
    'gaps:list': async ({ planningId, month }) => {
      await mustGetPlanning(ctx, planningId);
      return ctx.store.gaps.list(planningId, month);
    },
  };
}
