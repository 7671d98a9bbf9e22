// A person's walk through a perturbed replica, scripted with the very words this person reads on each variation
// (not the robot's understanding): it proves that every variation of the matrix is a page a person can get through
// to the slots or to the site's « no slot » sentence, so that the matrix never tests an impossible page.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { HELD_OUT } from './held-out.js';
import { PARIS } from '../../../electron/shared/domain.js';

export interface PersonResult {
  outcome: 'dates' | 'no_date' | 'captcha' | 'lost';
  slots: string[];
}

/** What the person clicks, in order of preference, when a page shows no slot: the words they read there. */
const CLICKS: { role: 'button' | 'link'; name: string | RegExp }[] = [
  // tarteaucitron names its button « Cookies : Tout refuser » for screen readers; a person reads « Tout refuser ».
  ...[/^(Cookies : )?Tout refuser$/, 'Refuser', 'Refuser tout', 'OK, j’ai compris', "OK, j'ai compris", HELD_OUT.refuse[0], HELD_OUT.refuse[1]].flatMap((name) => [
    { role: 'button' as const, name },
    { role: 'link' as const, name },
  ]),
  { role: 'link', name: 'Continuer' },
  { role: 'link', name: HELD_OUT.forward[0] },
  { role: 'button', name: 'Effectuer une demande de rendez-vous' },
  { role: 'button', name: 'Etape suivante' },
  { role: 'link', name: 'Prendre un rendez-vous' },
];

const NO_SLOT = ["Il n'existe plus de plage horaire libre", 'aucun créneau correspondant à votre recherche', 'Aucun créneau disponible'];
const NEXT = [/^Semaine suivante/, /^semaine suivante$/, /Prochaine disponibilité/];

function fromWords(text: string): string | null {
  const clean = text.trim().replace(/^./, (c) => c.toLowerCase()).replace(/\b1er\b/, '1');
  const at = DateTime.fromFormat(clean, "cccc d LLLL yyyy 'à' H 'h' mm", { locale: 'fr', zone: PARIS });
  return at.isValid ? at.toFormat("yyyy-MM-dd'T'HH:mm") : null;
}

/** Buttons that say a time, with the day their column or their day's heading says, and the year of the week. */
const BUTTONS = `Array.from(document.querySelectorAll('button.creneau, .day button')).map((button) => {
  const cell = button.closest('td');
  const table = button.closest('table');
  if (cell && table) {
    const index = Array.from(cell.parentElement.children).indexOf(cell);
    const head = table.querySelectorAll('thead tr:last-child th')[index];
    const week = table.querySelector('th[colspan]');
    return { time: button.textContent || '', day: head ? head.textContent : '', year: ((week && week.textContent) || '').match(/\\d{4}/)?.[0] || '' };
  }
  const day = button.closest('.day')?.querySelector('p');
  return { time: button.textContent || '', day: day ? day.innerText : '', year: '' };
})`;

/** The slots this person reads on the page, in the widget the variation shows them in. */
async function slotsShown(page: Page): Promise<string[]> {
  const found: string[] = [];
  const hrefs = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('a[href*="/5/"], a[href*="starts_at="]')).map((a) => a.getAttribute('href') || '')`);
  for (const href of hrefs) {
    const seconds = /\/5\/(\d+)/.exec(href)?.[1];
    if (seconds) found.push(DateTime.fromSeconds(Number(seconds), { zone: PARIS }).toFormat("yyyy-MM-dd'T'HH:mm"));
    const raw = new URL(href.replace(/&amp;/g, '&'), 'http://x/').searchParams.get('starts_at');
    const at = raw === null ? null : DateTime.fromFormat(raw, 'yyyy-MM-dd HH:mm:ss ZZZ', { setZone: true }).setZone(PARIS);
    if (at?.isValid) found.push(at.toFormat("yyyy-MM-dd'T'HH:mm"));
  }
  // A list « Choisissez un créneau », links in words: the person reads the words.
  const worded = [...(await page.locator('select option').allInnerTexts()), ...(await page.locator('a[href="#creneau"]').allInnerTexts())];
  for (const text of worded) {
    const slot = fromWords(text);
    if (slot) found.push(slot);
  }
  // Buttons that say the time: the person reads the day above them (the table's column, the day's heading).
  const buttons = await page.evaluate<{ time: string; day: string; year: string }[]>(BUTTONS);
  for (const { time, day, year } of buttons) {
    const numeric = /(\d{2})\/(\d{2})/.exec(day);
    const date = numeric
      ? DateTime.fromObject({ year: Number(year), month: Number(numeric[2]), day: Number(numeric[1]) }, { zone: PARIS })
      : nextDate(day.replace(/\s+/g, ' ').trim());
    const [hour, minute] = time.trim().split(':').map(Number);
    if (date?.isValid) found.push(date.set({ hour, minute }).toFormat("yyyy-MM-dd'T'HH:mm"));
  }
  return [...new Set(found)].sort();
}

/** « lundi 7 déc. »: the next such day from today. */
function nextDate(text: string): DateTime | null {
  const today = DateTime.now().setZone(PARIS).startOf('day');
  for (const year of [today.year, today.year + 1]) {
    const at = DateTime.fromFormat(`${text.replace(/^\S+\s+/, '')} ${year}`, 'd LLL yyyy', { locale: 'fr', zone: PARIS });
    if (at.isValid && at >= today.minus({ days: 7 })) return at;
  }
  return null;
}

async function clickFirst(page: Page, options: { role: 'button' | 'link' | 'radio' | 'checkbox'; name: string | RegExp }[]): Promise<boolean> {
  const found = options.map(({ role, name }) => {
    // The person reads the control's text, whatever name it carries for screen readers (Osano's « Refuser » is
    // « deny cookies » to them).
    const text = typeof name === 'string' ? new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : name;
    return page.getByRole(role, { name, exact: typeof name === 'string' }).or(page.getByRole(role).filter({ hasText: text })).filter({ visible: true });
  });
  // Looked for all at once (the page is read once), then taken in the person's order of preference.
  const counts = await Promise.all(found.map((controls) => controls.count().catch(() => 0)));
  for (const [at, { role }] of options.entries()) {
    const controls = found[at];
    if (!controls) continue;
    // The topmost first: a layer over the page is what a person's click meets.
    for (let index = (counts[at] ?? 0) - 1; index >= 0; index--) {
      const control = controls.nth(index);
      const done = role === 'checkbox' || role === 'radio' ? control.dispatchEvent('click') : control.click({ timeout: 2_000 });
      if (await done.then(() => true, () => false)) return true;
    }
  }
  return false;
}

/** How long the page must stay unchanged before the person reads it, and the most they wait for that. */
const STILL_MS = 250;
const LOOK_MS = 2_000;

/**
 * Resolves once the page's DOM has not changed for a moment (a person reads a page once it stops moving), at most
 * LOOK_MS; a page already still is read at once.
 */
const STILL = `new Promise((resolve) => {
  const done = () => { observer.disconnect(); clearTimeout(timer); clearTimeout(limit); resolve(true); };
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ${STILL_MS}); });
  let timer = setTimeout(done, ${STILL_MS});
  const limit = setTimeout(done, ${LOOK_MS});
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

