// The command line's dossier de preuves, publication and import. Through the API, like the desktop app.
import path from 'node:path';
import type { ApiEvents } from '../shared/api.js';
import { formatFingerprint, type Core } from '../core/api/index.js';
import { AppError } from '../core/errors.js';
import { PARIS } from '../shared/domain.js';
import { wordCore } from '../core/messages.js';
import type { Words } from './words.js';

export interface EvidenceCommandContext {
  args: string[];
  out: string | null;
  planningIds: string[];
  from: string | null;
  to: string | null;
  association: string | null;
  /** The person's language (the stages of a dossier are said in it). */
  words?: Words;
}

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** A progress bar on a terminal, a line every tenth otherwise (a log file, CI). */
function progressPrinter(lang: Words['lang']): (event: ApiEvents['dossier:progress']) => void {
  let lastTenth = -1;
  let lastPhase = '';
  return (event) => {
    if (event.phase !== lastPhase && event.phase !== 'files') say(wordCore(event.message, lang));
    lastPhase = event.phase;
    if (event.phase !== 'files' || event.total === 0) return;
    const share = event.done / event.total;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)} % ${(event.done / 1e6).toFixed(1)} / ${(event.total / 1e6).toFixed(1)} Mo`);
      if (event.done >= event.total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      say(`${lastTenth * 10} %`);
    }
  };
}

export async function dossierCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  if (context.planningIds.length === 0) throw new AppError('invalid_input', 'Indiquez le planning : --planning ID (plusieurs fois pour plusieurs plannings).');
  if (!context.out) throw new AppError('invalid_input', 'Indiquez le fichier à écrire : --out dossier.zip');
  const jobId = `cli-${process.pid}`;
  const off = core.on('dossier:progress', (event) => {
    if (event.jobId === jobId) print(event);
  });
  const print = progressPrinter(context.words?.lang ?? 'fr');
  const cancel = (): void => {
    say('\nAnnulation…');
    void core.api['dossier:cancel']({ jobId });
  };
  process.once('SIGINT', cancel);
  try {
    const result = await core.api['dossier:create']({
      planningIds: context.planningIds,
      ...(context.from ? { from: context.from } : {}),
      ...(context.to ? { to: context.to } : {}),
      path: path.resolve(context.out),
      jobId,
    });
    say(`Dossier : ${result.path} (${result.probes} sondages, ${result.screenshots} captures, ${(result.payloadBytes / 1e6).toFixed(1)} Mo)`);
    say(`Résumé PDF : ${result.pdfPath}`);
    say(result.seal ? `Scellement joint : ${result.seal}` : 'Aucun scellement dans le dossier de données : aucun joint.');
    for (const altered of result.altered) say(`✗ Preuve différente de son enregistrement : ${altered}`);
    return result.altered.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', cancel);
    off();
  }
}

export async function publishCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  if (!context.out) throw new AppError('invalid_input', 'Indiquez le dossier du site : --out DOSSIER');
  const result = await core.api['publish:site']({ path: path.resolve(context.out) });
  say(`Site écrit dans ${result.path} (${result.pages} pages) : copiez ce dossier chez n’importe quel hébergeur.`);
  return 0;
}

export async function importCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  const [file] = context.args;
  if (!file) throw new AppError('invalid_input', 'Utilisation : npm run cli -- import FICHIER.csv|dossier.zip [--planning ID] [--association NOM]');
  const result = await core.api['import:file']({
    path: path.resolve(file),
    ...(context.planningIds[0] ? { planningId: context.planningIds[0] } : {}),
    ...(context.association ? { association: context.association } : {}),
  });
  say(`${result.added} sondages importés, ${result.skipped} déjà présents (même planning, même heure).`);
  for (const [id, count] of Object.entries(result.byPlanning)) say(`  ${id} : ${count}`);
  const { sealed } = result;
  if (sealed) {
    const when = sealed.provenFrom
      ? `prouvés depuis le ${new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' }).format(new Date(sealed.provenFrom))}`
      : 'non horodatés : une réécriture ne peut pas être exclue';
    say(`Scellés : sceau ${sealed.seal}${sealed.association ? ` de « ${sealed.association} »` : ''}, clé ${formatFingerprint(sealed.key)}, ${when}.`);
    say('Comparez cette empreinte de clé avec celle que l’association publie : c’est elle qui l’identifie.');
  } else if (result.added > 0) {
    say('Non scellés : rien ne garantit ces sondages au-delà de la parole de qui a fourni le fichier (marqués « non scellé »).');
  }
  if (result.unsigned > 0) say(`${result.unsigned} lignes laissées de côté : aucun enregistrement scellé du dossier ne les couvre (des imports de son association).`);
  return 0;
}
