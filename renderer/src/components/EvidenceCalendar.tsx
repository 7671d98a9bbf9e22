// The month of the evidence browser as a WAI-ARIA grid: each day a link coloured by its most frequent category,
// gaps framed; the arrow keys move between days, Page Up and Page Down between months.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayOf, type CalendarDay } from '../board/calendar';
import { formatLongDate, formatMonth } from '../format';
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS } from '../shares';

/** Weeks of the month, Monday first, with the blanks before its first day and after its last. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const first = days[0];
  const cells: (CalendarDay | null)[] = [...Array.from({ length: first ? weekdayOf(first.date) : 0 }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/**
 * The month as a WAI-ARIA grid: one Tab stop (the chosen day, else the first with probes), the arrow keys move
 * by a day or a week, Home and End to the week's ends, Page Up and Page Down to the previous and next month,
 * Enter opens the day.
 */
export function Calendar(props: { days: CalendarDay[]; selected: string | null; to: (day: string) => string; previous: string | null; next: string | null }) {
  const { days, selected, to } = props;
  const { t } = useTranslation();
  const locale = t('locale');
  const first = days[0];
  const grid = useRef<HTMLTableElement>(null);
  const initial = selected ?? days.find((day) => day.probes.length > 0)?.date ?? first?.date ?? null;
  const [focused, setFocused] = useState(initial);
  // Another month, or a day chosen by a link: the Tab stop follows.
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setFocused(initial);
  }
  const weekdays = Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 30 + i));
    return {
      short: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(day),
      long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day),
    };
  });

  const moveTo = (index: number) => {
    const day = days[Math.max(0, Math.min(days.length - 1, index))];
    if (!day) return;
    setFocused(day.date);
    grid.current?.querySelector<HTMLElement>(`[data-date="${day.date}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const index = days.findIndex((day) => day.date === focused);
    if (index < 0) return;
    const weekday = weekdayOf(days[index]?.date ?? '');
    const moves: Record<string, () => void> = {
      ArrowLeft: () => moveTo(index - 1),
      ArrowRight: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 7),
      ArrowDown: () => moveTo(index + 7),
      Home: () => moveTo(index - weekday),
      End: () => moveTo(index + 6 - weekday),
      PageUp: () => {
        if (props.previous) window.location.hash = props.previous;
      },
      PageDown: () => {
        if (props.next) window.location.hash = props.next;
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <table
      ref={grid}
      className="calendar"
      role="grid"
      aria-label={t('board.calendarOf', { month: first ? formatMonth(first.date.slice(0, 7), locale) : '' })}
      aria-describedby="calendar-keys"
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          {weekdays.map((name) => (
            <th key={name.long} scope="col" className="weekday" abbr={name.long}>
              {name.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(days).map((week, row) => (
          <tr key={row}>
            {week.map((day, column) =>
              day ? (
                <td key={day.date} role="gridcell" aria-selected={day.date === selected}>
                  <DayLink day={day} selected={selected} to={to} tabbable={day.date === focused} onFocus={() => setFocused(day.date)} />
                </td>
              ) : (
                <td key={`blank-${column}`} role="gridcell" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayLink(props: { day: CalendarDay; selected: string | null; to: (day: string) => string; tabbable: boolean; onFocus: () => void }) {
  const { day, selected } = props;
  const { t } = useTranslation();
  const locale = t('locale');
  const summary = [
    day.probes.length > 0 ? t('board.dayProbes', { count: day.probes.length }) : t('board.dayNone'),
    day.dominant ? t('quoted', { text: t(`categories.${day.dominant}`) }) : day.probes.length > 0 ? t('board.dayInconclusive') : null,
    day.gaps.length > 0 ? t('board.dayGap') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const style = day.dominant ? { background: CATEGORY_COLOURS[day.dominant], color: CATEGORY_TEXT_COLOURS[day.dominant] } : undefined;
  const className = ['day', day.probes.length === 0 ? 'empty' : day.dominant ? '' : 'inconclusive', day.gaps.length > 0 ? 'gap' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <a
      href={props.to(day.date)}
      className={className}
      style={style}
      data-date={day.date}
      tabIndex={props.tabbable ? 0 : -1}
      onFocus={props.onFocus}
      aria-current={day.date === selected ? 'date' : undefined}
      aria-label={t('board.dayAria', { date: formatLongDate(day.date, locale, { ordinal: false }), summary })}
      title={summary}
    >
      {Number(day.date.slice(8, 10))}
    </a>
  );
}
