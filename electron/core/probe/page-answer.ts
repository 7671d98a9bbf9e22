// The robot's readings of a page (scripts it runs there) get a short budget of their own: a page frozen by its own
// script, or a frame that never answers, must not hold a probe until its overall budget, and when one does not
// answer the probe says what the robot was reading.

/** Longest a single step (a page to load and settle, a control to click) may take. */
export const STEP_BUDGET_MS = 15_000;
/** Longest one reading of the page may take: a third of a step's budget, so that a step can still end in time. */
export const PAGE_ANSWER_MS = STEP_BUDGET_MS / 3;

/** What the robot was reading (the `what` of the probe.page_silent message). */
export type Reading = 'page' | 'controls' | 'overlays' | 'name' | 'cover' | 'slots' | 'text' | 'blank';

const READINGS: Record<Reading, string> = {
  page: 'ce que la page affiche',
  controls: 'les boutons et liens de la page',
  overlays: 'les bandeaux et fenêtres de la page',
  name: 'le nom du contrôle à utiliser',
  cover: 'ce qui recouvre le contrôle à utiliser',
  slots: 'les créneaux de la page',
  text: 'le texte de la page',
  blank: 'une page vide',
};

/** A reading of the page that did not answer in time; it says what was being read (its message, for the log). */
export class PageNoAnswer extends Error {
  constructor(
    readonly what: Reading,
    readonly ms: number,
  ) {
    super(`la page n'a pas répondu en ${String(ms / 1000)} s au robot, qui lisait ${READINGS[what]}`);
    this.name = 'PageNoAnswer';
  }
}

/** `work`, or a PageNoAnswer naming `what` when it takes longer than `ms`. */
export async function pageAnswer<T>(work: Promise<T>, what: Reading, ms = PAGE_ANSWER_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new PageNoAnswer(what, ms));
    }, ms);
  });
  // A reading that fails after its budget is past is nobody's concern any more.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For a reading's catch: a page that no longer answers is said as such (the PageNoAnswer goes on); any other
 * failure of the reading (a control gone, a document replaced meanwhile) gives `fallback`.
 */
export const unlessNoAnswer =
  <T>(fallback: T) =>
  (error: unknown): T => {
    if (error instanceof PageNoAnswer) throw error;
    return fallback;
  };
