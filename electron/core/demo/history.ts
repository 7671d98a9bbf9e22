// The demo's past: a few months of made-up hourly probes for its replica plannings, as a PC that sleeps at night
// and is off at weekends would have recorded them, gaps included, so that a newcomer sees the three-month bar,
// the monthly bars, the strip of the latest probes and a dossier with its gaps on first open. Every record says
// what it is: trigger « demo », an id ending in « -demo », a detail and a page text that say « synthétique », and
// a capture (for the probes with dates) that says no page was visited. They are sealed in a hash chain like any
// other, so `verify` checks them, and written only into the demo's own data folder, before its first live probe.
import { DateTime } from 'luxon';
import type { Gap, GapReason, Outcome, Planning } from '../../shared/domain.js';
import type { NewProbe } from '../store/probes.js';
import type { Store } from '../store/index.js';
import { PARIS } from '../stats/calendar.js';
import { wordCore } from '../messages.js';
import { coreMessage } from '../../shared/messages/index.js';
import { demoCapture } from './captures.js';
import { writeBlob, writePlanningHistory, type HistoryProbe } from './files.js';

export const DEMO_TRIGGER = 'demo';
const SYNTHETIC_TEXT = 'Enregistrement synthétique de démonstration : aucune page n’a été visitée.';
/** The PC is on from 8 h to 19 h (Paris), Monday to Friday: asleep at night, off at weekends. */
const AWAKE: { from: number; to: number } = { from: 8, to: 19 };
const WORKDAYS = 5;

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

/** `days` calendar days after a local date, at a local time: « 2026-12-03T09:15 ». */
function slotAt(localDate: string, days: number, time: string): string {
  const [year = 1970, month = 1, day = 1] = localDate.split('-').map(Number);
  return `${new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)}T${time}`;
}

/** What one made-up visit found: dates come and go in runs of a few hours, around the planning's own level. */
function outcomeAt(profile: Profile, open: number, wasOpen: boolean, next: () => number): Outcome {
  const roll = next();
  if (roll < profile.captcha) return 'captcha';
  if (roll < profile.captcha + 0.03) return 'site_error';
  // Free slots last a few hours once they appear: the chance to stay open is high, to open is set so that the
  // planning is open `open` of the time.
  const stay = 0.7;
  const appear = Math.min(0.95, (open * (1 - stay)) / Math.max(0.05, 1 - open));
  return next() < (wasOpen ? stay : appear) ? 'dates' : 'no_date';
}

function demoProbe(planning: Planning, due: Due, outcome: Outcome, profile: Profile, next: () => number): NewProbe {
  const wait = Math.max(1, Math.round(profile.wait * (0.5 + next())));
  const first = outcome === 'dates' ? slotAt(due.localDate, wait, '09:15') : null;
  const second = outcome === 'dates' && next() < 0.6 ? slotAt(due.localDate, wait, '09:45') : null;
  const startedAt = new Date(due.at).toISOString();
  const said = coreMessage('probe.demo_synthetic', { outcome });
  return {
    id: `${startedAt.slice(0, 19).replace(/[-:]/g, '')}Z-${planning.id}-demo`,
    planningId: planning.id,
    startedAt,
    durationMs: 3000 + Math.round(next() * 4000),
    url: planning.url,
    finalUrl: planning.url,
    outcome,
    firstSlot: first,
    secondSlot: second,
    detail: wordCore(said),
    detailMessage: said,
    httpStatus: outcome === 'site_error' ? 502 : 200,
    ...(outcome === 'dates' ? { caption: { planningLabel: planning.label } } : {}),
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
  };
}

const HOUR_MS = 3_600_000;

/**
 * The due times the PC was awake for, from `from` until `until`, at the planning's minute. Computed day by day
 * from each day's offset at noon (summer time changes at night, outside the awake hours): thousands of hours
 * through luxon would keep the newcomer waiting.
 */
interface Due {
  at: number;
  /** The Paris day it falls on. */
  localDate: string;
}

