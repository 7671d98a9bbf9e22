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
  import: {
    unreadable:
      'This file cannot be read: it does not exist, cannot be read, or is not a file (a folder, a device). Choose a CSV file or a .zip evidence file. Nothing was imported.',
    too_large:
      'The file is over {max} MB, the largest accepted for {kind, select, csv {a CSV} other {an evidence file}}: split it, then import each part. Nothing was imported.',
    not_utf8: '{entry} is not UTF-8: save it as “CSV UTF-8”, then import it again. Nothing was imported.',
    header_too_long: '{entry}, line 1: the first line is over {max} characters; this is not a CSV of probes. Nothing was imported.',
    empty: '{entry}: no probe rows, nothing to import.',
    malformed:
      '{entry}, line {line}: malformed CSV ({reason, select, quote {a quote never closed} closing {unexpected character after a closing quote} opening {a quote in the middle of a cell} other {unreadable structure}}). The whole file was refused: nothing was imported.',
    line_too_long:
      '{entry}, line {line}, column {column}: the line is over {max} characters. The whole file was refused: nothing was imported.',
    cell_too_long:
      '{entry}, line {line}, column {column}: a cell over {max} characters. The whole file was refused: nothing was imported.',
    too_many_rows:
      '{entry}: more than {max} rows, the limit of one import: split the file (by period), then import each part. Nothing was imported.',
    missing_column:
      '{entry}, line 1: column “{column}” missing from the header (expected at least: departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date). Nothing was imported.',
    too_few_columns:
      '{entry}, line {line}: {count} columns instead of at least {min}. The whole file was refused: nothing was imported.',
    empty_cell: '{entry}, line {line}, column {column}: empty. The whole file was refused: nothing was imported.',
    bad_date:
      '{entry}, line {line}, column {column}: “{excerpt}” is not a date (YYYY-MM-DD or DD/MM/YYYY). The whole file was refused: nothing was imported.',
    bad_time:
      '{entry}, line {line}, column {column}: “{excerpt}” is not a time (HH:MM). The whole file was refused: nothing was imported.',
    bad_outcome:
      '{entry}, line {line}, column {column}: “{excerpt}” is not a known outcome (dates, no_date, captcha, site_error, unreachable, unrecognized, robot_error). The whole file was refused: nothing was imported.',
    second_without_first:
      '{entry}, line {line}: deuxieme_date without premiere_date. The whole file was refused: nothing was imported.',
    dates_without_first:
      '{entry}, line {line}: outcome “dates” without premiere_date. The whole file was refused: nothing was imported.',
    bad_url:
      '{entry}, line {line}, column {column}: “{excerpt}” is not an address starting with http:// or https://. The whole file was refused: nothing was imported.',
    unknown_planning:
      '{entry}, line {line}: planning “{excerpt}” (département {departement}) is not known here: create it first with the same name, or choose the planning to import into (--planning ID). Nothing was imported.',
    ambiguous_planning:
      '{entry}, line {line}: several plannings are named “{excerpt}” (département {departement}): choose the one to import into (--planning ID). Nothing was imported.',
    planning_not_found: 'No planning “{id}”: check its identifier (npm run cli -- stats). Nothing was imported.',
    zip_unreadable: 'Evidence file refused: this ZIP file is unreadable, damaged, or names a file outside its folder (absolute path, “..”, a name twice). Nothing was imported.',
    zip_link: 'Evidence file refused: a file in the ZIP is a symbolic link, which an evidence file never holds. Nothing was imported.',
    not_a_bag: 'Evidence file refused: this is not an evidence file (no bagit.txt). Nothing was imported.',
    too_many_entries: 'Evidence file refused: more than {max} files, more than any real evidence file. Nothing was imported.',
    entry_too_large: 'Evidence file refused: {entry} is over {max} MB, more than any real evidence file. Nothing was imported.',
    unpacked_too_large:
      'Evidence file refused: its unpacked content would be over {max} MB, far more than its size allows for a real evidence file. Nothing was imported.',
    bag_missing: 'Evidence file refused: {entry} is missing. Nothing was imported.',
    bag_absent: 'Evidence file refused: {entry} is listed in the manifest but absent. Nothing was imported.',
    bag_altered:
      'Evidence file refused: {entry} was changed (its SHA-256 does not match the manifest). Nothing was imported.',
    signed_too_large:
      'Evidence file refused: its records, seals and CSV together are over {max} MB, more than any real evidence file: make shorter ones (by period). Nothing was imported.',
    dossier_refused: 'Evidence file refused: {problem} Nothing was imported.',
    identity_unsealed:
      'Evidence file refused: the identity of planning “{label}” (address, guichet) is not sealed; nothing says which appointments its probes are about. Nothing was imported.',
    identity_unknown:
      'The evidence file is about planning “{label}” ({url}, guichet {guichet}), which is not followed here: create a planning with the same address and guichet, or choose the one to import into (--planning ID). Nothing was imported.',
    identity_differs:
      'The planning chosen does not have the address and guichet of the evidence file’s planning “{label}” ({url}, guichet {guichet}): they are not the same appointments. Nothing was imported.',
    too_much_memory:
      'This file needs more memory than the import allows itself ({max} MB): split it (by period), then import each part. Nothing was imported.',
    record_malformed:
      'Evidence file refused: record {id} holds a malformed date, time or address (an address must start with http:// or https://). Nothing was imported.',
    changed_while_read:
      'The file changed while it was imported: wait until it is complete (a copy, a download), then import it again. Nothing was imported.',
    probe_detail:
      'Imported from “{file}”, line {line}{by, select, yes { ({association})} other {}}, {sealed, select, yes {sealed} other {not sealed}}',
    bag_unlisted: 'Evidence file refused: {entry} is not in the manifest. Nothing was imported.',
  },
} as const satisfies CoreMessages;
