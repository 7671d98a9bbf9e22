// The demo's past: a few months of made-up probes for its replica plannings, so that a newcomer sees the
// three-month bar and the monthly bars at work on first open. Every record says what it is: trigger « demo »,
// an id ending in « -demo », a detail and a page text that say « synthétique ». They are written through the
// store's real append path (hash chain, aggregates), so `verify` checks them like any other, and only into the
// demo's own data folder, before its first live probe: never mixed with real records.
import { DateTime } from 'luxon';
import type { Outcome, Planning } from '../../shared/domain.js';
import type { NewProbe } from '../store/probes.js';
import type { Store } from '../store/index.js';
import { PARIS } from '../stats/calendar.js';
import { wordCore } from '../messages.js';
import { coreMessage } from '../../shared/messages/index.js';

export const DEMO_TRIGGER = 'demo';
/**
 * One made-up probe a day, at 10 h or 16 h (Paris) in turn: every day of the calendar filled, and the whole past
 * written in seconds (each append seals a record and updates the aggregates, a few milliseconds).
 */
const HOURS = [10, 16] as const;
const SYNTHETIC_TEXT = 'Enregistrement synthétique de démonstration : aucune page n’a été visitée.';

/** A small deterministic generator, so that a demo folder looks the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** How open a planning is and how far its first dates are, varied between plannings and over time. */
interface Profile {
  open: number;
  /** Typical wait before the first free slot, in days. */
  wait: number;
  /** Share of probes that hit a captcha (RDV-Préfecture). */
  captcha: number;
}

function profileOf(planning: Planning, index: number): Profile {
  const opens = [0.05, 0.35, 0.7, 0.15, 0.5, 0.02, 0.25, 0.85];
  const waits = [75, 20, 8, 45, 12, 90, 35, 5];
  return {
    open: opens[index % opens.length] ?? 0.3,
    wait: waits[index % waits.length] ?? 30,
    captcha: planning.system === 'rdvpref' ? 0.5 : 0,
  };
}

function slotAt(day: DateTime, hour: number, minute: number): string {
  return `${day.toISODate() ?? ''}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The made-up probes of one planning from `from` until `until`, oldest first. */
export function demoProbes(planning: Planning, index: number, from: DateTime, until: DateTime): NewProbe[] {
  const next = random(index * 7919 + 17);
  const profile = profileOf(planning, index);
  const probes: NewProbe[] = [];
  for (let day = from.startOf('day'); day < until; day = day.plus({ days: 1 })) {
    // The guichets open and close over the weeks: a slow wave around the planning's own level.
    const nth = Math.round(day.diff(from.startOf('day'), 'days').days);
    const open = Math.min(0.95, Math.max(0, profile.open + 0.2 * Math.sin(Math.floor(nth / 7) + index)));
    for (const hour of [HOURS[nth % HOURS.length] ?? 10]) {
      const start = day.set({ hour, minute: planning.minute });
      if (start >= until) break;
      const roll = next();
      let outcome: Outcome;
      if (roll < profile.captcha) outcome = 'captcha';
      else if (roll < profile.captcha + 0.03) outcome = 'site_error';
      else outcome = next() < open ? 'dates' : 'no_date';
      const wait = Math.max(1, Math.round(profile.wait * (0.5 + next())));
      const first = outcome === 'dates' ? slotAt(start.plus({ days: wait }), 9, 15) : null;
      const second = outcome === 'dates' && next() < 0.6 ? slotAt(start.plus({ days: wait }), 9, 45) : null;
      const utc = start.toUTC();
      const said = coreMessage('probe.demo_synthetic', { outcome });
      probes.push({
        id: `${utc.toFormat("yyyyMMdd'T'HHmmss'Z'")}-${planning.id}-demo`,
        planningId: planning.id,
        startedAt: utc.toISO() ?? '',
        durationMs: 3000 + Math.round(next() * 4000),
        url: planning.url,
        finalUrl: planning.url,
        outcome,
        firstSlot: first,
        secondSlot: second,
        detail: wordCore(said),
        detailMessage: said,
        httpStatus: outcome === 'site_error' ? 502 : 200,
        environment: {
          appVersion: 'démonstration',
          browser: 'aucun (enregistrement synthétique)',
          browserVersion: '',
          userAgent: '',
          freshProfile: false,
          timeSource: 'synthétique',
          os: '',
        },
        trigger: DEMO_TRIGGER,
      });
    }
  }
  return probes;
}

/**
 * Writes the history of the demo plannings that have no probe yet: from the first day of the third month
 * before this one until an hour ago. Returns how many probes were written.
 */
export async function writeDemoHistory(store: Store, plannings: readonly Planning[], now: Date): Promise<number> {
  const until = DateTime.fromJSDate(now, { zone: PARIS }).minus({ hours: 1 });
  const from = until.startOf('month').minus({ months: 3 });
  // Each planning's chain is written in order; the plannings side by side (the store queues per planning).
  const counts = await Promise.all(
    plannings.map(async (planning, index) => {
      if ((await store.probes.last(planning.id)) !== null) return 0;
      const probes = demoProbes(planning, index, from, until);
      for (const probe of probes) await store.probes.append(probe, { screenshot: null, pageText: SYNTHETIC_TEXT });
      return probes.length;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
