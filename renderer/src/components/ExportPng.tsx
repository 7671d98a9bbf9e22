import type { PlanningDetail } from '../../../electron/shared/api';
import type { TFunction } from 'i18next';
import { CATEGORIES, type Category, type LocalDate, type Settings } from '../../../electron/shared/domain';
import type { Bar } from '../../../electron/shared/stats';
import { inconclusiveCounts } from '../shares';
import { exportFileName, splitPath } from '../export-files';
import { href } from '../router';
import { describeError } from '../errors';
import { useApi } from '../api/context';
import { canvasToPng, downloadBlob, drawChart, type ChartSpec } from '../chart/png';
import { formatLocalDate, todayInParis } from '../format';
import { monthTitle } from '../i18n/phrases';
import type { ActionStatus } from './StatusNote';
import { useTranslation } from 'react-i18next';

function quotedCategories(t: TFunction): Record<Category, string> {
  const entries = CATEGORIES.map((category) => [category, t('quoted', { text: t(`categories.${category}`) })] as const);
  return Object.fromEntries(entries) as Record<Category, string>;
}

/**
 * The chart's period: the top bar's, which the months drawn under it cover exactly (never « du 1er septembre au
 * 30 novembre » over a December bar, nor an « Ensemble » row shorter than the period).
 */
function chartPeriod(detail: PlanningDetail): { from: LocalDate; to: LocalDate } | null {
  const { top, topScope } = detail.stats;
  return topScope === 'no_history' ? null : { from: top.from, to: top.to };
}

/** What stays beside a bar, in words: the inconclusive probes, then the hours without a probe. */
function besideText(bar: Bar, t: TFunction): string {
  const inconclusive = inconclusiveCounts(bar)
    .map(({ outcome, count }) => t(`besideOutcome.${outcome}`, { count }))
    .join(', ');
  return [inconclusive, bar.gapHours > 0 ? t('gapHours', { hours: bar.gapHours }) : ''].filter(Boolean).join(' ; ');
}

export function chartSpec(detail: PlanningDetail, t: TFunction, settings: Settings, today: LocalDate): ChartSpec {
  const { planning, stats } = detail;
  const rows = [
    { label: stats.topScope === 'three_months' ? t('chartTopThree') : t('chartTopPartial'), bar: stats.top },
    ...stats.topMonths.map((month) => ({ label: monthTitle(t, month), bar: month })),
  ].map((row) => ({
    ...row,
    counts: t('attemptsOverDays', { attempts: row.bar.conclusive, days: row.bar.conclusiveDays }),
    beside: besideText(row.bar, t),
  }));
  const period = chartPeriod(detail);
  const name = settings.associationName.trim();
  const contact = settings.associationContact.trim();
  const author = settings.author.trim();
  return {
    title: `${planning.label} — ${planning.prefecture}`,
    subtitle: [planning.procedure, planning.guichetLabel].filter(Boolean).join(' · '),
    period: period ? t('chartPeriod', { from: formatLocalDate(period.from), to: formatLocalDate(period.to) }) : t('noConclusive'),
    rows,
    categoryLabels: quotedCategories(t),
    percent: (value) => t('percent', { value }),
    emptyRow: t('noConclusive'),
    footer: [
      t('chartSource', { prefecture: planning.prefecture }),
      contact ? t('chartAssociationContact', { name, contact }) : t('chartAssociation', { name }),
      ...(author ? [t('chartAuthor', { author })] : []),
      t('chartLicence'),
      t('chartAddress', { url: planning.url }),
      t('chartExported', { date: formatLocalDate(today) }),
    ],
  };
}

/**
 * Draws the chart into a canvas and downloads it (Electron saves the download where the user says). The
 * association's name is written on it: without one, the page says where to give it.
 */
export function ExportPng({ detail, onStatus }: { detail: PlanningDetail; onStatus: (status: ActionStatus | null) => void }) {
  const api = useApi();
  const { t } = useTranslation();

  const exportPng = async () => {
    onStatus(null);
    try {
      const settings = await api.call('settings:get');
      if (!settings.associationName.trim()) {
        onStatus({ text: t('associationRequired'), error: true, link: { href: href({ page: 'settings' }), text: t('goToSettings') } });
        return;
      }
      const today = todayInParis();
      const canvas = document.createElement('canvas');
      drawChart(canvas, chartSpec(detail, t, settings, today));
      const blob = await canvasToPng(canvas);
      const period = chartPeriod(detail) ?? { from: today, to: today };
      const file = exportFileName(detail.planning.label, period.from, period.to, 'png');
      if (api.desktop) {
        // A save dialog offering the same name; the page then says which file and which folder.
        const saved = await api.savePng(file, blob);
        onStatus({ text: saved ? t('pngSaved', splitPath(saved)) : t('exportCancelled'), error: false });
        return;
      }
      downloadBlob(blob, file);
      onStatus({ text: t('pngDownloaded', { file }), error: false });
    } catch (error) {
      onStatus({ text: describeError(error, t).message, error: true });
    }
  };

  return (
    <button type="button" onClick={() => void exportPng()}>
      {t('exportPng')}
    </button>
  );
}
