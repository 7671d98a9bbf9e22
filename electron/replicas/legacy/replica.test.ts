// The replica speaks HTTP as SITES.md §1 describes the module: what the probe relies on, without a browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { startReplicaServer, type ReplicaServer } from '../server.js';
import { formOfKind, guichetOfShape, slotsFor } from './scenarios.js';

const clock = fixedClock('2026-03-04T10:15:00Z');
let server: ReplicaServer;

beforeAll(async () => {
  server = await startReplicaServer({ clock, delayMs: 0 });
});
afterAll(() => server.close());

function visitor() {
  let cookie = '';
  return async (path: string, form?: Record<string, string>) => {
    const response = await fetch(server.origin + path, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form ? new URLSearchParams(form).toString() : null,
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: response.status, location: response.headers.get('location'), html: await response.text(), cookie };
  };
}

describe('legacy replica over HTTP', () => {
  it('keeps the visitor in an eZSESSID session and answers each posted step with a 302', async () => {
    const visit = visitor();
    const start = await visit('/booking/create/9829/0');
    expect(start.cookie).toMatch(/^eZSESSID=[0-9a-f]+$/);
    expect(start.html).toContain('id="condition_Booking"');
    expect(start.html).toContain('value="Effectuer une demande de rendez-vous"');
    const accepted = await visit('/booking/create/9829/0', { condition: 'on', nextButton: 'x' });
    expect(accepted).toMatchObject({ status: 302, location: '/booking/create/9829/1' });
    const choice = await visit('/booking/create/9829/1');
    expect(choice.html).toContain('<fieldset id="fchoix_Booking">');
    expect(choice.html).toContain('name="planning" id="planning9830" value="9830"');
    expect(choice.html).toContain('value="Etape suivante"');
    const chosen = await visit('/booking/create/9829/1', { planning: '9830', nextButton: 'x' });
    expect(chosen).toMatchObject({ status: 302, location: '/booking/create/9829/2' });
    const none = await visit('/booking/create/9829/2');
    expect(none.html).toContain(
      "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. Veuillez recommencer ultérieurement.",
    );
    expect(none.html).toContain('name="finishButton"');
    expect(none.html).not.toContain('nextButton');
  });

  it('shows the conditions again with an error when the box is not ticked', async () => {
    const visit = visitor();
    await visit('/booking/create/9829/0');
    const refused = await visit('/booking/create/9829/0', { nextButton: 'x' });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('class="error"');
    expect(refused.html).toContain('id="condition"');
  });

  it('sends a visitor without a session back to the conditions', async () => {
    const visit = visitor();
    expect(await visit('/booking/create/9829/3')).toMatchObject({ status: 302, location: '/booking/create/9829/0' });
  });

  it('keeps the /index.php prefix and lets a single-guichet form skip the choice', async () => {
    const { form } = guichetOfShape('two_first_week');
    const visit = visitor();
    await visit(`/index.php/booking/create/${form.id}/0`);
    const accepted = await visit(`/index.php/booking/create/${form.id}/0`, { condition: 'on' });
    expect(accepted.location).toBe(`/index.php/booking/create/${form.id}/3`);
    expect((await visit(`/index.php/booking/create/${form.id}/3`)).html).toContain('Descriptif');
    const calendar = await visit(`/index.php/booking/create/${form.id}/4`);
    expect(calendar.html).toContain(`/index.php/ezjscore/call/bookingserver::planning::assign::${form.id}::${form.id}::`);
  });

  it('serves the week table with the free slots as links to step 5 and their unix time', async () => {
    const { form, guichet } = guichetOfShape('two_first_week');
    const week = await visitor()(`/ezjscore/call/bookingserver::planning::assign::${form.id}::${guichet.value}::0`);
    expect(week.html).toContain('<th colspan="7">Semaine du lundi 02 mars 2026 au dimanche 08 mars 2026</th>');
    const links = [...week.html.matchAll(/<td class="status-1 free">.*?href="([^"]+)".*?plage libre/g)].map((m) => m[1]);
    const expected = slotsFor('two_first_week', clock.now()).map(
      (slot) => `/booking/create/${form.id}/5/${slot.toSeconds()}`,
    );
    expect(links).toEqual(expected);
    expect(week.html).toContain('Légende');
    expect(week.html).toContain('Semaine suivante');
  });

  it('answers the failure forms as real sites do', async () => {
    const gateway = await visitor()(formOfKind('bad_gateway').path);
    expect(gateway.status).toBe(502);
    expect(gateway.html).toContain('<h1>502 Bad Gateway</h1>');
    const maintenance = await visitor()(formOfKind('maintenance').path);
    expect(maintenance.html).toContain("Attention : Cette page n'est pas disponible pour le moment !");
    expect((await visitor()('/booking/create/123456789/0')).status).toBe(404);
  });

  it('changes the answer of a varying guichet from one visit to the next, and keeps it within a visit', async () => {
    const steps: string[] = [];
    const calendars: number[] = [];
    for (let minute = 0; minute < 5; minute += 1) {
      clock.set(`2026-03-04T10:${String(20 + minute).padStart(2, '0')}:00Z`);
      const visit = visitor();
      await visit('/booking/create/27623/0');
      const accepted = await visit('/booking/create/27623/0', { condition: 'on', nextButton: 'x' });
      steps.push(accepted.location ?? '');
      // The calendar fetched a minute later still belongs to the visit that started before.
      clock.advance(60_000);
      if (accepted.location?.endsWith('/3')) {
        const week = await visit('/ezjscore/call/bookingserver::planning::assign::27623::27623::0');
        calendars.push(week.status);
      }
    }
    clock.set('2026-03-04T10:15:00Z');
    expect(new Set(steps)).toEqual(new Set(['/booking/create/27623/2', '/booking/create/27623/3']));
    expect(calendars.every((status) => status === 200)).toBe(true);
  });
});

