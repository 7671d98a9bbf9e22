// Sentences put together from several keys, for components and for the chart image alike.
import type { TFunction } from 'i18next';
import type { MonthBar } from '../../../electron/shared/stats';
import { formatMonth } from '../format';

/** « 93 — Seine-Saint-Denis »; a code outside the catalogue keeps the word « Département ». */
export function departementHeading(t: TFunction, code: string, name: string | null): string {
  return name ? t('departementHeading', { code, name }) : t('departementHeadingUnknown', { code });
}

/** « novembre 2026 », or « décembre 2026 (en cours) » for the month being probed: every bar and chart says so. */
export function monthTitle(t: TFunction, month: Pick<MonthBar, 'month' | 'inProgress'>): string {
  const name = formatMonth(month.month, t('locale'));
  return month.inProgress ? t('monthInProgress', { month: name }) : name;
}

export function knownAddressOption(t: TFunction, prefecture: string, procedure: string, number: string | null): string {
  return number ? t('knownAddressOptionNumber', { prefecture, procedure, number }) : t('knownAddressOption', { prefecture, procedure });
}

/** A gap's hours and, when known, why no probe ran; `duration` in words when it is not whole hours (the demo). */
export function gapLine(t: TFunction, from: string, to: string, hours: number, reason: string, duration?: string): string {
  const reasons: Record<string, string> = t('gapReasons', { returnObjects: true });
  const why = reasons[reason];
  if (duration !== undefined) {
    const span = t('board.gapSpan', { from, to, duration });
    return why ? `${span} (${why})` : span;
  }
  return why ? t('gapLineReason', { from, to, hours, reason: why }) : t('gapLine', { from, to, hours });
}
