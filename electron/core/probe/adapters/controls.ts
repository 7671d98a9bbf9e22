// Controls found the way a person finds them: by their role and what they say (accents, case and spacing aside),
// ids, classes and names only as hints; and wrapper pages (an information page before the service) passed.
import type { Locator, Page } from 'playwright-core';
import { loosePattern } from '../text.js';
import type { Visit } from '../visit.js';

type Role = 'button' | 'link' | 'checkbox' | 'radio';

/** The first visible control of these roles whose name says one of `names`; `hint` (a selector) is tried too. */
export async function findControl(page: Page, roles: Role[], names: string[], hint?: string): Promise<Locator | null> {
  for (const name of names) {
    const pattern = loosePattern(name);
    for (const role of roles) {
      const found = page.getByRole(role, { name: pattern });
      const count = await found.count().catch(() => 0);
      for (let i = 0; i < count; i++) {
        const candidate = found.nth(i);
        if (await candidate.isVisible().catch(() => false)) return candidate;
      }
    }
  }
  if (hint) {
    const hinted = page.locator(hint);
    const count = await hinted.count().catch(() => 0);
    for (let i = 0; i < count; i++) if (await hinted.nth(i).isVisible().catch(() => false)) return hinted.nth(i);
  }
  return null;
}

/** The words of the controls that lead past an information page to the service. */
const CONTINUE = [
  'continuer',
  'poursuivre',
  'acceder au service',
  'acceder a la prise de rendez-vous',
  'acceder au formulaire',
  'prendre rendez-vous',
  "j'ai lu et compris",
  "j'ai compris",
  'commencer',
];

/**
 * On a page the adapter does not know, a single "Continuer"-like control is an information page to pass, as a
 * person would. Returns true when it was passed (the next page is then on screen).
 */
export async function passInterstitial(visit: Visit): Promise<boolean> {
  const control = await findControl(visit.page, ['link', 'button'], CONTINUE);
  if (!control) return false;
  visit.step('page d’information');
  const href = await control.getAttribute('href').catch(() => null);
  if (href && !href.startsWith('#') && !href.startsWith('javascript:')) {
    await visit.submit(control);
    return true;
  }
  await visit.click(control);
  await visit.page.waitForLoadState('domcontentloaded').catch(() => undefined);
  return true;
}
