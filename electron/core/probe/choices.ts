// The guichet choices a page really offers, as a person sees them: a group of visible radios on the page itself
// (never in a consent dialog), a drop-down list, or the system's choice cards (Goal.linkChoices). Choosing is the
// only place where what the user typed meets the site: a guichet wanted that is not offered, or several offered and
// none named, is the user's to correct (GuichetChoiceError), never the site's page.
import type { Guichet } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { parseFrenchDate, parseTime } from './adapters/french-dates.js';
import { choicesOfConsent } from './meaning.js';
import type { Control, Seen } from './perceive.js';
import { sameText } from './text.js';

export interface Choice {
  value: string;
  label: string;
  control: Control;
  kind: 'radio' | 'option' | 'link';
}

/** What the walk knows of the guichet wanted: what the user typed and the levels of choice passed. */
export interface ChoiceState {
  wanted: string | null;
  matched: boolean;
  levels: number;
  /** The choices taken so far (a motif, then a lieu). */
  path: Guichet[];
}

/** Picks the choice to take among those offered, or throws GuichetChoiceError. */
export type Chooser = (choices: Choice[], state: ChoiceState) => Choice;

/** An AppError that also carries the guichets to choose from, for the UI. */
export class GuichetChoiceError extends AppError {
  constructor(
    message: string,
    readonly guichets: Guichet[],
  ) {
    super('guichet_required', message);
  }
}

const looksLikeSlot = (text: string): boolean => parseFrenchDate(text) !== null && parseTime(text) !== null;

/** The choices the page itself offers: its radio groups and drop-down lists, and the system's choice cards. */
export function offeredChoices(seen: Seen, linkChoices?: (seen: Seen) => Choice[]): Choice[] {
  const onPage = seen.controls.filter((c) => c.layer === null && c.zone === 'main' && !c.disabled);
  const groups = new Map<string, Control[]>();
  for (const radio of onPage.filter((c) => c.role === 'radio' && c.name !== '' && !looksLikeSlot(c.name))) {
    const key = radio.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), radio]);
  }
  // The first group whose words are not a consent manager's (its legend and its labels).
  for (const [key, radios] of groups) {
    if (choicesOfConsent(`${key} ${radios.map((r) => r.name).join(' ')}`)) continue;
    return radios.map((radio) => ({ value: radio.value ?? radio.name, label: radio.name, control: radio, kind: 'radio' }));
  }
  for (const list of onPage.filter((c) => c.role === 'combobox' && c.options)) {
    const options = (list.options ?? []).filter((o) => o.value !== '' && !o.disabled && !looksLikeSlot(o.text));
    if (options.length === 0 || choicesOfConsent(list.name)) continue;
    return options.map((option) => ({ value: option.value, label: option.text, control: list, kind: 'option' }));
  }
  return linkChoices?.(seen) ?? [];
}

export function listChoices(guichets: Guichet[]): string {
  return guichets.map((g) => `${g.value} « ${g.label} »`).join(' ; ');
}

/** The choice named by the user (its value or label, case, accents and spacing aside), or the only one offered. */
export const chooseGuichet: Chooser = (choices, state) => {
  const { wanted } = state;
  const guichets = choices.map((c) => ({ value: c.value, label: c.label }));
  state.levels += 1;
  const found = wanted === null ? undefined : choices.find((c) => sameText(c.value, wanted) || sameText(c.label, wanted));
  if (found) {
    state.matched = true;
    state.path.push({ value: found.value, label: found.label });
    return found;
  }
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only && wanted === null) return only;
  if (wanted === null) {
    throw new GuichetChoiceError(
      `Cette adresse propose ${choices.length} guichets : choisissez-en un avec --guichet (sa valeur ou son libellé). Guichets : ${listChoices(guichets)}.`,
      guichets,
    );
  }
  throw new GuichetChoiceError(
    `Le guichet « ${wanted} » n'est pas proposé à cette adresse. Indiquez l'un de ceux-ci avec --guichet : ${listChoices(guichets)}.`,
    guichets,
  );
};
