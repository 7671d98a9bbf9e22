// The week table that the module's JavaScript fetches from /ezjscore/call/bookingserver::planning::assign::…
import { DateTime } from 'luxon';
import { PARIS } from '../../shared/domain.js';
import { slotsFor, type ReplicaForm, type ReplicaGuichet } from './scenarios.js';

/** One row per time of the day. */
export const CALENDAR_TIMES = [
  ...['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
  ...['14:00', '14:30', '15:00', '15:30'],
];

function longDay(day: DateTime): string {
  return day.setLocale('fr').toFormat('cccc dd LLLL yyyy');
}

function cell(day: DateTime, time: string, now: DateTime, free: Set<number>, bookingBase: string): string {
  if (day.weekday > 5) return '<td class="status-0 closed">fermé</td>';
  const [hour, minute] = time.split(':').map(Number);
  const instant = day.set({ hour, minute, second: 0, millisecond: 0 });
  const hourSpan = `<span class="heure">${time}</span><br>`;
  if (instant <= now) return `<td class="status-2 past">${hourSpan}</td>`;
  if (free.has(instant.toMillis())) {
    const href = `${bookingBase}/5/${Math.round(instant.toSeconds())}`;
    const link = `<a href="${href}" title="Choisir cette plage horaire">plage libre</a>`;
    return `<td class="status-1 free">${hourSpan}${link}</td>`;
  }
  return `<td class="status-3 full">${hourSpan}complet</td>`;
}

/** The week `offset` days after the Monday of the current week (offset in steps of 7). */
export function calendarWeek(
  form: ReplicaForm,
  guichet: ReplicaGuichet,
  offset: number,
  nowDate: Date,
  prefix: string,
): string {
  const now = DateTime.fromJSDate(nowDate, { zone: PARIS });
  const monday = now.startOf('week').plus({ days: offset });
  const days = Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }));
  const free = new Set(slotsFor(guichet.shape, nowDate).map((slot) => slot.toMillis()));
  const bookingBase = `${prefix}/booking/create/${form.id}`;
  const heading = `Semaine du ${longDay(monday)} au ${longDay(monday.plus({ days: 6 }))}`;
  const dayHeads = days.map((d) => `<th>${d.setLocale('fr').toFormat('ccc dd/LL')}</th>`).join('');
  const rows = CALENDAR_TIMES.map(
    (time) => `<tr>${days.map((d) => cell(d, time, now, free, bookingBase)).join('')}</tr>`,
  ).join('\n');
  const previous = offset <= 0 ? ' disabled' : '';
  return `<div class="navigation_Booking">
<button type="button" class="previous_week" data-offset="-7"${previous}>« Semaine précédente</button>
<button type="button" class="next_week" data-offset="7">Semaine suivante »</button>
</div>
<table class="planning">
<thead><tr><th colspan="7">${heading}</th></tr><tr>${dayHeads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div id="legende_Booking"><strong>Légende</strong> :
<span class="status-1 free">plage libre</span> <span class="status-3 full">plage complète</span>
<span class="status-0 closed">fermé</span></div>`;
}
