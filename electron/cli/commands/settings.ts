// `settings get [KEY]` and `settings set KEY VALUE`: the settings page's fields, through the same API (and the
// same checks: a value the page would refuse is refused here, naming the setting).
import { coreError } from '../../core/errors.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { actionRefused, printJson, withCore, type Command } from './context.js';

type Key = keyof Settings;
const KEYS = Object.keys(DEFAULT_SETTINGS) as Key[];
const isKey = (value: string): value is Key => (KEYS as string[]).includes(value);

const NONE = new Set(['', 'none', 'null', 'aucun', 'aucune']);
const YES = new Set(['oui', 'yes', 'true', '1', 'on']);
const NO = new Set(['non', 'no', 'false', '0', 'off']);

function refused(key: Key, value: string, expected: string): never {
  throw coreError('invalid_input', coreMessage('cli.settings_bad_value', { key, value, expected }), { field: [key] });
}

/**
 * A value as typed on the command line, read after the setting's kind: numbers, oui/non, « none » for an empty
 * path or list, comma-separated lists, « 8-20 » (or « 8 h-20 h ») for the active hours, JSON for the rest.
 */
function parseValue(key: Key, text: string): unknown {
  const current = DEFAULT_SETTINGS[key];
  const value = text.trim();
  if (key === 'browserPath' || key === 'associationLogo') return NONE.has(value.toLowerCase()) ? null : value;
  if (typeof current === 'number') {
    if (!/^-?\d+$/.test(value)) refused(key, text, 'integer');
    return Number(value);
  }
  if (typeof current === 'boolean') {
    if (YES.has(value.toLowerCase())) return true;
    if (NO.has(value.toLowerCase())) return false;
    return refused(key, text, 'boolean');
  }
  if (key === 'tsaUrls') return NONE.has(value.toLowerCase()) ? [] : value.split(',').map((url) => url.trim()).filter(Boolean);
  if (key === 'activeDays') {
    const days = value.split(',').map((day) => day.trim());
    if (!days.every((day) => /^\d+$/.test(day))) refused(key, text, 'days');
    return days.map(Number);
  }
  if (key === 'activeHours') {
    // As people in France write them too: « 8 h-20 h », « 8h à 20h ».
    const hours = /^(\d{1,2})\s*h?\s*(?:[-–]|à)\s*(\d{1,2})\s*h?$/i.exec(value);
    if (!hours) return refused(key, text, 'hours');
    return { from: Number(hours[1]), to: Number(hours[2]) };
  }
  if (typeof current === 'string') return text;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return refused(key, text, 'json');
  }
}

/** A setting's value on one line: text as is, the rest as JSON. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export const settings: Command = (context) => {
  const [action, key, ...values] = context.args;
  if (action !== 'get' && action !== 'set') {
    throw actionRefused('settings', action, ['get', 'set']);
  }
  if (key !== undefined && !isKey(key)) throw coreError('invalid_input', coreMessage('cli.settings_unknown_key', { key, keys: KEYS.join(', ') }));
  if (action === 'set' && (key === undefined || values.length !== 1)) throw coreError('invalid_input', coreMessage('cli.settings_usage'));
  return withCore(
    context,
    async (core) => {
      if (action === 'set' && key !== undefined) {
        const saved = await core.api['settings:update']({ [key]: parseValue(key, values[0] ?? '') });
        if (context.json) printJson({ [key]: saved[key] });
        else context.words.out('cli.settings_saved', { key, value: shown(saved[key]) });
        return 0;
      }
      const current = await core.api['settings:get'](undefined);
      if (context.json) printJson(key === undefined ? current : { [key]: current[key] });
      else for (const name of key === undefined ? KEYS : [key]) context.words.out('cli.settings_line', { key: name, value: shown(current[name]) });
      return 0;
    },
    false,
  );
};
