// The English twin of fr.ts: the same codes, the same ICU arguments (checked by messages.test.ts).
import type { CoreMessages } from './index.js';

export const coreEn = {
  probe: {
    demo_synthetic:
      'Demonstration: synthetic record ({outcome, select, dates {dates offered} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} other {{outcome}}}).',
  },
  progress: {},
  seal: {
    written:
      'Seal {name} written (seals/{name}.json): {probes, plural, one {# probe} other {# probes}} of {plannings, plural, one {# planning} other {# plannings}}, {stamped, select, none {not time-stamped (no trusted authority answered: tried again at the next seal)} other {time-stamped by {stamped}}}.',
    restamped: '{count, plural, one {# earlier seal made offline time-stamped now} other {# earlier seals made offline time-stamped now}}: {count, plural, one {it proves} other {they prove}} only from now on.',
    new_key: 'New installation key: {key}, announced in this seal and signed by the previous one.',
  },
  verify: {
    summary_intact: '✓ {count, plural, one {# probe checked} other {# probes checked}}{planning, select, none {} other { (planning {planning})}}: screenshots, hashes and chain intact; each proven to exist at most 48 h after it was made.',
    summary_reserved:
      '✓ {count, plural, one {# probe checked} other {# probes checked}}{planning, select, none {} other { (planning {planning})}}: screenshots, hashes and chain intact, with a reservation: {unproven, plural, =0 {} one {# not time-stamped (a rewrite cannot be excluded)} other {# not time-stamped (a rewrite cannot be excluded)}}{both, select, yes {, } other {}}{late, plural, =0 {} one {# proven only later} other {# proven only later}} (details below).',
    summary_altered: '✗ {count, plural, one {# probe checked} other {# probes checked}}{planning, select, none {} other { (planning {planning})}}: {problems, plural, one {# problem} other {# problems}}.',
    no_seal: 'No seal: nothing protects these probes from a rewrite yet, none is time-stamped. Seal them: npm run cli -- seal',
    key_pinned: 'Installation key: {key} (time-stamped in seal {seal}, on {at}).',
    key_unproven: 'Installation key: {key} (no seal time-stamped by a trusted authority: nothing dates this key).',
    key_rotation: 'Key change (seal {seal}): {from} → {to}, signed by the previous key.',
    root: 'Root {name}: SHA-256 {sha256} ({source, select, shipped {shipped with Guichets} user {added on this PC} other {GUICHETS_TSA_ROOTS}}); compare it with the fingerprint the authority publishes.',
    root_unreadable: 'Unreadable trusted root, ignored: {file}',
    seals: '{count, plural, one {# seal} other {# seals}}:',
    seal_token:
      '  Seal {seal} ({created}): {authority}, root {root}, time-stamped on {at}, {delay} later{late, select, yes {: late, proves only from that time} other {}}.',
    seal_token_refused: '  Seal {seal} ({created}): token {file} refused (see above).',
    seal_unstamped: '  Seal {seal} ({created}): not time-stamped.',
    planning: 'Planning {planning}: {count, plural, =0 {no probe} one {# probe} other {# probes}}{count, plural, =0 {} other { from {first} to {last}}}.',
    proof_in_time: '  {count, plural, one {# proven} other {# proven}} at most 48 h after the probe (from {first} to {last}).',
    proof_late: '  {count, plural, one {# proven} other {# proven}} only from {from} (probes from {first} to {last}): seal time-stamped late, or probes older than the seals.',
    proof_unproven: '  {count, plural, one {# not time-stamped} other {# not time-stamped}} (from {first} to {last}): a rewrite cannot be excluded.',
    proof_before_first_seal:
      '  The first seal dates from {sealed}: {count, plural, one {the probe made before it ({first}) was} other {the # probes made before it (from {first} to {last}) were}} protected by no seal until then.',
    empty_plannings: 'No probe recorded for: {ids}',
  },
  notice: {},
} as const satisfies CoreMessages;
