// What the evidence handlers (dossier, publication, import, alerts) need from the core: a part of the
// HandlerContext of handlers/context.ts, so that they fit it as it is and as it was.
import type { ApiEvent, ApiEvents } from '../../shared/api.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { findBrowser } from '../probe/index.js';
import type { Store } from '../store/index.js';
import type { TrustSet } from '../seals/index.js';

export interface EvidenceHandlerContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (message: string) => void;
  readonly app: { readonly version: string; readonly dataDir: string };
  asWriter(): Promise<void>;
  /** Runs `work` as the writer only if no other process writes, without keeping the lock after (false: skipped). */
  whileWriter(work: () => Promise<void>): Promise<boolean>;
  /**
   * Seals the data folder before an export, so that the dossier carries a seal covering it; and the roots a token
   * must chain to for the dossier to call it time-stamped (shipped, the person's, GUICHETS_TSA_ROOTS's).
   */
  readonly seals?: { beforeExport(): Promise<void>; trust?(): Promise<TrustSet> };
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
}

/** The browser that draws charts and PDFs: the one the probes use. */
export async function drawingBrowser(ctx: EvidenceHandlerContext): Promise<string> {
  const settings = await ctx.store.settings.get();
  const browser = findBrowser({ env: ctx.env, settingsPath: settings.browserPath });
  if (!browser.path) throw new AppError('browser_not_found', browser.message ?? 'Aucun navigateur trouvé : il dessine les graphiques et le PDF.');
  return browser.path;
}
