// Any day's evidence in two clicks: a month calendar coloured by the day's category (gaps framed), then the
// day's probes in order with time, outcome, first two dates and the captioned screenshot. The month comes whole
// from `probes:list` (never only the newest N); months page back to the first probe.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Probe } from '../../../electron/shared/domain';
import { CATEGORIES } from '../../../electron/shared/domain';
import { useApi, useLoaded } from '../api/context';
import { calendarDays, shiftMonth, type CalendarDay } from '../board/calendar';
import { DEMO_TRIGGER_TAG } from '../board/demo';
import { gapDuration } from '../board/durations';
import { screenshotUrl } from '../evidence';
import { formatInstant, formatLocalDateTime, formatLongDate, formatMonth, todayInParis } from '../format';
import { href } from '../router';
import { CATEGORY_COLOURS } from '../shares';
import { ProbeViewer } from './ProbeViewer';
import { Calendar } from './EvidenceCalendar';


export function EvidenceBrowser({ planningId, day, firstMonth }: { planningId: string; day: string | null; firstMonth: string | null }) {
  const { t } = useTranslation();
  const locale = t('locale');
  const today = todayInParis();
  const month = day ? day.slice(0, 7) : today.slice(0, 7);
  const selected = day && day.length === 10 ? day : null;
  const { data } = useMonth(planningId, month);
  // Until the new month has answered, the previous one's probes and gaps must not be drawn under its name.
  const loaded = data?.month === month ? data : null;
  const days = loaded ? calendarDays(month, loaded.probes, loaded.gaps, (iso) => todayInParis(new Date(iso))) : null;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownMonth = useRef<string | null>(null);

  // Arriving from a month bar's link (or a link to a day): the browser comes into view, its heading focused.
  useEffect(() => {
    if (day && shownMonth.current !== month) {
      section.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    }
    shownMonth.current = month;
  }, [day, month]);

  const to = (target: string) => href({ page: 'planning', id: planningId, day: target });
  const earliest = firstMonth ?? month;
  const selectedDay = selected ? days?.find((d) => d.date === selected) : undefined;

  return (
    <section ref={section} aria-labelledby="evidence-title" className="evidence">
      <h3 id="evidence-title" ref={heading} tabIndex={-1}>
        {t('board.evidenceTitle')}
      </h3>
      <p className="help">{t('board.evidenceHelp')}</p>
      <div className="evidence-layout">
        <div className="calendar-box">
          <div className="calendar-nav">
            {month > earliest ? (
              <a href={to(shiftMonth(month, -1))} aria-label={t('board.prevMonth')}>←</a>
            ) : (
              <span aria-hidden="true" className="muted">←</span>
            )}
            <strong>{formatMonth(month, locale)}</strong>
            {month < today.slice(0, 7) ? (
              <a href={to(shiftMonth(month, 1))} aria-label={t('board.nextMonth')}>→</a>
            ) : (
              <span aria-hidden="true" className="muted">→</span>
            )}
          </div>
          {days ? (
            <Calendar
              days={days}
              selected={selected}
              to={to}
              previous={month > earliest ? to(shiftMonth(month, -1)) : null}
              next={month < today.slice(0, 7) ? to(shiftMonth(month, 1)) : null}
            />
          ) : (
            <p role="status">{t('board.loadingMonth')}</p>
          )}
          <p id="calendar-keys" className="help">
            {t('board.calendarKeys')}
          </p>
          {loaded ? <p className="help">{t('board.monthTotal', { probes: loaded.probes.length })}</p> : null}
          <CalendarKey />
        </div>
        <div className="day-panel">
          {selected ? <DayProbes date={selected} day={selectedDay} /> : null}
        </div>
      </div>
    </section>
  );
}

/** A month's probes (all of them) and gaps, again after each probe. */
function useMonth(planningId: string, month: string) {
  const api = useApi();
  const load = useCallback(
    async () => {
      const [probes, gaps] = await Promise.all([api.call('probes:list', { planningId, month }), api.call('gaps:list', { planningId, month })]);
      return { month, probes, gaps };
    },
    [api, planningId, month],
  );
  return useLoaded(load, ['probe:finished']);
}

function CalendarKey() {
  const { t } = useTranslation();
  return (
    <div className="calendar-key">
      <p className="help">{t('board.keyDominant')}</p>
      <ul>
        {CATEGORIES.map((category) => (
          <li key={category}>
            <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden="true" />
            {t(`categories.${category}`)}
          </li>
        ))}
        <li>
          <span className="swatch key-inconclusive" aria-hidden="true" />
          {t('board.keyInconclusive')}
        </li>
        <li>
          <span className="swatch key-gap" aria-hidden="true" />
          {t('board.keyGap')}
        </li>
      </ul>
    </div>
  );
}

function DayProbes({ date, day }: { date: string; day: CalendarDay | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState<number | null>(null);
  const title = t('board.dayTitle', { date: formatLongDate(date, t('locale')) });
  const probes: Probe[] = day?.probes ?? [];
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      {day === undefined ? (
        <p role="status">{t('board.loadingMonth')}</p>
      ) : probes.length === 0 ? (
        <p>{t('board.noProbesDay')}</p>
      ) : (
        <table className="probes day-probes">
          <thead>
            <tr>
              <th scope="col">{t('board.time')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('firstSlot')}</th>
              <th scope="col">{t('secondSlot')}</th>
              <th scope="col">{t('screenshot')}</th>
            </tr>
          </thead>
          <tbody>
            {probes.map((probe, index) => (
              <tr key={probe.id} className={`outcome-${probe.outcome}`}>
                <td>{probe.localTime.slice(0, 5)}</td>
                <td>
                  {t(`outcomes.${probe.outcome}`)}
                  {probe.trigger === DEMO_TRIGGER_TAG ? <span className="badge demo">{t('board.demoTag')}</span> : null}
                </td>
                <td>{probe.firstSlot ? formatLocalDateTime(probe.firstSlot) : t('none')}</td>
                <td>{probe.secondSlot ? formatLocalDateTime(probe.secondSlot) : t('none')}</td>
                <td>
                  {screenshotUrl(probe, api.desktop) ? (
                    <button type="button" className="link-button" onClick={() => setOpen(index)}>
                      {t('viewScreenshot')}
                    </button>
                  ) : (
                    t('board.noScreenshot')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {day && day.gaps.length > 0 ? (
        <>
          <h5>{t('board.dayGaps')}</h5>
          <ul>
            {day.gaps.map((gap) => (
              <li key={gap.from}>
                {t('board.gapSpan', { from: formatInstant(gap.from), to: formatInstant(gap.to), duration: gapDuration(t, gap) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open !== null ? <ProbeViewer probes={probes} index={open} onIndex={setOpen} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
