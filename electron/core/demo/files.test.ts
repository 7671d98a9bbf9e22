// The demo's past is written at once, not appended probe by probe: the files must be those the store writes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { PARIS } from '../stats/calendar.js';
import { createStore } from '../store/index.js';
import { SUMMARY_FILE } from '../store/summary.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { demoHistory } from './history.js';
import { writeBlob, writePlanningHistory } from './files.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The folder's data files; the dashboard's summary is a cache the store writes for itself, not data. */
async function files(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const out: Record<string, string> = {};
  for (const entry of names) {
    const file = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, file) === path.normalize(SUMMARY_FILE)) continue;
    out[path.relative(dir, file)] = (await readFile(file)).toString('base64');
  }
  return out;
}

describe('the demo’s past', () => {
  it('is hourly while the PC is on, with its nights and weekends as gaps', () => {
    const planning = syntheticPlanning('demo', { minute: 7 });
    // Monday 2 November to Monday 9 November 2026, 10 h (Paris).
    const from = DateTime.fromISO('2026-11-02T00:00', { zone: PARIS });
    const until = DateTime.fromISO('2026-11-09T09:30', { zone: PARIS });
    const { probes, gaps } = demoHistory(planning, 3, from, until);
    // Five days of 8:07 … 18:07, then Monday 8:07 and 9:07.
    expect(probes).toHaveLength(5 * 11 + 2);
    expect(probes[0]?.startedAt).toBe('2026-11-02T07:07:00.000Z');
    expect(gaps.map((gap) => [gap.from, gap.hours, gap.reason])).toEqual([
      ['2026-11-01T23:07:00.000Z', 8, 'asleep'],
      ['2026-11-02T18:07:00.000Z', 13, 'asleep'],
      ['2026-11-03T18:07:00.000Z', 13, 'asleep'],
      ['2026-11-04T18:07:00.000Z', 13, 'asleep'],
      ['2026-11-05T18:07:00.000Z', 13, 'asleep'],
      // Friday 19:07 to Monday 8:07: the PC is off for the weekend.
      ['2026-11-06T18:07:00.000Z', 61, 'app_closed'],
    ]);
    // The PC off since Friday 19:07: every due time before the history's end is a missed hour.
    const weekend = demoHistory(planning, 3, from, DateTime.fromISO('2026-11-07T10:30', { zone: PARIS })).gaps.at(-1);
    expect(weekend).toMatchObject({ from: '2026-11-06T18:07:00.000Z', to: '2026-11-07T10:07:00.000Z', hours: 16, reason: 'app_closed' });
    expect(probes.every((probe) => probe.trigger === 'demo' && probe.id.endsWith('-demo'))).toBe(true);
    expect(probes.filter((probe) => probe.outcome === 'dates').every((probe) => probe.caption?.planningLabel === planning.label)).toBe(true);
  });

  it('writes the files the store writes when the same probes and gaps are appended one by one', async () => {
    const planning = syntheticPlanning('demo');
    const from = DateTime.fromISO('2026-10-29T00:00', { zone: PARIS });
    const until = DateTime.fromISO('2026-11-03T12:00', { zone: PARIS });
    const { probes, gaps } = demoHistory(planning, 1, from, until);
    const capture = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8L capture de démonstration');
    const text = 'Enregistrement synthétique';

    const appended = await mkdtemp(path.join(os.tmpdir(), 'guichets-demo-append-'));
    const written = await mkdtemp(path.join(os.tmpdir(), 'guichets-demo-bulk-'));
    dirs.push(appended, written);
    const store = createStore({ dir: appended, clock: systemClock, log: () => undefined });
    // In time order, gaps and probes interleaved as the schedule records them.
    const events = [...probes.map((probe) => ({ at: probe.startedAt, probe })), ...gaps.map((gap) => ({ at: gap.from, gap }))].sort((a, b) =>
      a.at.localeCompare(b.at),
    );
    for (const event of events) {
      if ('probe' in event) await store.probes.append(event.probe, { screenshot: event.probe.outcome === 'dates' ? capture : null, pageText: text });
      else await store.gaps.record(event.gap);
    }
    await store.close();

    const shot = await writeBlob(written, capture, 'webp');
    const page = await writeBlob(written, Buffer.from(text, 'utf8'), 'txt');
    await writePlanningHistory(
      written,
      planning.id,
      probes.map((probe) => ({ probe, screenshot: probe.outcome === 'dates' ? shot : null, pageText: page })),
      gaps,
    );
    expect(probes.some((probe) => probe.outcome === 'dates')).toBe(true);
    expect(await files(written)).toEqual(await files(appended));
  });
});