async function settled(page: Page): Promise<void> {
  // A page that went elsewhere meanwhile (a script's redirect): the next one is looked at once it has loaded.
  await page.evaluate(STILL).catch(async () => {
    await page.waitForLoadState('load').catch(() => undefined);
    await page.evaluate(STILL).catch(() => undefined);
  });
}

/** Waits until the page's text is no longer `before` (it reloaded, or drew what it was loading), at most `most` ms. */
async function changed(page: Page, before: string, most: number): Promise<void> {
  await page.waitForFunction(`(document.body ? document.body.innerText : "") !== ${JSON.stringify(before)}`, undefined, { timeout: most }).catch(() => undefined);
}

/** Walks to the answer as a person: `guichet` is the label of the guichet to choose, when there is a choice. */
export async function personWalk(page: Page, url: string, guichet: string | null): Promise<PersonResult> {
  await page.goto(url);
  const read = new Set<string>();
  // A person who sees nothing to do yet looks again a moment later before giving up (a page still drawing itself on
  // a busy machine): a few seconds in the whole walk.
  let patience = 5;
  for (let step = 0; step < 30; step++) {
    await page.waitForLoadState('load').catch(() => undefined);
    await settled(page);
    const text = await page.locator('body').innerText().catch(() => '');
    // A queue, or a page still loading its slots: the person waits until it reloads itself or changes.
    if (/file d’attente|Chargement/.test(text)) {
      await Promise.race([page.waitForEvent('load', { timeout: 5_000 }).catch(() => undefined), changed(page, text, 5_000)]);
      continue;
    }
    if ((await page.locator('#captchaFR_CaptchaImage').count()) > 0) return { outcome: 'captcha', slots: [] };
    if (NO_SLOT.some((sentence) => text.includes(sentence))) return { outcome: 'no_date', slots: [] };
    // Consent first: a layer over the page is closed before anything else.
    if (await clickFirst(page, CLICKS.slice(0, 14))) continue;
    const slots = await slotsShown(page);
    for (const slot of slots) read.add(slot);
    if (read.size >= 2) return { outcome: 'dates', slots: [...read].sort().slice(0, 2) };
    if (slots.length > 0 || /Semaine du|sem\. précédente|Sélectionnez un créneau/.test(text)) {
      if (await clickFirst(page, NEXT.flatMap((name) => [{ role: 'button' as const, name }, { role: 'link' as const, name }]))) continue;
      if (read.size === 0 && patience-- > 0) {
        await changed(page, text, 1_000);
        continue;
      }
      return read.size > 0 ? { outcome: 'dates', slots: [...read].sort() } : { outcome: 'lost', slots: [] };
    }
    const box = page.getByRole('checkbox').filter({ visible: true });
    if ((await box.count()) > 0 && !(await box.first().isChecked())) await box.first().dispatchEvent('click');
    // The guichet by its label, or the radio whose value the planning names.
    const byValue = page.locator(`input[type="radio"][value="${guichet ?? ''}"]`);
    if (guichet && ((await clickFirst(page, [{ role: 'radio', name: guichet }])) || ((await byValue.count()) > 0 && (await byValue.dispatchEvent('click').then(() => true))))) {
      await clickFirst(page, [{ role: 'button', name: 'Etape suivante' }]);
      continue;
    }
    const card = page.locator('.card', { hasText: guichet ?? '' }).getByRole('link').filter({ visible: true }).first();
    if (guichet && (await card.count()) > 0) {
      // A layer drawn since the page was read (a consent banner shown late) takes the click: the person looks again.
      await card.click({ timeout: 2_000 }).catch(() => undefined);
      continue;
    }
    if (await clickFirst(page, CLICKS.slice(14))) continue;
    if (patience-- > 0) {
      await changed(page, text, 1_000);
      continue;
    }
    return { outcome: 'lost', slots: [...read] };
  }
  return { outcome: 'lost', slots: [...read] };
}
