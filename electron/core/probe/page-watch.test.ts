// Which refusals count against the site probed: those of its own hosts, never those of another préfecture or
// ministry that merely shares the « gouv.fr » ending, nor those of a tracker elsewhere.
import { describe, expect, it } from 'vitest';
import { sameSite, siteOf } from './page-watch.js';

describe('the site a refusal comes from', () => {
  it('keeps the hosts of one préfecture together', () => {
    expect(sameSite('https://rdv.essonne.gouv.fr/api/x', 'https://www.essonne.gouv.fr/booking/create/32237')).toBe(true);
    expect(sameSite('https://essonne.gouv.fr/x', 'https://www.essonne.gouv.fr/booking/create/32237')).toBe(true);
    expect(sameSite('https://www.rdv.essonne.gouv.fr/x', 'https://www.essonne.gouv.fr/')).toBe(true);
    expect(sameSite('https://api.rdv-solidarites.fr/x', 'https://www.rdv-solidarites.fr/org/12')).toBe(true);
  });

  it('tells apart two préfectures or ministries under gouv.fr, and two IP addresses', () => {
    expect(sameSite('https://www.yvelines.gouv.fr/x', 'https://www.essonne.gouv.fr/booking/create/32237')).toBe(false);
    expect(sameSite('https://stats.interieur.gouv.fr/x', 'https://rdv.anct.gouv.fr/prendre_rdv')).toBe(false);
    expect(sameSite('https://www.xiti.com/hit', 'https://www.essonne.gouv.fr/')).toBe(false);
    expect(sameSite('http://127.0.0.2/x', 'http://127.0.0.1/')).toBe(false);
    expect(siteOf('www.rdv-prefecture.interieur.gouv.fr')).toBe('interieur.gouv.fr');
  });
});
