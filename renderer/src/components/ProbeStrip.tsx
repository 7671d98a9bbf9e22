// The latest probes of a planning as one mark each, coloured by what they found, the gaps left as gaps: what a
// status page shows of the last hours, read at a glance on the dashboard's row.
import { useTranslation } from 'react-i18next';
import type { RecentMark } from '../../../electron/shared/stats';
import { CATEGORY_COLOURS } from '../shares';
import { formatInstant } from '../format';

/** « 05/12 10:07 » this year, the full date otherwise: marks are many and their titles short. */
export function shortInstant(iso: string, now = new Date()): string {
  const full = formatInstant(iso);
  return full.slice(6, 10) === formatInstant(now.toISOString()).slice(6, 10) ? `${full.slice(0, 5)} ${full.slice(11)}` : full;
}

export function ProbeStrip({ marks, large = false }: { marks: readonly RecentMark[] | null; large?: boolean }) {
  const { t } = useTranslation();
  if (marks === null) return <span className="probe-strip pending" aria-hidden="true" />;
  const probes = marks.filter((mark) => mark.kind === 'probe');
  if (probes.length === 0) return <span className="probe-strip empty">{t('strip.none')}</span>;
  const first = probes[0];
  const last = probes.at(-1);
  const count = (test: (mark: (typeof probes)[number]) => boolean) => probes.filter(test).length;
  const label = t('strip.aria', {
    count: probes.length,
    from: first ? shortInstant(first.at) : '',
    to: last ? shortInstant(last.at) : '',
    dates: count((mark) => mark.outcome === 'dates'),
    none: count((mark) => mark.outcome === 'no_date'),
    inconclusive: count((mark) => mark.category === null && mark.outcome !== 'dates'),
    gaps: marks.reduce((sum, mark) => sum + (mark.kind === 'gap' ? mark.hours : 0), 0),
  });
  return (
    <span className={large ? 'probe-strip large' : 'probe-strip'} role="img" aria-label={label} title={label}>
      {marks.map((mark, index) =>
        mark.kind === 'gap' ? (
          <span key={`gap-${mark.from}`} className="mark gap" title={t('strip.gap', { from: shortInstant(mark.from), to: shortInstant(mark.to), hours: mark.hours })} />
        ) : (
          <span
            key={`${mark.at}-${index}`}
            className={mark.category ? 'mark' : `mark inconclusive outcome-${mark.outcome}`}
            style={mark.category ? { background: CATEGORY_COLOURS[mark.category] } : undefined}
            title={`${shortInstant(mark.at)} — ${mark.category ? t(`categories.${mark.category}`) : t(`outcomes.${mark.outcome}`)}`}
          />
        ),
      )}
    </span>
  );
}
