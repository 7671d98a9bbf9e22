// Exports: the raw data CSV and a planning's chart, written to a file (where the person chose, else the data
// folder's exports).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { csvExportName, exportFileName } from '../../shared/export-names.js';
import { coreMessage } from '../../shared/messages/index.js';
import { coreError } from '../errors.js';
import { wordCore } from '../messages.js';
import { exportCsvFile } from '../export/index.js';
import { chartFacts, drawChartPng } from '../report/chart.js';
import { planningChartRows, topPeriod } from '../report/figures.js';
import { instantWords } from '../report/period.js';
import { PARIS } from '../stats/calendar.js';
import { EXPORTS_DIR } from '../store/index.js';
import { mustGetPlanning, type HandlerContext, type Handlers } from './context.js';

export function exportHandlers(ctx: HandlerContext): Handlers<'export:csv' | 'export:chartPng'> {
  return {
    // The chart the dossier and the published site carry, with the figures the planning's page shows.
    'export:chartPng': async ({ planningId, lang: asked, path: target }) => {
      const planning = await mustGetPlanning(ctx, planningId);
      const settings = await ctx.store.settings.get();
      const association = settings.associationName.trim();
      if (!association) throw coreError('invalid_input', coreMessage('chart.association_required'));
      const lang = asked ?? settings.language;
      const now = ctx.clock.now();
      const { stats } = await ctx.overview(planning, 'months');
      const today = DateTime.fromJSDate(now, { zone: PARIS }).toFormat('yyyy-MM-dd');
      const period = stats.topScope === 'no_history' ? null : stats.top;
      const facts = chartFacts(
        planning,
        planningChartRows(stats, lang),
        period ? topPeriod(stats, lang) : wordCore(coreMessage('chart.empty'), lang),
        settings.author.trim(),
        association,
        instantWords(now, lang),
        lang,
      );
      const png = await drawChartPng(await ctx.browsers.path(' : il dessine le graphique'), facts);
      const out = target ?? path.join(ctx.app.dataDir, EXPORTS_DIR, exportFileName(planning.label, period?.from ?? today, period?.to ?? today, 'png'));
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, png);
      return { path: out };
    },
    'export:csv': async ({ planningIds, path: target }) => {
      const out = target ?? path.join(ctx.app.dataDir, EXPORTS_DIR, csvExportName(ctx.clock.now()));
      const skipped: string[] = [];
      // Sealed first (once the plannings are known to exist), when this process may write: another Guichets
      // holding the folder seals it daily itself. Exporting is reading: the lock is not kept after the seal.
      const beforeRead = async (): Promise<void> => {
        await ctx.whileWriter(() => ctx.seals.beforeExport());
      };
      const rows = await exportCsvFile(ctx.store, out, planningIds, skipped, { beforeRead });
      if (skipped.length > 0) ctx.log(`Export CSV : fichiers endommagés, leurs sondages manquent : ${skipped.join(', ')}`);
      return { path: out, rows, ...(skipped.length > 0 ? { skipped } : {}) };
    },
  };
}
