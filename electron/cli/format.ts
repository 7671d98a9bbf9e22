// Dates as people in France read them, whatever the language: 07/12/2026, 09:30, Europe/Paris.
import { PARIS, type LocalDateTime, type Probe } from '../shared/domain.js';
import type { Words } from './words.js';

const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' });

/** An instant (ISO 8601) in Paris time: « 05/12/2026 13:45 ». */
export const parisTime = (iso: string): string => paris.format(new Date(iso)).replace(',', '');

/** A local date (« 2026-12-07 ») as « 07/12/2026 ». */
export const frenchDate = (date: string): string => date.split('-').reverse().join('/');

/** A free slot (« 2026-12-07T09:30 »): « 07/12/2026 à 09:30 ». */
export const slotText = (words: Words, slot: LocalDateTime): string =>
  words.say('cli.slot', { date: frenchDate(slot.slice(0, 10)), time: slot.slice(11, 16) });

/** One probe the schedule made, as `run` and `demo` print it: « 06/12/2026 12:15 <planning> → dates proposées 07/12/2026 à 09:30 ». */
export const probeLine = (words: Words, probe: Probe): string =>
  words.say('cli.probe_line', {
    date: frenchDate(probe.localDate),
    time: probe.localTime,
    planning: probe.planningId,
    outcome: words.say('cli.outcome', { outcome: probe.outcome }),
    slot: probe.firstSlot ? slotText(words, probe.firstSlot) : '',
  });