function awakeTimes(minute: number, from: DateTime, until: DateTime): Due[] {
  const times: Due[] = [];
  const end = until.toMillis();
  for (let day = from.startOf('day'); day.toMillis() < end; day = day.plus({ days: 1 })) {
    if (day.weekday > WORKDAYS) continue;
    const offsetMs = day.set({ hour: 12 }).offset * 60_000;
    const localDate = day.toISODate() ?? '';
    for (let hour = AWAKE.from; hour < AWAKE.to; hour += 1) {
      const at = Date.UTC(day.year, day.month - 1, day.day, hour, minute) - offsetMs;
      if (at >= from.toMillis() && at < end) times.push({ at, localDate });
    }
  }
  return times;
}

/** Hours the PC was off, from Friday evening on: the app closed with it; the other stretches, nights asleep. */
function gapReason(from: number): GapReason {
  const start = DateTime.fromMillis(from, { zone: PARIS });
  return start.weekday > WORKDAYS || (start.weekday === WORKDAYS && start.hour >= AWAKE.to) ? 'app_closed' : 'asleep';
}

/**
 * The made-up probes of one planning from `from` until `until`, hour by hour at the planning's minute while the
 * PC is on, oldest first, and the hours it was asleep or off as gaps (one per stretch, as the schedule records
 * them).
 */
export function demoHistory(planning: Planning, index: number, from: DateTime, until: DateTime): { probes: NewProbe[]; gaps: Gap[] } {
  const next = random(index * 7919 + 17);
  const profile = profileOf(planning, index);
  const probes: NewProbe[] = [];
  const gaps: Gap[] = [];
  const gap = (start: number, end: number) => {
    const hours = Math.round((end - start) / HOUR_MS);
    if (hours > 0) gaps.push({ planningId: planning.id, from: new Date(start).toISOString(), to: new Date(end).toISOString(), hours, reason: gapReason(start) });
  };
  const firstDue = from.startOf('hour').set({ minute: planning.minute }).toMillis();
  const times = awakeTimes(planning.minute, from, until);
  let due = firstDue;
  let wasOpen = false;
  for (const awake of times) {
    const { at } = awake;
    gap(due, at);
    due = at + HOUR_MS;
    // The guichets open and close over the weeks: a slow wave around the planning's own level.
    const week = Math.floor((at - firstDue) / (7 * 24 * HOUR_MS));
    const open = Math.min(0.95, Math.max(0, profile.open + 0.2 * Math.sin(week + index)));
    const outcome = outcomeAt(profile, open, wasOpen, next);
    if (outcome === 'dates' || outcome === 'no_date') wasOpen = outcome === 'dates';
    probes.push(demoProbe(planning, awake, outcome, profile, next));
  }
  // The hours since the PC last probed: every due time before the end of the history.
  gap(due, due + Math.ceil((until.toMillis() - due) / HOUR_MS) * HOUR_MS);
  return { probes, gaps };
}

/**
 * Writes the history of the demo plannings that have no probe yet: from the first day of the third month
 * before this one until an hour ago. Returns how many probes were written.
 */
export async function writeDemoHistory(store: Store, plannings: readonly Planning[], now: Date): Promise<number> {
  const until = DateTime.fromJSDate(now, { zone: PARIS }).minus({ hours: 1 });
  const from = until.startOf('month').minus({ months: 3 });
  const pageText = await writeBlob(store.dir, Buffer.from(SYNTHETIC_TEXT, 'utf8'), 'txt');
  const writing: Promise<number>[] = [];
  for (const [index, planning] of plannings.entries()) {
    if ((await store.probes.last(planning.id)) !== null) continue;
    const { probes, gaps } = demoHistory(planning, index, from, until);
    const capture = await writeBlob(store.dir, await demoCapture(planning.system), 'webp');
    const history: HistoryProbe[] = probes.map((probe) => ({ probe, screenshot: probe.outcome === 'dates' ? capture : null, pageText }));
    // One planning's files are written while the next one's records are sealed.
    writing.push(writePlanningHistory(store.dir, planning.id, history, gaps).then((records) => records.length));
  }
  return (await Promise.all(writing)).reduce((sum, count) => sum + count, 0);
}
