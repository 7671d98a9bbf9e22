// A probe's outcome with what the robot saw as a code and its parameters (the site's own words in `said`), and
// its French wording, which the record keeps as `detail` (captions and older readers use it).
import type { LocalDateTime, Outcome } from '../../shared/domain.js';
import { coreMessage, type MessageCode, type MessageParams } from '../../shared/messages/index.js';
import { wordCore } from '../messages.js';
import type { AdapterResult } from './types.js';

export function said(outcome: Outcome, code: MessageCode, params?: MessageParams, slots: readonly LocalDateTime[] = []): AdapterResult {
  const message = coreMessage(code, params);
  return { outcome, slots: [...new Set(slots)].sort(), detail: wordCore(message, 'fr'), detailMessage: message };
}

/** A site's text as quoted in a detail: one line, cut past `max` characters. */
export function quoted(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A control's name as quoted: without the arrows and chevrons that decorate it. */
export function controlName(name: string): string {
  return quoted(name.replace(/^[\s«»‹›<>→←❯❮|]+|[\s«»‹›<>→←❯❮|]+$/g, ''), 80);
}
