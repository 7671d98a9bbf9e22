// The assisted session end to end, in a visible browser window on a virtual display (Xvfb). The test plays
// the person: it reads the code that the replica's test mode shows and types it into the window.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { replicaSlots } from '../../replicas/rdvpref/calendar.js';
import { createRdvprefReplica, demarchePath } from '../../replicas/rdvpref/index.js';
import { chromiumPath, serveHandlers, startXvfb, type TestServer } from '../../../test/support/probe-harness.js';
import { createAssistedSessions, type AssistedSessions, type AssistedStatus } from './assisted.js';

const clock = fixedClock('2026-11-26T09:00:00Z');
let xvfb: ChildProcess;
let display: string;
let server: TestServer;
let dir: string;
let sessions: AssistedSessions;
const changes: AssistedStatus[] = [];


beforeAll(async () => {
  ({ child: xvfb, display } = await startXvfb());
  server = await serveHandlers(createRdvprefReplica({ clock, revealCaptcha: true }));
  dir = await mkdtemp(path.join(tmpdir(), 'guichets-assisted-'));
  sessions = createAssistedSessions({
    dir,
    browserPath: chromiumPath(),
    clock,
    appVersion: 'test',
    env: { DISPLAY: display },
    onChange: (status) => changes.push(status),
  });
});

afterAll(async () => {
  await sessions.closeAll();
  await server.close();
  xvfb.kill();
  await rm(dir, { recursive: true, force: true });
});

const planning = () => ({ id: 'palaiseau-2246', url: `${server.origin}${demarchePath(2246)}` });
const caption = { probeId: 'p-1', planningLabel: 'Palaiseau — remise de titre' };

/** What the person does in the window: read the code in the image (here, the test mode's text) and type it. */
async function typeCode(page: Page, code?: string): Promise<void> {
  const shown = (await page.locator('#replica-captcha-code strong').innerText()).trim();
  await page.locator('#captchaFormulaireExtInput').click();
  await page.keyboard.type(code ?? shown, { delay: 10 });
  await page.getByRole('button', { name: 'Suivant' }).click();
}

describe('assisted session', () => {
  it('opens a visible window on the captcha and waits for the person', async () => {
    const status = await sessions.open(planning());
    expect(status.state).toBe('waiting');
    const page = sessions.page('palaiseau-2246');
    expect(page?.url()).toBe(`${server.origin}${demarchePath(2246, 'cgu/')}`);
    // A real window on the virtual screen, not a headless page.
    await expect(page?.evaluate('navigator.userAgent')).resolves.not.toMatch(/Headless/);
    await expect(page?.evaluate('window.outerWidth')).resolves.toBeGreaterThan(0);
    await expect(page?.locator('#captchaFR_CaptchaImage').isVisible()).resolves.toBe(true);
    // Nothing is solved by Guichets: without the person, the session stays waiting.
    expect((await sessions.waitUntilSolved('palaiseau-2246', 50)).state).toBe('waiting');
  });

  it('keeps waiting after a wrong code, and is ready once the person types the right one', async () => {
    const page = sessions.page('palaiseau-2246');
    if (!page) throw new Error('no window');
    await typeCode(page, 'AAAAAA');
    await page.waitForURL(/error=invalidCaptcha/);
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/Le code de sécurité saisi est incorrect/);
    expect(sessions.status('palaiseau-2246').state).toBe('waiting');
    await typeCode(page);
    const status = await sessions.waitUntilSolved('palaiseau-2246', 15_000);
    expect(status.state).toBe('ready');
    expect(status.solvedAt).toBe('2026-11-26T09:00:00.000Z');
  });

  it('probes the slot page in the session, hour after hour, with its evidence', async () => {
    const first = await sessions.probe(planning(), caption);
    expect(first.outcome, first.detail).toBe('dates');
    expect([first.firstSlot, first.secondSlot]).toEqual(replicaSlots('soon', clock).slice(0, 2));
    expect(first.finalUrl).toBe(`${server.origin}${demarchePath(2246, 'creneau/')}`);
    expect(first.httpStatus).toBe(200);
    expect(first.pageText).toContain('Choisissez votre créneau');
    expect(first.screenshot?.subarray(1, 4).toString()).toBe('PNG');
    expect(first.environment.freshProfile).toBe(false);

    clock.advance(60 * 60_000);
    const second = await sessions.probe(planning(), { ...caption, probeId: 'p-2' });
    expect(second.outcome).toBe('dates');
    expect(second.startedAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(sessions.status('palaiseau-2246').state).toBe('ready');
  });

  it('records the expired session as a captcha and asks the person to solve it again', async () => {
    clock.advance(2 * 60 * 60_000);
    const expired = await sessions.probe(planning(), { ...caption, probeId: 'p-3' });
    expect(expired.outcome).toBe('captcha');
    expect(expired.firstSlot).toBeNull();
    expect(expired.detail).toMatch(/Session assistée expirée : le site redemande le code de sécurité/);
    expect(expired.finalUrl).toContain('/cgu/?error=errorSessionInvalide');
    expect(sessions.status('palaiseau-2246').state).toBe('expired');
    expect(changes.map((c) => c.state)).toEqual(['ready', 'expired']);
    await expect(sessions.probe(planning(), caption)).rejects.toThrow(AppError);
  });

  it('lets the person solve it again in the same window and profile', async () => {
    expect((await sessions.open(planning())).state).toBe('waiting');
    const page = sessions.page('palaiseau-2246');
    if (!page) throw new Error('no window');
    await typeCode(page);
    expect((await sessions.waitUntilSolved('palaiseau-2246', 15_000)).state).toBe('ready');
    expect((await sessions.probe(planning(), { ...caption, probeId: 'p-4' })).outcome).toBe('dates');
    expect(await readdir(path.join(dir, 'palaiseau-2246'))).toContain('Default');
  });

  it('says closed when the person closes the window, and refuses other systems', async () => {
    await sessions.page('palaiseau-2246')?.context().close();
    expect(sessions.status('palaiseau-2246').state).toBe('closed');
    await expect(sessions.open({ id: 'x', url: `${server.origin}/booking/create/9829` })).rejects.toThrow(
      /La session assistée sert aux démarches RDV-Préfecture/,
    );
  });
});
