import { useState } from 'react';
import type { PlanningDetail } from '../../../electron/shared/api';
import type { Category } from '../../../electron/shared/domain';
import { errorMessage } from '../api/client';
import { useApi } from '../api/context';
import { canvasToPng, downloadBlob, drawChart, type ChartSpec } from '../chart/png';
import { fileSlug, formatLocalDate, formatMonth, todayInParis } from '../format';
import { StatusNote, type ActionStatus } from './StatusNote';
import { useI18n, type Messages } from '../i18n';

function quotedCategories(t: Messages): Record<Category, string> {
  const { c1, c2, c3, c4, c5 } = t.categories;
  return { c1: t.quoted(c1), c2: t.quoted(c2), c3: t.quoted(c3), c4: t.quoted(c4), c5: t.quoted(c5) };
}

export function chartSpec(detail: PlanningDetail, t: Messages, author: string, today: string): ChartSpec {
  const { planning, stats } = detail;
  const rows = [
    { label: t.chartOverall, bar: stats.top },
    ...stats.months.map((month) => ({ label: formatMonth(month.month, t.locale), bar: month })),
  ].map((row) => ({ ...row, counts: t.attemptsOverDays(row.bar.conclusive, row.bar.conclusiveDays) }));
  const days = rows.flatMap((row) => [row.bar.from, row.bar.to]).filter(Boolean).sort();
  const first = days[0];
  // The current month's bar runs to the month's end: the period stops at today.
  const lastDay = days[days.length - 1];
  const last = lastDay && lastDay > today ? today : lastDay;
  return {
    title: `${planning.label} — ${planning.prefecture}`,
    subtitle: [planning.procedure, planning.guichetLabel].filter(Boolean).join(' · '),
    period: first && last ? t.chartPeriod(formatLocalDate(first), formatLocalDate(last)) : t.noConclusive,
    rows,
    categoryLabels: quotedCategories(t),
    percent: t.percent,
    emptyRow: t.noConclusive,
    source: t.chartSource(planning.prefecture),
    author: author.trim() ? t.chartAuthor(author.trim()) : null,
    licence: t.chartLicence,
  };
}

/** Draws the chart into a canvas and downloads it (Electron saves the download where the user says). */
export function ExportPng({ detail }: { detail: PlanningDetail }) {
  const api = useApi();
  const { t } = useI18n();
  const [status, setStatus] = useState<ActionStatus | null>(null);

  const exportPng = async () => {
    setStatus(null);
    try {
      const settings = await api.call('settings:get');
      const canvas = document.createElement('canvas');
      drawChart(canvas, chartSpec(detail, t, settings.author, todayInParis()));
      const blob = await canvasToPng(canvas);
      downloadBlob(blob, `guichets-${fileSlug(detail.planning.label)}.png`);
      setStatus({ text: t.pngDone, error: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), error: true });
    }
  };

  return (
    <>
      <button type="button" onClick={() => void exportPng()}>
        {t.exportPng}
      </button>
      <StatusNote status={status} />
    </>
  );
}
