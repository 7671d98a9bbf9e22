import { useState } from 'react';
import type { PlanningDetail } from '../../../electron/shared/api';
import type { TFunction } from 'i18next';
import { CATEGORIES, type Category } from '../../../electron/shared/domain';
import { describeError } from '../errors';
import { useApi } from '../api/context';
import { canvasToPng, downloadBlob, drawChart, type ChartSpec } from '../chart/png';
import { fileSlug, formatLocalDate, formatMonth, todayInParis } from '../format';
import { StatusNote, type ActionStatus } from './StatusNote';
import { useTranslation } from 'react-i18next';

function quotedCategories(t: TFunction): Record<Category, string> {
  const entries = CATEGORIES.map((category) => [category, t('quoted', { text: t(`categories.${category}`) })] as const);
  return Object.fromEntries(entries) as Record<Category, string>;
}

export function chartSpec(detail: PlanningDetail, t: TFunction, author: string, today: string): ChartSpec {
  const { planning, stats } = detail;
  const rows = [
    { label: t('chartOverall'), bar: stats.top },
    ...stats.months.map((month) => ({ label: formatMonth(month.month, t('locale')), bar: month })),
  ].map((row) => ({ ...row, counts: t('attemptsOverDays', { attempts: row.bar.conclusive, days: row.bar.conclusiveDays }) }));
  const days = rows.flatMap((row) => [row.bar.from, row.bar.to]).filter(Boolean).sort();
  const first = days[0];
  // The current month's bar runs to the month's end: the period stops at today.
  const lastDay = days[days.length - 1];
  const last = lastDay && lastDay > today ? today : lastDay;
  return {
    title: `${planning.label} — ${planning.prefecture}`,
    subtitle: [planning.procedure, planning.guichetLabel].filter(Boolean).join(' · '),
    period: first && last ? t('chartPeriod', { from: formatLocalDate(first), to: formatLocalDate(last) }) : t('noConclusive'),
    rows,
    categoryLabels: quotedCategories(t),
    percent: (value) => t('percent', { value }),
    emptyRow: t('noConclusive'),
    source: t('chartSource', { prefecture: planning.prefecture }),
    author: author.trim() ? t('chartAuthor', { author: author.trim() }) : null,
    licence: t('chartLicence'),
  };
}

/** Draws the chart into a canvas and downloads it (Electron saves the download where the user says). */
export function ExportPng({ detail }: { detail: PlanningDetail }) {
  const api = useApi();
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActionStatus | null>(null);

  const exportPng = async () => {
    setStatus(null);
    try {
      const settings = await api.call('settings:get');
      const canvas = document.createElement('canvas');
      drawChart(canvas, chartSpec(detail, t, settings.author, todayInParis()));
      const blob = await canvasToPng(canvas);
      const name = `guichets-${fileSlug(detail.planning.label)}.png`;
      downloadBlob(blob, name);
      setStatus({ text: t('pngDownloaded', { file: name }), error: false });
    } catch (error) {
      setStatus({ text: describeError(error, t).message, error: true });
    }
  };

  return (
    <>
      <button type="button" onClick={() => void exportPng()}>
        {t('exportPng')}
      </button>
      <StatusNote status={status} />
    </>
  );
}
