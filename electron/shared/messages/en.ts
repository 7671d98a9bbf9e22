// The English twin of fr.ts: the same codes, the same ICU arguments (checked by messages.test.ts).
import type { CoreMessages } from './index.js';

export const coreEn = {
  probe: {
    demo_synthetic:
      'Demonstration: synthetic record ({outcome, select, dates {dates offered} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} other {{outcome}}}).',
  },
  progress: {},
  notice: {},
} as const satisfies CoreMessages;
