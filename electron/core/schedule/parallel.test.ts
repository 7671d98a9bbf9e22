// Rounds that fit the hour on slow sites: probes of different hosts run side by side up to the parallelism
// chosen for the machine, each host keeps its spacing, and a slow host holds up no one else.
import { describe, expect, it } from 'vitest';
import type { Planning } from '../../shared/domain.js';
import { autoParallelProbes, MAX_PARALLEL_PROBES, parallelProbes } from './parallel.js';
import { advanceTo, harness, planning, useFakeSchedule, type Start } from '../../../test/support/schedule-testkit.js';

const track = useFakeSchedule();
const GB = 1024 ** 3;

/** `perHost` plannings on each of `hosts` hosts, all due at 10:07. */
function round(hosts: number, perHost: number): Planning[] {
  return Array.from({ length: hosts * perHost }, (_, i) => {
    const host = `h${i % hosts}.example.fr`;
    return planning(`p${i}`, { url: `https://${host}/rdv/p${i}` });
  });
}

const hostOf = (plannings: Planning[], start: Start): string =>
  new URL(plannings.find((p) => p.id === start.id)?.url ?? '').host;

describe('parallelism chosen from the machine', () => {
  it('takes memory and cores into account, within bounds, and obeys the setting', () => {
    const small = { cores: 2, totalMemBytes: 4 * GB };
    const chosen = (cores: number, gb: number) => autoParallelProbes({ cores, totalMemBytes: gb * GB });
    // More memory or more cores never means fewer probes at once; a 4 GB PC is held back by its memory.
    expect(chosen(2, 24)).toBeGreaterThan(chosen(2, 4));
    expect(chosen(8, 24)).toBeGreaterThanOrEqual(chosen(2, 24));
    // Even the smallest machine keeps two (one slow site must not hold every probe); the biggest stays a PC.
    expect(chosen(1, 1)).toBe(2);
    expect(chosen(32, 256)).toBe(MAX_PARALLEL_PROBES);
    // The setting is taken as it is; 0 means chosen from the machine.
    expect(parallelProbes(3, { cores: 32, totalMemBytes: 256 * GB })).toBe(3);
    expect(parallelProbes(0, small)).toBe(autoParallelProbes(small));
  });
});

describe('a round on slow sites', () => {
  it('runs 60 plannings of 12 hosts, 10 s a probe, 6 at once: done within 1.25 × the ideal, spacing kept', async () => {
    const plannings = round(12, 5);
    const h = track(harness(plannings, { maxParallel: 6 }, () => ({ ms: 10_000, outcome: 'no_date' })));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:30:00Z');

    expect(h.starts).toHaveLength(60);
    expect(h.maxActive()).toBe(6);
    // Ideal: 60 probes × 10 s ÷ 6 = 100 s; a host's 5 probes need 4 × 30 s + 10 s = 130 s whatever the rest.
    const ideal = Math.max((60 * 10_000) / 6, 4 * 30_000 + 10_000);
    const lastEnd = Math.max(...h.starts.map((s) => Date.parse(s.at) + 10_000));
    expect(lastEnd - Date.parse('2026-03-02T10:07:00Z')).toBeLessThanOrEqual(1.25 * ideal);
    for (let host = 0; host < 12; host += 1) {
      const starts = h.starts
        .filter((s) => hostOf(plannings, s) === `h${host}.example.fr`)
        .map((s) => Date.parse(s.at))
        .sort((a, b) => a - b);
      starts.slice(1).forEach((at, i) => expect(at - (starts[i] ?? 0)).toBeGreaterThanOrEqual(30_000));
    }
  });

  it('lets the other hosts run while one host answers in 100 s', async () => {
    const plannings = round(4, 3);
    const h = track(
      harness(plannings, { maxParallel: 4 }, (p) =>
        p.url.includes('//h0.') ? { ms: 100_000, outcome: 'no_date' } : { ms: 5_000, outcome: 'no_date' },
      ),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:09:00Z');

    // The 9 probes of the three quick hosts are done at 10:08:05 (spaced by 30 s each) while the slow host's
    // first probe still runs: it never held their turn.
    const quick = h.starts.filter((s) => !hostOf(plannings, s).startsWith('h0.'));
    expect(quick.map((s) => s.at.slice(11, 19)).sort()).toEqual([
      ...Array<string>(3).fill('10:07:00'),
      ...Array<string>(3).fill('10:07:30'),
      ...Array<string>(3).fill('10:08:00'),
    ]);
    // The slow host itself goes one probe at a time: its second starts when its first answers.
    const slow = h.starts.filter((s) => hostOf(plannings, s).startsWith('h0.'));
    expect(slow.map((s) => s.at.slice(11, 19))).toEqual(['10:07:00', '10:08:40']);
  });

  it('starts the probes due together one second apart, so the PC never gets them all at once', async () => {
    const plannings = round(5, 1);
    const h = track(harness(plannings, { maxParallel: 8, startGapMs: 1_000 }));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:08:00Z');
    expect(h.starts.map((s) => s.at.slice(11, 19))).toEqual(['10:07:00', '10:07:01', '10:07:02', '10:07:03', '10:07:04']);
    expect(h.maxActive()).toBe(5);
  });
});
