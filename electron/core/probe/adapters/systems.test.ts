// RDV-Préfecture, RDV Service Public and user-defined steps as the app uses them: detected from the URL by the
// registry, probed by the prober against the replica server that mounts every system.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { ANCT_DEMO_PLANNINGS, demarchePath, RDVPREF_DEMO_PLANNINGS, startReplicaServer, type ReplicaServer } from '../../../replicas/index.js';
import { replicaSlots } from '../../../replicas/rdvpref/calendar.js';
import { createProber, type Prober } from '../prober.js';
import { detectSystem } from './index.js';
import { chromiumPath } from '../../../../test/support/probe-harness.js';

const clock = fixedClock('2026-11-26T13:05:09Z');
const caption = { probeId: 'sondage-7', planningLabel: 'Palaiseau — remise de titre' };
let server: ReplicaServer;
let prober: Prober;

beforeAll(async () => {
  server = await startReplicaServer({ clock });
  prober = createProber({ browserPath: chromiumPath(), timeoutMs: 30_000, appVersion: 'test', clock, log: () => undefined });
});

afterAll(async () => {
  await prober.close();
  await server.close();
});

describe('booking systems in the app', () => {
  it('detects each system from its URL', () => {
    expect(detectSystem(`${server.origin}${demarchePath(2246)}`)).toBe('rdvpref');
    expect(detectSystem('https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/2246/cgu/')).toBe('rdvpref');
    expect(detectSystem('https://rdv.anct.gouv.fr/prendre_rdv?public_link_organisation_id=2458')).toBe('anct');
    expect(detectSystem(`${server.origin}/org/7101`)).toBe('anct');
    expect(detectSystem('https://www.essonne.gouv.fr/booking/create/32237')).toBe('legacy');
    expect(detectSystem('https://example.org/rendez-vous')).toBeNull();
  });

  it('records the captcha of RDV-Préfecture with its captioned capture, never a date', async () => {
    const demo = RDVPREF_DEMO_PLANNINGS.find((p) => p.path === demarchePath(2246));
    const result = await prober.probe({ url: `${server.origin}${demo?.path ?? ''}`, guichet: null }, caption);
    expect(result.outcome).toBe('captcha');
    expect([result.firstSlot, result.secondSlot]).toEqual([null, null]);
    expect(result.finalUrl).toBe(`${server.origin}${demarchePath(2246, 'cgu/')}`);
    expect(result.pageText).toContain('code de sécurité');
    expect(result.screenshot?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('probes the RDV Service Public demo plannings', async () => {
    const [soon, , none] = ANCT_DEMO_PLANNINGS;
    const withDates = await prober.probe({ url: `${server.origin}${soon?.path ?? ''}`, guichet: soon?.guichet ?? null }, caption);
    expect(withDates.outcome).toBe('dates');
    expect([withDates.firstSlot, withDates.secondSlot]).toEqual(replicaSlots('soon', clock).slice(0, 2));
    const noDate = await prober.probe({ url: `${server.origin}${none?.path ?? ''}`, guichet: none?.guichet ?? null }, caption);
    expect(noDate.outcome).toBe('no_date');
  });

  it('discovers the démarche title and the motifs', async () => {
    const rdvpref = await prober.discover(`${server.origin}${demarchePath(2246)}`);
    expect(rdvpref).toMatchObject({ system: 'rdvpref', title: 'Remise de titre de séjour' });
    const anct = await prober.discover(`${server.origin}/org/7101`);
    expect(anct.system).toBe('anct');
    expect(anct.guichets.map((g) => g.label)).toContain('Première demande de titre de séjour');
  });

  it('runs user-defined steps when the planning says so', async () => {
    const url = `${server.origin}${demarchePath(2246)}`;
    const steps = {
      steps: [{ kind: 'click' as const, text: 'Prendre un rendez-vous' }],
      noSlotText: 'Aucun créneau disponible',
      slotSelector: 'label.card',
    };
    const result = await prober.probe({ url, guichet: null, system: 'steps', steps }, caption);
    expect(result.outcome).toBe('captcha');
  });
});
