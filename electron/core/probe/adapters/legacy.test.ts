// The legacy adapter through the prober, in a real headless Chromium, against the local replica of the module.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guichet, LocalDateTime } from '../../../shared/domain.js';
import { fixedClock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { formOfKind, guichetOfShape, slotsFor, startReplicaServer, type ReplicaServer } from '../../../replicas/index.js';
import type { SlotShape } from '../../../replicas/legacy/scenarios.js';
import { createProber, type Prober } from '../prober.js';
import type { ProbeResult } from '../types.js';
import { GuichetChoiceError } from './legacy.js';
import { twoTestsAtATime } from '../../../../test/support/probe-harness.js';

// A Friday late evening at the end of January: the first calendar week has no working day left, and
// "+ 1 month" lands on 28 February.
const clock = fixedClock('2026-01-30T22:30:00Z');
const today = DateTime.fromJSDate(clock.now(), { zone: 'Europe/Paris' }).startOf('day');
const oneMonth = today.plus({ months: 1 }).toISODate() ?? '';
const twoMonths = today.plus({ months: 2 }).toISODate() ?? '';
const SLOW_MS = 1_000;
const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';

let server: ReplicaServer;
let prober: Prober;

// Each probe in a context of its own, through the one prober.
twoTestsAtATime();

beforeAll(async () => {
  server = await startReplicaServer({ clock, delayMs: SLOW_MS });
  prober = createProber({ browserPath, timeoutMs: 30_000, appVersion: 'test', clock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  await server.close();
});

function probe(path: string, guichet: string | null = null, timeoutMs?: number): Promise<ProbeResult> {
  const options = timeoutMs === undefined ? undefined : { timeoutMs };
  return prober.probe({ url: server.origin + path, guichet }, { probeId: 'test', planningLabel: path }, options);
}

function probeShape(shape: SlotShape, multi = false, timeoutMs?: number): Promise<ProbeResult> {
  const { form, guichet } = guichetOfShape(shape, multi);
  return probe(form.path, multi ? guichet.value : null, timeoutMs);
}

const expectedSlots = (shape: SlotShape): LocalDateTime[] =>
  slotsFor(shape, clock.now()).map((slot) => slot.toFormat("yyyy-MM-dd'T'HH:mm"));
const dayOf = (slot: LocalDateTime | null): string => slot?.slice(0, 10) ?? 'none';
const weekOf = (slot: LocalDateTime | null): string =>
  DateTime.fromISO(slot ?? '', { zone: 'Europe/Paris' }).startOf('week').toISODate() ?? 'none';

describe.concurrent('legacy module: outcomes and slots', () => {
  it('records no_date on the site own no-slot sentence, after choosing the guichet', async () => {
    const result = await probeShape('none', true);
    expect(result).toMatchObject({ outcome: 'no_date', firstSlot: null, secondSlot: null, httpStatus: 200 });
    expect(result.detail).toContain("Il n'existe plus de plage horaire libre");
    expect(result.pageText).toContain('Vérification de disponibilité');
    // The cookie banner was clicked away, as a person would.
    expect(result.pageText).not.toContain('Ce site utilise des cookies');
  });

  it('finds two slots in the same week, both under a month', async () => {
    const result = await probeShape('two_first_week');
    expect(result.outcome).toBe('dates');
    expect([result.firstSlot, result.secondSlot]).toEqual(expectedSlots('two_first_week'));
    expect(weekOf(result.firstSlot)).toBe(weekOf(result.secondSlot));
    expect(dayOf(result.secondSlot) <= oneMonth).toBe(true);
  });

  it('pages forward when the first week shows one slot, and finds the second a month later', async () => {
    const result = await probeShape('one_then_later', true);
    expect(result.outcome).toBe('dates');
    expect([result.firstSlot, result.secondSlot]).toEqual(expectedSlots('one_then_later'));
    expect(weekOf(result.secondSlot) > weekOf(result.firstSlot)).toBe(true);
    expect(dayOf(result.firstSlot) <= oneMonth && dayOf(result.secondSlot) > oneMonth).toBe(true);
  });

  // Seventeen weeks paged one by one, each answered a second late: a longer budget (60 s; 45 s by default),
  // not the 30 s these tests give the other shapes.
  it('gives up with one slot when no second one shows within 120 days', { timeout: 120_000 }, async () => {
    const result = await probeShape('single_only', false, 60_000);
    expect(result.outcome).toBe('dates');
    expect(result.firstSlot).toBe(expectedSlots('single_only')[0]);
    expect(result.secondSlot).toBeNull();
    expect(result.detail).toContain('Une seule plage libre');
  });

  it('finds a first slot between one and two months ahead', async () => {
    const result = await probeShape('beyond_one_month');
    expect(result.firstSlot).toBe(expectedSlots('beyond_one_month')[0]);
    expect(dayOf(result.firstSlot) > oneMonth && dayOf(result.firstSlot) <= twoMonths).toBe(true);
  });

  it('finds a first slot beyond two months', async () => {
    const result = await probeShape('beyond_two_months', true);
    expect([result.firstSlot, result.secondSlot]).toEqual(expectedSlots('beyond_two_months'));
    expect(dayOf(result.firstSlot) > twoMonths).toBe(true);
  });

  it('follows a single-guichet form that skips the choice, behind the /index.php prefix', async () => {
    const { form } = guichetOfShape('none');
    expect(form.path).toMatch(/^\/index\.php\//);
    const result = await probe(form.path);
    expect(result.outcome).toBe('no_date');
    expect(result.finalUrl).toContain(`/index.php/booking/create/${form.id}/2`);
  });
});

describe.concurrent('legacy module: choosing the guichet', () => {
  const multi = guichetOfShape('two_first_week', true);

  it('asks for a guichet when the form offers several, and lists them', async () => {
    const error = await probe(multi.form.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuichetChoiceError);
    expect(error).toMatchObject({ code: 'guichet_required' });
    expect((error as GuichetChoiceError).guichets.map((g: Guichet) => g.value)).toEqual(
      multi.form.guichets.map((g) => g.value),
    );
    expect((error as Error).message).toContain('--guichet');
    expect((error as Error).message).toContain(multi.guichet.label);
  });

  it('chooses a guichet whose name speaks of « vie privée et familiale » (a residence permit, not a privacy notice)', async () => {
    const result = await probe('/booking/create/876/0', '877');
    expect(result.outcome).toBe('no_date');
    const salarie = await probe('/booking/create/876/0', 'Admission exceptionnelle au séjour - salarié');
    expect(salarie.outcome).toBe('dates');
  }, 120_000);

  it('takes the guichet by its label, case, accents and spacing aside', async () => {
    const sloppy = `  ${multi.guichet.label.toUpperCase().replaceAll(' ', '   ')} `;
    const result = await probe(multi.form.path, sloppy);
    expect(result.outcome).toBe('dates');
    expect(result.firstSlot).toBe(expectedSlots('two_first_week')[0]);
  });

  it('says which guichets exist when the one asked for does not', async () => {
    const error = await probe(multi.form.path, 'guichet qui n’existe pas').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as Error).message).toContain(multi.guichet.value);
  });

  it('records a planning whose guichet the site no longer offers, with the page as it was, instead of failing', async () => {
    const url = server.origin + multi.form.path;
    const result = await prober.probe({ url, guichet: 'guichet fermé depuis' }, { probeId: 'test', planningLabel: 'planning' }, { planned: true });
    expect(result.outcome, result.detail).toBe('robot_error');
    expect(result.detailMessage?.code).toBe('probe.guichet_not_offered');
    expect(result.detail).toMatch(/^Planning à corriger : le guichet « guichet fermé depuis » n’est pas proposé \(étape « .+ »\)/);
    expect(result.detail).toContain(multi.guichet.label);
    expect(result.screenshot?.length ?? 0).toBeGreaterThan(0);
    expect(result.pageText).toContain(multi.guichet.label);
    expect(result.step).not.toBeNull();
  });

  it('discovers the guichets of a form that offers several', async () => {
    const found = await prober.discover(server.origin + multi.form.path);
    expect(found.system).toBe('legacy');
    expect(found.title).toBe(multi.form.title);
    expect(found.guichets).toEqual(multi.form.guichets.map((g) => ({ value: g.value, label: g.label })));
  });

  it('discovers the one guichet of a form that skips the choice', async () => {
    const { form } = guichetOfShape('beyond_one_month');
    const found = await prober.discover(server.origin + form.path);
    expect(found.title).toBe(form.title);
    expect(found.guichets).toEqual([{ value: form.id, label: form.title }]);
  });
});

describe.concurrent('legacy module: pages that say nothing of the slots', () => {
  it('classifies a 502 proxy page as a site error', async () => {
    const result = await probe(formOfKind('bad_gateway').path);
    expect(result).toMatchObject({ outcome: 'site_error', httpStatus: 502 });
    expect(result.detail).toContain('502');
  });

  it('classifies the maintenance page (HTTP 200) as a site error', async () => {
    const result = await probe(formOfKind('maintenance').path);
    expect(result).toMatchObject({ outcome: 'site_error', httpStatus: 200 });
    expect(result.detail).toContain("n'est pas disponible pour le moment");
  });

  it('never takes an unknown page for no_date', async () => {
    const result = await probe(formOfKind('unknown_layout').path);
    expect(result.outcome).toBe('unrecognized');
    expect(result.firstSlot).toBeNull();
  });

  it('classifies a calendar whose first week fails to load (502) as a site error', async () => {
    const result = await probe(formOfKind('calendar_502').path);
    expect(result.outcome, result.detail).toBe('site_error');
    expect(result.detail).toContain('HTTP 502');
    expect(result.pageText).toContain('Erreur lors du chargement du planning');
  });

  it('keeps the first slot read when the next weeks fail to load', async () => {
    const result = await probe(formOfKind('calendar_502_later').path);
    expect(result.outcome, result.detail).toBe('dates');
    expect(result.firstSlot).toBe(expectedSlots('one_then_later')[0]);
    expect(result.secondSlot).toBeNull();
    expect(result.detail).toContain("les semaines suivantes n’ont pas pu être chargées");
  });

  it('records a captcha standing before the answer', async () => {
    expect((await probe(formOfKind('captcha').path)).outcome).toBe('captcha');
  });

  it('waits for a slow page within the timeout', async () => {
    const result = await probe(formOfKind('slow').path);
    expect(result.outcome).toBe('dates');
  });

  it('ends a probe that outlasts its timeout as unreachable', async () => {
    const result = await probe(formOfKind('slow').path, null, SLOW_MS / 3);
    expect(result.outcome).toBe('unreachable');
    expect(result.detail).toContain('délai');
  });
});
