// The fictitious free slots the replicas offer, relative to the injected clock (Europe/Paris), so that each
// scenario falls in the same one of La Cimade's categories whatever day the tests or the demo run.
import { DateTime } from 'luxon';
import { PARIS, type LocalDate, type LocalDateTime } from '../../shared/domain.js';
import type { Clock } from '../types.js';

/** How far the free slots are: one plan per category, and none. */
export type SlotPlan = 'soon' | 'single_soon' | 'one_to_two_months' | 'beyond_two_months' | 'none';

/** [days after today, time]: weekend days move to the next Monday, which keeps every plan in its category. */
const PLANS: Record<SlotPlan, [number, string][]> = {
  // c1: at least two dates within a month.
  soon: [[2, '09:30'], [2, '10:00'], [3, '14:00'], [8, '09:00'], [15, '11:15']],
  // c2: a single date within a month, the next one after it.
  single_soon: [[6, '09:30'], [41, '10:00'], [48, '14:00']],
  // c3: first date between one and two months (31 < 38 + 2 days of weekend < 59).
  one_to_two_months: [[38, '09:00'], [38, '09:30'], [50, '11:00']],
  // c4: first date beyond two months.
  beyond_two_months: [[70, '14:00'], [71, '09:30']],
  none: [],
};

export function todayInParis(clock: Clock): DateTime {
  return DateTime.fromJSDate(clock.now(), { zone: PARIS }).startOf('day');
}

/** The free slots of a plan, sorted, as local date-times. */
export function replicaSlots(plan: SlotPlan, clock: Clock): LocalDateTime[] {
  const today = todayInParis(clock);
  return PLANS[plan]
    .map(([days, time]) => {
      let day = today.plus({ days });
      if (day.weekday === 6) day = day.plus({ days: 2 });
      if (day.weekday === 7) day = day.plus({ days: 1 });
      return `${day.toISODate() ?? ''}T${time}`;
    })
    .sort();
}

export function localDate(slot: LocalDateTime): LocalDate {
  return slot.slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: PARIS }).plus({ days }).toISODate() ?? date;
}

/** The slots of [from, from + days[. */
export function slotsBetween(slots: LocalDateTime[], from: LocalDate, days: number): LocalDateTime[] {
  const end = addDays(from, days);
  return slots.filter((slot) => localDate(slot) >= from && localDate(slot) < end);
}

/** A slot as an instant with its offset, as links carry it: "2026-12-07T09:30:00+01:00". */
export function slotInstant(slot: LocalDateTime): string {
  return DateTime.fromISO(slot, { zone: PARIS }).toISO({ suppressMilliseconds: true }) ?? slot;
}

export function isLocalDate(value: string | null): value is LocalDate {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** "lundi 7 décembre 2026", as the sites write a day. */
export function frenchLongDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: PARIS }).setLocale('fr').toFormat('cccc d LLLL yyyy');
}

/** "lundi 7 décembre 2026 à 09h30", RDV Service Public's "human" format. */
export function frenchHuman(slot: LocalDateTime): string {
  const value = DateTime.fromISO(slot, { zone: PARIS }).setLocale('fr');
  return `${value.toFormat('cccc d LLLL yyyy')} à ${value.toFormat("HH'h'mm")}`;
}
