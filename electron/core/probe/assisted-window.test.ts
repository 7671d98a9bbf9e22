// The assisted session's window that cannot open (no browser at the path of the settings): the refusal is a code of
// the catalogue, worded in the person's language, its French unchanged; the screens keep their named problem.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { wordCore } from '../messages.js';
import { createAssistedSessions } from './assisted.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'guichets-assisted-window-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an assisted window that cannot open', () => {
  it('says why in French and in English, as a code with the browser’s own reason', async () => {
    const sessions = createAssistedSessions({ dir, browserPath: path.join(dir, 'no-browser'), clock: fixedClock('2026-11-26T09:00:00Z'), appVersion: 'test' });
    const failure = await sessions
      .open({ id: 'palaiseau-2246', url: 'https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/2246/' })
      .then(() => null, (error: unknown) => error);
    if (!(failure instanceof AppError)) throw new Error(`not refused as expected: ${String(failure)}`);
    const reason = failure.coreMessage?.params?.reason;
    expect(typeof reason === 'string' && reason.length > 0).toBe(true);
    expect(failure).toMatchObject({ code: 'browser_not_found', message: `La fenêtre du navigateur n'a pas pu s'ouvrir (${String(reason)}).`, params: { problem: 'browserWindow', technical: reason } });
    expect(failure.coreMessage?.code).toBe('browser.window_failed');
    expect(wordCore(failure.coreMessage ?? { code: 'seal.written' }, 'en')).toBe(`The browser window could not open (${String(reason)}).`);
    await sessions.closeAll();
  });
});
