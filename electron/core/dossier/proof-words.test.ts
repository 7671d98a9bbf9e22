// What the PDF and LISEZMOI say when the proof in time is missing or late: « non horodaté » is never hidden, and
// LISEZMOI gives no command for a token that does not exist.
import { describe, expect, it } from 'vitest';
import type { PlanningProof, SealInfo } from '../seals/index.js';
import { lisezmoi, type ReadmeFacts } from './lisezmoi.js';
import { proofSentences, sealSentences } from './proof-words.js';
import type { CarriedSeals } from './seals.js';

const unstampedSeal: SealInfo = {
  name: '20261201T090000Z',
  createdAt: '2026-12-01T09:00:00.000Z',
  key: 'ab'.repeat(32),
  tokens: [],
  provenFrom: null,
  late: false,
  accepted: true,
};

function carried(closing: SealInfo | null): CarriedSeals {
  return {
    closing,
    coversPeriod: closing !== null,
    seals: closing ? [closing] : [],
    files: [],
    keys: closing?.key ? [closing.key] : [],
    roots: [],
    keyFingerprint: closing?.key ?? null,
    keyPinnedBy: null,
    closingPlannings: {},
    state: {
      summary: { count: 0, keyFingerprint: null, keyPinnedBy: null, rotations: [], seals: [], last: null, firstSeal: null, unstamped: [], late: [], unsealed: [], proof: [], roots: [] },
      problems: [],
      chains: new Map(),
      files: new Map(),
      gaps: new Map(),
    },
  };
}

const span = (count: number, first: string, last: string, provenFrom: string | null) => ({ count, first, last, provenFrom });

const readme = (seals: CarriedSeals, proof: PlanningProof | null): string => {
  const facts: ReadmeFacts = {
    association: 'Association Test',
    contact: '',
    period: 'du 1er septembre 2026 au 30 novembre 2026',
    plannings: [{ label: 'Bobigny', prefecture: 'Bobigny', url: 'https://example.org', probes: 3 }],
    version: '9.9.9',
    exportedAt: '01/12/2026',
    seals,
    proof: [{ label: 'Bobigny', proof, imported: 0 }],
    records: [],
    sealsDir: 'scellements',
  };
  // Long sentences are folded for a terminal: read as one line.
  return lisezmoi(facts).replace(/\s+/g, ' ');
};

describe('the dossier’s words on time', () => {
  it('say « non horodaté » of a seal no trusted authority stamped, and give no command for a missing token', () => {
    const words = sealSentences(carried(unstampedSeal)).join('\n');
    expect(words).toContain('Ce sceau est NON HORODATÉ');
    const text = readme(carried(unstampedSeal), null);
    expect(text).toContain('Ce sceau est NON HORODATÉ');
    expect(text).toContain('$ openssl pkeyutl -verify');
    expect(text).not.toContain('openssl ts -verify');
    expect(readme(carried(null), null)).toContain('aucun n’est horodaté, une réécriture ne peut pas être exclue');
  });

  it('say which probes are proven late, and which not at all, with their count and period', () => {
    const proof: PlanningProof = {
      planningId: 'p1',
      probes: 6,
      inTime: span(3, '2026-09-01T06:00:00.000Z', '2026-09-02T06:00:00.000Z', '2026-09-02T20:00:02.000Z'),
      late: [span(2, '2026-09-03T06:00:00.000Z', '2026-09-04T06:00:00.000Z', '2026-09-20T20:00:02.000Z')],
      unproven: span(1, '2026-11-30T18:00:00.000Z', '2026-11-30T18:00:00.000Z', null),
      beforeFirstSeal: null,
    };
    const words = proofSentences(proof, 4);
    expect(words).toEqual([
      '3 sondages prouvés au plus 48 h après avoir été fait (du 01/09/2026 à 08:00:00 au 02/09/2026 à 08:00:00).',
      '2 sondages (du 03/09/2026 à 08:00:00 au 04/09/2026 à 08:00:00) ne sont prouvés qu’à partir du 20/09/2026 à 22:00:02 : sceau horodaté tardivement, ou sondages antérieurs aux sceaux.',
      '1 sondage NON HORODATÉ (le 30/11/2026 à 19:00:00) : une réécriture ne peut pas être exclue.',
      '4 sondages importés d’une autre source : ni scellés ni horodatés par cette installation.',
    ]);
    expect(readme(carried(unstampedSeal), proof)).toContain('1 sondage NON HORODATÉ (le 30/11/2026 à 19:00:00)');
  });
});
