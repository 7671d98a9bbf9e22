// A step that cannot succeed ends the probe within 30 s with the right outcome, a detail naming the step and the
// obstacle, and the page as it was: a bound on a timeout (the budgets), not a speed figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { startReplicaServer, type ReplicaServer } from '../../replicas/index.js';
import { startPerturbedServer, type PerturbedServer } from '../../../test/support/perturb/index.js';
import { queuePage } from '../../../test/support/perturb/variations.js';
import { serveHandlers, type TestServer } from '../../../test/support/probe-harness.js';
import { createProber, type Prober } from './prober.js';

const clock = fixedClock(new Date().toISOString());
const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
const caption = { probeId: 'budget', planningLabel: 'Test — budget' };
const BOUND_MS = 30_000;
const WAIT_BUDGET_MS = 16_000;

let replicas: ReplicaServer;
let covered: PerturbedServer;
let queue: TestServer;
let prober: Prober;

beforeAll(async () => {
  replicas = await startReplicaServer({ clock });
  covered = await startPerturbedServer(replicas.origin, 'couverture-fixe');
  // A waiting room that never lets the visitor in.
  queue = await serveHandlers((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(queuePage());
    return Promise.resolve(true);
  });
  // The default probe budget: the steps' own budgets must end a failing probe well before it.
  prober = createProber({ browserPath, timeoutMs: 45_000, appVersion: 'budget', clock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  await covered.close();
  await queue.close();
  await replicas.close();
});

describe('probe budgets', () => {
  it('ends on a cover nothing closes with robot_error naming it, well within the probe budget', { timeout: 90_000 }, async () => {
    const result = await prober.probe({ url: `${covered.origin}/booking/create/50382/0`, guichet: null }, caption);
    expect(result.outcome, result.detail).toBe('robot_error');
    expect(result.detail).toMatch(/^Étape « Conditions d'utilisation » : un élément recouvre .*« Votre navigateur n'est pas pris en charge/);
    expect(result.durationMs).toBeLessThan(BOUND_MS);
    expect(result.step).toBe("Conditions d'utilisation");
    expect(result.pageText).toContain("Votre navigateur n'est pas pris en charge");
    expect(result.screenshot?.length ?? 0).toBeGreaterThan(0);
    // The call log goes to the probe's own log, not to the caller.
    expect(result.log).toContain("Étape : Conditions d'utilisation");
    expect(result.stepsTaken[0]).toEqual({ kind: 'goto', url: `${covered.origin}/booking/create/50382/0` });
  });

  it('waits out a waiting room up to the probe budget, then says « file d’attente » with the time waited', { timeout: 90_000 }, async () => {
    // A budget of its own (as the schedule gives each probe): the room is waited out up to it, whatever it is.
    const result = await prober.probe({ url: `${queue.origin}/booking/create/1/0`, guichet: null }, caption, { timeoutMs: WAIT_BUDGET_MS });
    expect(result.outcome, result.detail).toBe('site_error');
    expect(result.detail).toMatch(/file d’attente du site, attendue \d+ s .*Temps d’attente estimé : moins d’une minute/);
    expect(result.detailMessage?.code).toBe('probe.waiting_room');
    expect(result.durationMs).toBeLessThan(WAIT_BUDGET_MS);
    expect(result.screenshot?.length ?? 0).toBeGreaterThan(0);
  });

  it('ends a user-defined step whose control never shows as unrecognized, naming the step', { timeout: 90_000 }, async () => {
    const url = `${replicas.origin}/booking/create/50382/0`;
    const steps = { steps: [{ kind: 'click' as const, text: 'Bouton qui n’existe pas' }], noSlotText: 'Aucun', slotSelector: '.x' };
    const result = await prober.probe({ url, guichet: null, system: 'steps', steps }, caption);
    expect(result.outcome, result.detail).toBe('unrecognized');
    expect(result.detail).toMatch(/^Étape 1 \(cliquer sur « Bouton qui n’existe pas »\) impossible/);
    expect(result.durationMs).toBeLessThan(BOUND_MS);
  });
});
