// The robot's readings of a page (scripts it runs there) get a short budget of their own: a page frozen by its own
// script, or a frame that never answers, must not hold a probe until its overall budget, and when one does not
// answer the probe says what the robot was reading.

/** Longest a single step (a page to load and settle, a control to click) may take. */
export const STEP_BUDGET_MS = 15_000;
/** Longest one reading of the page may take: a third of a step's budget, so that a step can still end in time. */
export const PAGE_ANSWER_MS = STEP_BUDGET_MS / 3;

/** A reading of the page that did not answer in time; its message says what was being read (in French). */
export class PageNoAnswer extends Error {
  constructor(what: string, ms: number) {
    super(`la page n'a pas répondu en ${String(ms / 1000)} s au robot, qui lisait ${what}`);
    this.name = 'PageNoAnswer';
  }
}

/** `work`, or a PageNoAnswer naming `what` when it takes longer than `ms`. */
export async function pageAnswer<T>(work: Promise<T>, what: string, ms = PAGE_ANSWER_MS): Promise<T> {
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
