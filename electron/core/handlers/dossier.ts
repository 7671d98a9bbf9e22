// The dossier de preuves through the API: progress as events, cancellation by job id.
import path from 'node:path';
import { dossierExportName } from '../../shared/export-names.js';
import { buildDossier, resolvePeriod } from '../dossier/index.js';
import { importedProbesOf } from '../import/index.js';
import type { HandlerContext, Handlers } from './context.js';
import { EXPORTS_DIR } from '../store/index.js';

export function dossierHandlers(ctx: HandlerContext): Handlers<'dossier:create' | 'dossier:cancel'> {
  const jobs = new Map<string, AbortController>();
  let counter = 0;
  return {
    'dossier:create': async ({ planningIds, from, to, path: target, jobId }) => {
      const now = ctx.clock.now();
      const period = resolvePeriod(now, from, to);
      const out = target ?? path.join(ctx.app.dataDir, EXPORTS_DIR, dossierExportName(now));
      const id = jobId ?? `dossier-${(counter += 1)}`;
      const controller = new AbortController();
      jobs.set(id, controller);
      try {
        // A fresh seal covers every probe of the dossier; when another Guichets holds the folder, it seals daily.
        await ctx.whileWriter(() => ctx.seals.beforeExport());
        const result = await buildDossier({
          store: ctx.store,
          planningIds,
          period,
          out,
          appVersion: ctx.app.version,
          browserPath: await ctx.browsers.path(' : il dessine les graphiques et le PDF'),
          now,
          signal: controller.signal,
          onProgress: (progress) => ctx.emit('dossier:progress', { jobId: id, ...progress }),
          importedProbes: importedProbesOf(ctx.store.dir),
          trust: await ctx.seals.trust(),
        });
        return {
          path: result.path,
          pdfPath: result.pdfPath,
          probes: result.probes,
          screenshots: result.screenshots,
          payloadBytes: result.payloadBytes,
          seal: result.seal,
          altered: result.altered,
        };
      } finally {
        jobs.delete(id);
      }
    },
    'dossier:cancel': ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return Promise.resolve({ cancelled: job !== undefined });
    },
  };
}
