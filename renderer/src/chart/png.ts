// The chart as an image that carries its own title, period, source, association, licence, booking address and
// export date (CC-BY 4.0 asks for attribution, and an image travels without the page around it).
import { CATEGORIES, type Category } from '../../../electron/shared/domain';
import type { Bar } from '../../../electron/shared/stats';
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, barShares } from '../shares';

export interface ChartRow {
  label: string;
  bar: Bar;
  /** "12 sondages sur 9 jours". */
  counts: string;
  /** What stays beside the bar: "51 captchas ; 12 heures sans sondage", or ''. */
  beside: string;
}

export interface ChartSpec {
  title: string;
  subtitle: string;
  period: string;
  rows: ChartRow[];
  /** As the legend shows them, quotes included. */
  categoryLabels: Record<Category, string>;
  percent: (value: number) => string;
  emptyRow: string;
  /** Under the legend, one line each: source, association, author, licence, booking address, export date. */
  footer: string[];
}

const WIDTH = 1200;
const MARGIN = 40;
const LABEL_WIDTH = 230;
const COUNTS_WIDTH = 270;
const ROW_HEIGHT = 46;
const BAR_HEIGHT = 30;
const FONT = '"DejaVu Sans", Arial, Helvetica, sans-serif';

const HEADER_HEIGHT = 160;
const LEGEND_LINE = 26;
const FOOT_LINE = 24;

/** Follows drawChart's layout: header, rows, legend, then the source, author and licence lines. */
export function chartHeight(spec: ChartSpec): number {
  const footLines = spec.footer.length;
  return HEADER_HEIGHT + spec.rows.length * ROW_HEIGHT + 10 + CATEGORIES.length * LEGEND_LINE + 24 + footLines * FOOT_LINE + 10;
}

/** Draws the chart; the canvas is resized to fit it. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  canvas.width = WIDTH;
  canvas.height = chartHeight(spec);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D indisponible.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'middle';

  let y = MARGIN + 14;
  ctx.fillStyle = '#111111';
  ctx.font = `bold 28px ${FONT}`;
  ctx.fillText(spec.title, MARGIN, y, WIDTH - 2 * MARGIN);
  y += 38;
  ctx.font = `18px ${FONT}`;
  ctx.fillStyle = '#333333';
  if (spec.subtitle) ctx.fillText(spec.subtitle, MARGIN, y, WIDTH - 2 * MARGIN);
  y += 28;
  ctx.fillText(spec.period, MARGIN, y, WIDTH - 2 * MARGIN);
  y = HEADER_HEIGHT;

  const barX = MARGIN + LABEL_WIDTH;
  const barWidth = WIDTH - 2 * MARGIN - LABEL_WIDTH - COUNTS_WIDTH;
  for (const row of spec.rows) {
    ctx.font = `16px ${FONT}`;
    ctx.fillStyle = '#111111';
    ctx.textAlign = 'left';
    ctx.fillText(row.label, MARGIN, y, LABEL_WIDTH - 12);
    drawBar(ctx, row.bar, barX, y - BAR_HEIGHT / 2, barWidth, spec);
    ctx.textAlign = 'left';
    ctx.fillStyle = '#333333';
    ctx.font = `15px ${FONT}`;
    ctx.fillText(row.counts, barX + barWidth + 14, row.beside ? y - 8 : y, COUNTS_WIDTH - 14);
    if (row.beside) {
      ctx.font = `13px ${FONT}`;
      ctx.fillText(row.beside, barX + barWidth + 14, y + 10, COUNTS_WIDTH - 14);
    }
    y += ROW_HEIGHT;
  }

  y += 10;
  ctx.font = `16px ${FONT}`;
  for (const category of CATEGORIES) {
    ctx.fillStyle = CATEGORY_COLOURS[category];
    ctx.fillRect(MARGIN, y - 9, 18, 18);
    ctx.strokeStyle = '#666666';
    ctx.strokeRect(MARGIN, y - 9, 18, 18);
    ctx.fillStyle = '#111111';
    ctx.fillText(spec.categoryLabels[category], MARGIN + 28, y);
    y += LEGEND_LINE;
  }

  y += 24;
  ctx.font = `15px ${FONT}`;
  ctx.fillStyle = '#333333';
  for (const line of spec.footer) {
    ctx.fillText(line, MARGIN, y, WIDTH - 2 * MARGIN);
    y += FOOT_LINE;
  }
}

function drawBar(
  ctx: CanvasRenderingContext2D,
  bar: Bar,
  x: number,
  top: number,
  width: number,
  { emptyRow: empty, percent }: ChartSpec,
) {
  ctx.strokeStyle = '#999999';
  ctx.lineWidth = 1;
  if (bar.conclusive === 0) {
    ctx.fillStyle = '#eeeeee';
    ctx.fillRect(x, top, width, BAR_HEIGHT);
    ctx.strokeRect(x, top, width, BAR_HEIGHT);
    ctx.fillStyle = '#555555';
    ctx.font = `italic 14px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.fillText(empty, x + width / 2, top + BAR_HEIGHT / 2);
    return;
  }
  let left = x;
  ctx.font = `bold 13px ${FONT}`;
  ctx.textAlign = 'center';
  for (const share of barShares(bar)) {
    const segment = share.fraction * width;
    if (segment <= 0) continue;
    ctx.fillStyle = CATEGORY_COLOURS[share.category];
    ctx.fillRect(left, top, segment, BAR_HEIGHT);
    if (segment >= 44) {
      ctx.fillStyle = CATEGORY_TEXT_COLOURS[share.category];
      ctx.fillText(percent(share.percent), left + segment / 2, top + BAR_HEIGHT / 2);
    }
    left += segment;
  }
  ctx.strokeRect(x, top, width, BAR_HEIGHT);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Image vide.'))), 'image/png');
  });
}

/** A download the way a browser does it; under Electron the main process decides where the file goes. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
