// `verify [--planning ID]`: every capture, hash, chain, seal and time-stamp of the data folder.
import { statSync } from 'node:fs';
import { formatFingerprint, type VerifyReport } from '../../core/api/index.js';
import { AppError } from '../../core/errors.js';
import { dataDirOf, openCore, type Command } from './context.js';

function printSeals(seals: VerifyReport['seals']): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (!seals) {
    out('Aucun sceau : rien ne protège encore ces sondages d’une réécriture. Scellez-les : npm run cli -- seal');
    return;
  }
  out(`Clé de l’installation : ${seals.keyFingerprint ? formatFingerprint(seals.keyFingerprint) : 'introuvable'}`);
  const last = seals.last;
  if (last) {
    const stamp = last.stamp ? `horodaté par ${last.stamp.tsa} le ${parisTime(last.stamp.genTime)}` : 'non horodaté';
    out(`${seals.count} sceau(x) ; le dernier : ${last.name} (${last.createdAt ? parisTime(last.createdAt) : '?'}), ${stamp}.`);
  }
  if (seals.unstamped.length > 0) out(`Sceaux non horodatés (faits hors ligne, horodatés au prochain sceau) : ${seals.unstamped.join(', ')}`);
  for (const { planningId, probes } of seals.unsealed) out(`Planning ${planningId} : ${probes} sondage(s) non scellé(s) (après le dernier sceau).`);
}

const parisTime = (iso: string): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

export const verifyCommand: Command = async (context) => {
  const dir = dataDirOf(context);
  if (!statSync(dir, { throwIfNoEntry: false })) {
    throw new AppError('invalid_input', `Dossier de données introuvable : « ${dir} ». Indiquez le dossier de Guichets avec --data-dir.`);
  }
  const core = openCore(context);
  try {
    const ids = context.planningIds.length > 0 ? context.planningIds : [undefined];
    let ok = true;
    for (const id of ids) {
      const report = await core.verify(id);
      for (const problem of report.problems) {
        process.stdout.write(`✗ ${problem.message}\n`);
      }
      if (report.emptyPlannings && report.emptyPlannings.length > 0) {
        process.stdout.write(`Aucun sondage enregistré pour : ${report.emptyPlannings.join(', ')}\n`);
      }
      process.stdout.write(
        `${report.ok ? '✓' : '✗'} ${report.checkedProbes} sondages vérifiés${id ? ` (planning ${id})` : ''} : ${
          report.ok ? 'captures, empreintes et chaîne intactes.' : `${report.problems.length} problème(s).`
        }\n`,
      );
      if (id === undefined || ids.length === 1) printSeals(report.seals);
      ok &&= report.ok;
    }
    return ok ? 0 : 1;
  } finally {
    await core.close();
  }
};
