// The dossier de preuves through the API: progress as events, cancellation by job id.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { dossierExportName } from '../../shared/export-names.js';
import { buildDossier, pdfPathFor, resolvePeriod, type Period } from '../dossier/index.js';
import { importedProbesOf } from '../import/index.js';
import type { HandlerContext, Handlers } from './context.js';
import { EXPORTS_DIR } from '../store/index.js';

export function dossierHandlers(ctx: HandlerContext): Handlers<'dossier:create' | 'dossier:cancel'> {
  const jobs = new Map<string, AbortController>();
  /** Names of dossiers being written: two made in the same second get two names. */
  const reserved = new Set<string>();
  let counter = 0;

  /**
   * A name in the exports that no file has (neither the ZIP nor its PDF) and no dossier in progress holds, reserved
   * until the call ends: checked and taken with no await between, so two calls in the same second get two names.
   */
  async function reserveName(planningIds: string[], period: Period, now: Date): Promise<string> {
    const plannings = await ctx.store.plannings.list();
    const one = planningIds.length === 1 ? plannings.find((planning) => planning.id === planningIds[0]) : undefined;
    const subject = one ? one.label : `${planningIds.length}-plannings`;
    const exists = (file: string) => stat(file).then(() => true, () => false);
    for (let copy = 1; ; copy += 1) {
      const file = path.join(ctx.app.dataDir, EXPORTS_DIR, dossierExportName(subject, period, now, copy));
      if (reserved.has(file)) continue;
      reserved.add(file);
      if (!(await exists(file)) && !(await exists(pdfPathFor(file)))) return file;
      reserved.delete(file);
    }
  }

  return {
    'dossier:create': async ({ planningIds, from, to, path: target, jobId }) => {
      // Known before the first await: a cancel sent right after the call finds it.
      const id = jobId ?? `dossier-${(counter += 1)}`;
      const controller = new AbortController();
      jobs.set(id, controller);
      let out: string | null = null;
      try {
        const now = ctx.clock.now();
        const period = resolvePeriod(now, from, to);
        out = target ?? (await reserveName(planningIds, period, now));
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
        if (out !== null) reserved.delete(out);
      }
    },
    'dossier:cancel': ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return Promise.resolve({ cancelled: job !== undefined });
    },
  };
}
