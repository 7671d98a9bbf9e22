// The published website: the association's figures as static pages, in the spirit of La Cimade's
// « À guichets fermés ». Written into a temporary folder beside the target, then put in its place: a failed
// publication leaves the previous one as it was.
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Planning } from '../../shared/domain.js';
import { chartFacts, renderChartPng } from '../report/chart.js';
import { frenchInstant } from '../report/period.js';
import { planningChartRows, topPeriod } from '../report/figures.js';
import { AppError } from '../errors.js';
import { exportCsvFile } from '../export/csv.js';
import { launchHeadless } from '../probe/browser.js';
import { PARIS } from '../stats/calendar.js';
import { planningStats } from '../stats/index.js';
import { findAppRoot } from '../paths.js';
import type { Store } from '../store/index.js';
import { indexPage, licencesPage, prefecturePage, STYLE, type Prefecture, type PublishedPlanning, type SiteIdentity } from './pages.js';

export interface PublishOptions {
  store: Store;
  out: string;
  browserPath: string;
  now: Date;
}

/** Left in every published folder: only such a folder is ever replaced. */
const MARKER = '.guichets-publication';

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'prefecture';

async function departementNames(): Promise<Map<string, string>> {
  try {
    const catalogue = JSON.parse(await readFile(path.join(findAppRoot(), 'resources', 'catalogue.json'), 'utf8')) as {
      departements?: { code: string; name: string }[];
    };
    return new Map((catalogue.departements ?? []).map((d) => [d.code, d.name]));
  } catch {
    return new Map();
  }
}

async function checkTarget(out: string): Promise<void> {
  const info = await stat(out).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new AppError('invalid_input', `« ${out} » est un fichier : donnez un dossier pour le site.`);
  const names = await readdir(out);
  if (names.length > 0 && !names.includes(MARKER)) {
    throw new AppError('invalid_input', `Le dossier « ${out} » contient déjà autre chose qu’un site publié par Guichets : choisissez un dossier vide ou nouveau.`);
  }
}

export async function publishSite(options: PublishOptions): Promise<{ path: string; pages: number }> {
  const { store } = options;
  const out = path.resolve(options.out);
  await checkTarget(out);
  const settings = await store.settings.get();
  const association = settings.associationName.trim();
  const now = DateTime.fromJSDate(options.now, { zone: PARIS });
  const today = now.toFormat('yyyy-MM-dd');
  const exportedAt = frenchInstant(options.now);
  const temp = `${out}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(path.join(temp, 'img'), { recursive: true });
  await mkdir(path.join(temp, 'prefectures'), { recursive: true });
  await mkdir(path.join(temp, 'donnees'), { recursive: true });
  let browser = null;
  try {
    let logo: string | null = null;
    if (settings.associationLogo) {
      const ext = path.extname(settings.associationLogo).toLowerCase();
      if (!['.png', '.jpg', '.jpeg', '.svg'].includes(ext)) throw new AppError('invalid_input', 'Logo : une image PNG, JPEG ou SVG.');
      logo = `logo${ext}`;
      await copyFile(settings.associationLogo, path.join(temp, logo)).catch(() => {
        throw new AppError('invalid_input', `Logo introuvable : « ${settings.associationLogo ?? ''} ». Corrigez-le dans les réglages.`);
      });
    }
    const identity: SiteIdentity = { association, contact: settings.associationContact.trim(), logo, updated: exportedAt };
    const names = await departementNames();
    browser = await launchHeadless(options.browserPath, 'site');
    const page = await browser.newPage();
    const byPrefecture = new Map<string, Prefecture>();
    const plannings: Planning[] = (await store.plannings.list()).sort(
      (a, b) => a.departement.localeCompare(b.departement, 'fr', { numeric: true }) || a.label.localeCompare(b.label, 'fr'),
    );
    for (const planning of plannings) {
      const stats = planningStats(planning.id, await store.aggregates(planning.id), today);
      if (stats.topScope === 'no_history') continue;
      // The top bar and the months it adds up, under the top bar's period: the chart and its period agree.
      const png = await renderChartPng(page, chartFacts(planning, planningChartRows(stats), topPeriod(stats), settings.author.trim(), association, exportedAt));
      const image = `img/${planning.id}.png`;
      await writeFile(path.join(temp, image), png);
      const csv = `donnees/${planning.id}.csv`;
      await exportCsvFile(store, path.join(temp, csv), [planning.id]);
      const key = `${planning.departement}|${planning.prefecture}`;
      const prefecture = byPrefecture.get(key) ?? {
        name: planning.prefecture,
        slug: `${slug(planning.departement)}-${slug(planning.prefecture)}`,
        departement: planning.departement,
        departementName: names.get(planning.departement) ?? '',
        plannings: [] as PublishedPlanning[],
      };
      prefecture.plannings.push({ planning, stats, image, csv });
      byPrefecture.set(key, prefecture);
    }
    await browser.close();
    browser = null;
    const prefectures = [...byPrefecture.values()];
    await exportCsvFile(store, path.join(temp, 'donnees', 'sondages.csv'), prefectures.flatMap((p) => p.plannings.map((x) => x.planning.id)));
    for (const prefecture of prefectures) {
      await writeFile(path.join(temp, 'prefectures', `${prefecture.slug}.html`), prefecturePage(prefecture, identity));
    }
    await writeFile(path.join(temp, 'index.html'), indexPage(prefectures, identity));
    await writeFile(path.join(temp, 'licences.html'), licencesPage(identity));
    await writeFile(path.join(temp, 'style.css'), STYLE);
    await writeFile(path.join(temp, MARKER), `Site publié par Guichets le ${now.toISO() ?? ''}\n`);
    await rm(out, { recursive: true, force: true });
    await rename(temp, out);
    return { path: out, pages: prefectures.length + 2 };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
