// The words of the caption drawn above each screenshot, so that a printed capture still says what, where and
// when. Drawn by report/captioned.ts from the probe's record; these are its only words.
import type { LocalDateTime, Outcome } from '../../shared/domain.js';
import { formatParis, formatUtc, frenchSlot } from './format.js';

export const OUTCOME_WORDS: Record<Outcome, string> = {
  dates: 'Dates disponibles',
  no_date: 'Pas de date disponible',
  captcha: 'Captcha avant la réponse (non résolu)',
  site_error: 'Erreur du site',
  unreachable: 'Site injoignable',
  unrecognized: 'Page non reconnue',
  robot_error: 'Erreur du robot',
};

export interface CaptionFacts {
  planningLabel: string;
  url: string;
  startedAt: Date;
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  probeId: string;
}

export function outcomeLine(facts: Pick<CaptionFacts, 'outcome' | 'firstSlot' | 'secondSlot'>): string {
  const words = OUTCOME_WORDS[facts.outcome];
  if (facts.outcome !== 'dates' || facts.firstSlot === null) return words;
  const second = facts.secondSlot === null ? 'pas de deuxième date' : `deuxième le ${frenchSlot(facts.secondSlot)}`;
  return `${words} : première le ${frenchSlot(facts.firstSlot)}, ${second}`;
}

/** The caption's lines, label then value. */
export function captionLines(facts: CaptionFacts): [string, string][] {
  return [
    ['Planning', facts.planningLabel],
    ['Adresse', facts.url],
    ['Date (heure de Paris)', formatParis(facts.startedAt)],
    ['Date (UTC)', formatUtc(facts.startedAt)],
    ['Résultat', outcomeLine(facts)],
    ['Sondage', facts.probeId],
  ];
}
