// Controls found by what they say stay that control: a page that adds or moves controls after the robot found one
// never turns its click onto another.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../../../../test/support/probe-harness.js';
import { findControl } from './controls.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchTestBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser.close();
});

describe('findControl', () => {
  it('keeps to the control it found when the page then adds one before it', async () => {
    await page.setContent('<main><button>Retour</button><button>Continuer</button></main>');
    const control = await findControl(page, ['continuer']);
    await page.evaluate("document.querySelector('main').insertAdjacentHTML('afterbegin', '<button>Imprimer</button>')");
    expect(await control?.innerText()).toBe('Continuer');
  });

  it('finds a control by its words before its hint, the hint only when no words match, and nothing hidden', async () => {
    await page.setContent(
      '<a class="nav-next" href="?s=2">›</a><button style="display:none">Semaine suivante</button><a href="?s=3">Semaine suivante</a>',
    );
    expect(await (await findControl(page, ['semaine suivante'], '[class*="next" i]'))?.getAttribute('href')).toBe('?s=3');
    expect(await (await findControl(page, ['sem. prochaine'], '[class*="next" i]'))?.getAttribute('href')).toBe('?s=2');
    expect(await findControl(page, ['sem. prochaine'])).toBeNull();
  });
});
