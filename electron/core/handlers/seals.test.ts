// The trusted roots through the API: a refusal is said as a code of the catalogue, worded in the person's language
// by the command line and the screens, its French unchanged.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../api/create-core.js';
import { wordCore } from '../messages.js';

let root: string;
let core: Core;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-roots-api-'));
  const env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config') };
  // No folder of the person's roots for this session (trustDir null), as with --data-dir in a test.
  core = createCore({ dataDir: path.join(root, 'data'), appVersion: '0.0.0-test', env, trustDir: null, log: () => undefined });
});

afterAll(async () => {
  await core.close();
  await rm(root, { recursive: true, force: true });
});

describe('the trusted roots', () => {
  it('refuse to remove a shipped root, naming it, in French and in English', async () => {
    const shipped = (await core.api['seals:roots'](undefined)).find((one) => one.source === 'shipped');
    if (!shipped) throw new Error('no shipped root');
    const answer = await core.handle('seals:removeRoot', { sha256: shipped.sha256 });
    if (answer.ok) throw new Error('a shipped root was removed');
    expect(answer.error).toMatchObject({
      code: 'invalid_input',
      field: ['sha256'],
      message: `La racine « ${shipped.name} » est livrée avec Guichets : elle ne se retire pas.`,
      coreMessage: { code: 'seal.root_shipped', params: { name: shipped.name } },
    });
    expect(wordCore(answer.error.coreMessage ?? { code: 'seal.written' }, 'en')).toBe(`The root “${shipped.name}” is shipped with Guichets: it cannot be removed.`);
  });

  it('refuse to add or remove one without a folder of roots on this PC, saying where to give it', async () => {
    for (const [method, input] of [
      ['seals:addRoot', { pem: '-----BEGIN CERTIFICATE-----' }],
      ['seals:removeRoot', { sha256: 'ab'.repeat(32) }],
    ] as const) {
      const answer = await core.handle(method, input);
      if (answer.ok) throw new Error(`${method} went through`);
      expect(answer.error).toMatchObject({
        code: 'invalid_input',
        message: 'Aucun dossier de racines sur ce PC pour cette session : ajoutez-la avec GUICHETS_TSA_ROOTS.',
        coreMessage: { code: 'seal.no_roots_folder' },
      });
      expect(wordCore(answer.error.coreMessage ?? { code: 'seal.written' }, 'en')).toBe('No roots folder on this PC for this session: add the root with GUICHETS_TSA_ROOTS.');
    }
  });
});
