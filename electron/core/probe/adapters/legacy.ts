// The legacy préfecture booking module (SITES.md §1). Its goal, as the walker (../walker.ts) pursues it: the guichet
// wanted among those the form offers, the module's sentence that nothing is free, and its slots' addresses
// (`…/5/<seconds>`). Never goes past the slots (no slot is ever chosen).
import type { Guichet, LocalDateTime } from '../../../shared/domain.js';
import { localSlot } from '../format.js';
import type { Adapter } from '../types.js';
import { ProbeStop } from '../visit.js';
import { probeWalk, walkSite, type Goal } from '../walker.js';

export { GuichetChoiceError } from '../choices.js';

const BOOKING_PATH = /\/booking\/create\/(\d+)(?:\/(\d+))?/;
const SLOT_LINK = /\/booking\/create\/\d+\/5\/(\d{9,11})(?:\/|$)/;

export const LEGACY_GOAL: Goal = {
  noSlot: ["Il n'existe plus de plage horaire libre"],
  slotOfLink: (href): LocalDateTime | null => {
    const seconds = SLOT_LINK.exec(href.pathname)?.[1];
    return seconds === undefined ? null : localSlot(Number(seconds));
  },
};

export const legacyAdapter: Adapter = {
  system: 'legacy',

  matches: (url) => BOOKING_PATH.test(url.pathname),

  async discover(ctx) {
    const end = await walkSite(ctx, LEGACY_GOAL, { discover: true });
    const heading = end.seen?.h1 || end.seen?.title.trim() || null;
    if (end.kind === 'choices') {
      const guichets: Guichet[] = end.choices.map((c) => ({ value: c.value, label: c.label }));
      return { title: heading, guichets };
    }
    if (end.result.outcome !== 'dates' && end.result.outcome !== 'no_date') throw new ProbeStop(end.result);
    // The form skipped the choice: its one guichet is the form itself.
    const formId = BOOKING_PATH.exec(new URL(ctx.target.url).pathname)?.[1] ?? '';
    return { title: heading, guichets: [{ value: formId, label: heading ?? formId }] };
  },

  probe: (ctx) => probeWalk(ctx, LEGACY_GOAL),
};
