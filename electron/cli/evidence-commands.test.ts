// What `dossier` and `import` print, in the person's language: the lawyer reads it in French, or in English
// with --lang en; figures pluralised, dates as people in France read them.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Core } from '../core/api/index.js';
import { dossierCommand, importCommand, type EvidenceCommandContext } from './evidence-commands.js';
import { wordsFor } from './words.js';

let stderr: MockInstance<typeof process.stderr.write>;
const printed = (): string => stderr.mock.calls.map(([chunk]) => String(chunk)).join('');

beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

/** A core that answers the dossier and the import as the real one does, without a folder. */
const core = {
  on: () => () => undefined,
  api: {
    'dossier:create': () =>
      Promise.resolve({ path: '/d/dossier.zip', pdfPath: '/d/dossier.pdf', probes: 1, screenshots: 2, payloadBytes: 2_500_000, seal: null, altered: [] }),
    'import:file': () =>
      Promise.resolve({
        added: 1,
        skipped: 3,
        unsigned: 2,
        byPlanning: { p1: 1 },
        sealed: { seal: '20261201T120000Z', association: 'La Cimade', key: 'ab'.repeat(32), provenFrom: '2026-12-01T12:05:00Z' },
      }),
  },
} as unknown as Core;

const context = (lang: 'fr' | 'en'): EvidenceCommandContext => ({
  args: ['dossier.zip'],
  out: 'dossier.zip',
  planningIds: ['p1'],
  from: null,
  to: null,
  association: null,
  words: wordsFor(lang),
});

describe('the evidence commands’ lines', () => {
  it('say the dossier written in French, and in English with --lang en', async () => {
    await dossierCommand(core, context('fr'));
    await dossierCommand(core, context('en'));
    expect(printed()).toBe(
      [
        'Dossier : /d/dossier.zip (1 sondage, 2 captures, 2,5 Mo)',
        'Résumé PDF : /d/dossier.pdf',
        'Aucun scellement dans le dossier de données : aucun joint.',
        'Dossier: /d/dossier.zip (1 probe, 2 captures, 2.5 MB)',
        'PDF summary: /d/dossier.pdf',
        'No seal in the data folder: none attached.',
        '',
      ].join('\n'),
    );
  });

  it('show the dossier’s progress on a terminal with the decimal comma in French', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    try {
      for (const lang of ['fr', 'en'] as const) {
        let listener: ((event: unknown) => void) | null = null;
        const progressing = {
          on: (_event: string, heard: (event: unknown) => void) => ((listener = heard), () => undefined),
          api: {
            ...core.api,
            'dossier:create': ({ jobId }: { jobId: string }) => {
              listener?.({ jobId, phase: 'files', done: 1_250_000, total: 2_500_000, message: { code: 'progress.dossier_files' } });
              return core.api['dossier:create']({ planningIds: ['p1'], path: '/d/dossier.zip', jobId });
            },
          },
        } as unknown as Core;
        await dossierCommand(progressing, context(lang));
      }
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(printed()).toContain('] 50 % 1,3 / 2,5 Mo');
    expect(printed()).toContain('] 50 % 1.3 / 2.5 MB');
  });

  it('say an import and its seal, its time in Paris time', async () => {
    await importCommand(core, context('en'));
    const lines = printed().split('\n');
    expect(lines[0]).toBe('1 probe imported, 3 already there (same planning, same hour).');
    expect(lines[2]).toMatch(/^Sealed: seal 20261201T120000Z of “La Cimade”, key (ab)+[ ab]*, proven since 01\/12\/2026 13:05\.$/);
    expect(lines[4]).toBe('2 rows left aside: no sealed record of the dossier covers them (imports of its association).');
  });
});
