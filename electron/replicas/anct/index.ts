// A local replica of RDV Service Public's public booking search (rdv.anct.gouv.fr, SITES.md §3): motifs of an
// organisation, lieux, a week of slots with "sem. précédente"/"sem. prochaine" (`date=`), "Pas de créneau
// disponible" per day, the no-slot message, and the "Prochaine disponibilité le …" overlay.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { LocalDate } from '../../shared/domain.js';
import type { ReplicaHandler, ReplicaOptions } from '../types.js';
import { addDays, isLocalDate, localDate, replicaSlots, slotsBetween, todayInParis } from '../rdvpref/calendar.js';
import { delay, redirect, send } from '../rdvpref/http.js';
import { botBlockPage, maintenancePage, serverErrorPage } from '../rdvpref/pages.js';
import {
  lieuSelectionPage,
  motifSelectionPage,
  noSlotPage,
  notAvailablePage,
  redesignedPage,
  weekPage,
} from './pages.js';
import { anctPath, findOrganisation, type AnctMotif, type AnctOrganisation } from './scenarios.js';

export { ANCT_DEMO_PLANNINGS, ANCT_ORGANISATIONS, ANCT_SCENARIOS, anctPath, type AnctScenario } from './scenarios.js';

export function createAnctReplica(options: ReplicaOptions): ReplicaHandler {
  const { clock } = options;

  function failurePage(res: ServerResponse, organisation: AnctOrganisation): boolean {
    switch (organisation.failure) {
      case 'bot_block':
        send(res, 403, botBlockPage(randomBytes(8).toString('hex'), 'rdv.anct.gouv.fr'));
        return true;
      case 'server_error':
        send(res, 500, serverErrorPage(500, 'Internal Server Error'));
        return true;
      case 'maintenance':
        send(res, 503, maintenancePage());
        return true;
      case 'rate_limited':
        send(res, 429, serverErrorPage(429, 'Too Many Requests'));
        return true;
      case 'redesigned':
        send(res, 200, redesignedPage(organisation));
        return true;
      default:
        return false;
    }
  }

  function searchPage(url: URL, organisation: AnctOrganisation): string {
    const params = url.searchParams;
    const link = (extra: Record<string, string>): string => {
      const query = new URLSearchParams(params);
      for (const [key, value] of Object.entries(extra)) query.set(key, value);
      return `/prendre_rdv?${query.toString()}`;
    };
    const motif = organisation.motifs.find((m) => m.value === params.get('motif_name_with_location_type'));
    if (!motif) {
      return motifSelectionPage(organisation, (m) =>
        anctPath(organisation.id, m.value, { service_id: String(m.serviceId) }),
      );
    }
    const slots = replicaSlots(motif.plan, clock);
    const first = slots[0];
    if (first === undefined) return noSlotPage(organisation, motif);
    const lieu =
      organisation.lieux.length === 1
        ? organisation.lieux[0]
        : organisation.lieux.find((candidate) => String(candidate.id) === params.get('lieu_id'));
    if (!lieu) {
      return lieuSelectionPage(
        organisation,
        motif,
        organisation.lieux.map((candidate) => ({
          lieu: candidate,
          next: first,
          href: link({ lieu_id: String(candidate.id), date: localDate(first) }),
        })),
      );
    }
    return week(organisation, motif, lieu, params.get('date'), link);
  }

  function week(
    organisation: AnctOrganisation,
    motif: AnctMotif,
    lieu: NonNullable<AnctOrganisation['lieux'][number]>,
    dateParam: string | null,
    link: (extra: Record<string, string>) => string,
  ): string {
    const today = todayInParis(clock).toISODate() ?? '';
    // `date` is a day ("2026-12-14") or a Rails time ("2027-01-05 09:00:00 +0100"): its day starts the week.
    const asked = dateParam?.slice(0, 10) ?? null;
    const from: LocalDate = isLocalDate(asked) && asked > today ? asked : today;
    const slots = replicaSlots(motif.plan, clock);
    const shown = slotsBetween(slots, from, 7);
    const days = Array.from({ length: 7 }, (_, index) => {
      const date = addDays(from, index);
      return { date, slots: shown.filter((slot) => localDate(slot) === date) };
    });
    const later = slots.find((slot) => localDate(slot) >= addDays(from, 7));
    return weekPage({
      organisation,
      motif,
      lieu,
      days,
      nextAvailability: shown.length === 0 ? (later ?? null) : null,
      link,
      showPrevious: from > today,
    });
  }

  return async (req, res, url) => {
    const orgLink = /^\/org\/([\w-]+)\/?$/.exec(url.pathname);
    if (orgLink?.[1]) {
      redirect(res, anctPath(orgLink[1]));
      return true;
    }
    if (url.pathname !== '/prendre_rdv') return false;
    const organisation = findOrganisation(url.searchParams.get('public_link_organisation_id'));
    if (!organisation) {
      send(res, 200, notAvailablePage());
      return true;
    }
    if (organisation.failure === 'no_answer') {
      req.socket.destroy();
      return true;
    }
    if (failurePage(res, organisation)) return true;
    if (organisation.slow) await delay(options.slowDelayMs ?? 3_000);
    send(res, 200, searchPage(url, organisation));
    return true;
  };
}
