// What the dossier says, in French, of its seals and of the time its records are proven from: the same sentences
// in the PDF and in LISEZMOI, so that neither hides « non horodaté ».
import { DateTime } from 'luxon';
import { formatFingerprint, type PlanningProof, type ProofSpan } from '../seals/index.js';
import { PARIS } from '../stats/calendar.js';
import type { CarriedSeals } from './seals.js';

export const frenchTime = (iso: string): string => DateTime.fromISO(iso, { zone: PARIS }).toFormat("dd/MM/yyyy 'à' HH:mm:ss");
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const span = (item: ProofSpan): string => (item.count === 1 ? `le ${frenchTime(item.first)}` : `du ${frenchTime(item.first)} au ${frenchTime(item.last)}`);

function delay(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
  return `${Math.floor(seconds / 86400)} jours`;
}

/** The seals carried, the key and the roots: one sentence each. */
export function sealSentences(seals: CarriedSeals): string[] {
  const closing = seals.closing;
  if (!closing) {
    return ['Aucun sceau : ces sondages ne sont protégés que par la chaîne de leurs empreintes ; aucun n’est horodaté, une réécriture ne peut pas être exclue.'];
  }
  const lines: string[] = [];
  const when = closing.createdAt ? frenchTime(closing.createdAt) : '?';
  lines.push(
    `Sceau de clôture ${closing.name}, fait le ${when} (horloge de l’ordinateur)${seals.coversPeriod ? ', après la fin de la période : il la couvre entièrement' : ' : aucun sceau n’a été fait après la fin de la période, les sondages postérieurs à lui ne sont pas scellés'}.`,
  );
  const trusted = closing.tokens.filter((token) => token.root && token.genTime !== null);
  if (trusted.length === 0) lines.push('Ce sceau est NON HORODATÉ : aucune autorité de confiance ne date son existence ; une réécriture ne peut pas être exclue.');
  for (const token of trusted) {
    lines.push(
      `Horodaté par « ${token.authority} » le ${frenchTime(token.genTime ?? '')} (${delay(token.delayMs ?? 0)} après le sceau)${closing.late && token.genTime === closing.provenFrom ? ', tardivement : il ne prouve qu’à partir de cette heure' : ''} ; racine ${token.root?.name ?? '?'}, empreinte SHA-256 ${token.root?.sha256 ?? '?'}.`,
    );
  }
  if (seals.keyFingerprint) {
    lines.push(
      seals.keyPinnedBy
        ? `Clé de l’installation (Ed25519) : empreinte ${formatFingerprint(seals.keyFingerprint)}, horodatée pour la première fois dans le sceau ${seals.keyPinnedBy.seal}, le ${frenchTime(seals.keyPinnedBy.at)}.`
        : `Clé de l’installation (Ed25519) : empreinte ${formatFingerprint(seals.keyFingerprint)} ; aucun sceau horodaté ne la date.`,
    );
  }
  if (seals.seals.length > 1) lines.push(`${plural(seals.seals.length, 'sceau est joint', 'sceaux sont joints')} : le sceau de clôture, le premier sceau horodaté de l’installation et ceux qui prouvent plus tôt l’existence des sondages de la période.`);
  return lines;
}

/** From when a planning's records are proven: what is proven in time, late, and not at all. */
export function proofSentences(proof: PlanningProof | null, imported: number): string[] {
  const lines: string[] = [];
  if (proof) {
    if (proof.inTime) lines.push(`${plural(proof.inTime.count, 'sondage prouvé', 'sondages prouvés')} au plus 48 h après avoir été fait (${span(proof.inTime)}).`);
    for (const late of proof.late) {
      lines.push(`${plural(late.count, 'sondage', 'sondages')} (${span(late)}) ${late.count === 1 ? 'n’est prouvé' : 'ne sont prouvés'} qu’à partir du ${frenchTime(late.provenFrom ?? late.last)} : sceau horodaté tardivement, ou sondages antérieurs aux sceaux.`);
    }
    if (proof.unproven) {
      lines.push(`${plural(proof.unproven.count, 'sondage NON HORODATÉ', 'sondages NON HORODATÉS')} (${span(proof.unproven)}) : une réécriture ne peut pas être exclue.`);
    }
  }
  if (imported > 0) lines.push(`${plural(imported, 'sondage importé', 'sondages importés')} d’une autre source : ni scellés ni horodatés par cette installation.`);
  return lines;
}
