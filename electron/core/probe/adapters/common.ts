// Small helpers the adapters share. Error pages, captchas and unanswered requests are classified once, by
// ../classify.ts and ../visit.ts, for every system.
import type { Locator } from 'playwright-core';
import type { LocalDateTime } from '../../../shared/domain.js';
import { frenchSlot } from '../format.js';
import type { AdapterResult } from '../types.js';
import type { Visit } from '../visit.js';

export function result(outcome: AdapterResult['outcome'], detail: string, slots: LocalDateTime[] = []): AdapterResult {
  return { outcome, detail, slots: [...new Set(slots)].sort() };
}

/** The detail of a `dates` outcome: how many slots were read and the first two. */
export function datesResult(slots: LocalDateTime[], where: string): AdapterResult {
  const sorted = [...new Set(slots)].sort();
  const firstTwo = sorted.slice(0, 2).map(frenchSlot).join(' ; ');
  const count = sorted.length === 1 ? 'un créneau libre' : `${sorted.length} créneaux libres`;
  return result('dates', `${where} : ${count} ; premier(s) : ${firstTwo}.`, sorted);
}

/** Follows a link like a person: by its href (the very request a click makes), else by clicking it. */
export async function followLink(visit: Visit, link: Locator): Promise<void> {
  const href = await link.getAttribute('href');
  if (href !== null && href !== '' && !href.startsWith('#') && !href.startsWith('javascript:')) {
    await visit.goto(new URL(href, visit.page.url()).toString());
  } else {
    await visit.submit(link);
  }
}

/** True when the page on screen came with an HTTP error: it is classified, never read as an answer. */
export function isErrorStatus(visit: Visit): boolean {
  const status = visit.status();
  return status !== null && status >= 400;
}
