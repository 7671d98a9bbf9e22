// The booking systems Guichets knows. Add a system's adapter to ADAPTERS.
import type { BookingSystem } from '../../../shared/domain.js';
import { coreError } from '../../errors.js';
import { coreMessage } from '../../../shared/messages/index.js';
import type { Adapter } from '../types.js';
import { anctAdapter } from './anct.js';
import { legacyAdapter } from './legacy.js';
import { rdvprefAdapter } from './rdvpref.js';
import { stepsAdapter } from './steps.js';

export const ADAPTERS: readonly Adapter[] = [legacyAdapter, rdvprefAdapter, anctAdapter, stepsAdapter];

function parse(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The system whose URLs look like this one, or null. */
export function detectSystem(url: string | URL, adapters: readonly Adapter[] = ADAPTERS): BookingSystem | null {
  const parsed = parse(url);
  if (!parsed) return null;
  return adapters.find((adapter) => adapter.matches(parsed))?.system ?? null;
}

/** The adapter of `system`, or of the system detected from the URL; AppError when there is none. */
export function adapterFor(
  url: string | URL,
  system?: BookingSystem,
  adapters: readonly Adapter[] = ADAPTERS,
): Adapter {
  if (system !== undefined) {
    const adapter = adapters.find((a) => a.system === system);
    if (!adapter) {
      throw coreError('unsupported_site', coreMessage('probe.system_unsupported', { system }));
    }
    return adapter;
  }
  const detected = detectSystem(url, adapters);
  const adapter = adapters.find((a) => a.system === detected);
  if (!adapter) {
    throw coreError('unsupported_site', coreMessage('probe.site_unknown', { url: String(url) }));
  }
  return adapter;
}

export { GuichetChoiceError, legacyAdapter } from './legacy.js';
