// The English twin of fr.ts: the same codes, the same ICU arguments (checked by messages.test.ts).
import type { CoreMessages } from './index.js';

export const coreEn = {
  cli: {
    usage: `Guichets — probes of the préfectures’ booking pages

Usage: npm run cli -- COMMAND [options]

Plannings and settings
  plannings list [--json]                 the plannings, their state, their last probe
  plannings add URL --departement D [--guichet V] [--label L] [--prefecture P] [--procedure P]
        [--online-mandatory] [--paused] [--steps STEPS.json]
                                          adds a planning (its system, guichets and label read from the site)
  plannings edit ID [--label L] [--url U] [--guichet V] [--departement D] [--prefecture P] [--procedure P]
        [--online-mandatory | --no-online-mandatory] [--stopped | --no-stopped] [--steps STEPS.json]
  plannings follow ID | pause ID | remove ID
                                          follow (probed every hour), pause, remove (its probes stay)
  settings get [KEY] [--json]             the settings, or one of them
  settings set KEY VALUE                  changes a setting (hostSpacingSeconds 30, activeHours 8-20, tsaUrls none…)
Probes
  discover URL [--json]                   the guichets offered at this address
  probe URL [--guichet V] [--json]        probes an address now, outside any planning (one JSON object with --json)
  probe --planning ID [--json]            probes a planning now, recorded in its history
  run                                     the hourly schedule, without the UI
  demo [--port P]                         demonstration préfectures + schedule + web UI
  serve [--port P] [--schedule]           the web UI and the API on 127.0.0.1
Figures and evidence
  stats [--json]                          the shares of the five categories per planning
  export csv --out FILE [--planning ID]   the CSV of the probes
  export png --planning ID [--out FILE.png]
                                          a planning’s chart, the dossier’s (else into exports/)
  verify [--planning ID]                  checks captures, hashes, chain, seals and time-stamps
  verify --accept-restore                 after a restore in place from an older backup: once confirmed, this PC
                                          gives up the lost seals (recorded for good)
  seal [--new-key]                        seals the probes now (signed, time-stamped); --new-key: a new installation
                                          key, announced in this seal and signed by the previous one
  seals list [--json]                     the seals of the data folder
  tsa-roots [add FILE.pem | remove FINGERPRINT]
                                          the trusted roots of time-stamps (shipped, added on this PC)
  dossier --planning ID [--planning ID2] [--from YYYY-MM-DD --to YYYY-MM-DD] --out FILE.zip
                                          the evidence dossier (BagIt ZIP + PDF summary beside it)
  publish --out FOLDER                    the static site of the association’s figures
  import FILE [--planning ID] [--association NAME]
                                          imports a CSV (La Cimade’s layout) or another association's dossier
  move-data FOLDER                        moves the data folder (empty or new), copy checked
  backup FOLDER [--json]                  backs up what is new into FOLDER, then checks the copy

Common options: --data-dir FOLDER (else GUICHETS_DATA_DIR, else the application’s folder);
  --lang fr|en (else LC_ALL, LC_MESSAGES or LANG: en… for English, else French);
  --json: one JSON object alone on the output (logs go to the error output).
Time-stamps: GUICHETS_TSA_URLS (authorities, comma-separated) and GUICHETS_TSA_ROOTS (PEM files of roots to
  trust this once, separated by “:”, “;” on Windows) replace or add to the settings.
Browser: GUICHETS_BROWSER, else the settings, else an installed Chrome, Edge or Chromium;
  --browser PATH saves it in the settings (after checking that it is Chrome, Chromium or Edge).
Exit codes: 0 done (verify: intact), 1 failed or altered, 2 bad input, 130 verify stopped by Ctrl+C (nothing concluded).
For a JSON alone on the output: npm run -s cli -- probe URL --json`,
    error: 'Error: {message}',
    internal_error: 'Internal error: {detail}',
    error_code_invalid_input: 'Input refused.',
    error_code_not_found: 'Not found.',
    error_code_browser_not_found: 'No usable browser: install Chrome, Edge or Chromium, or give its path with --browser or GUICHETS_BROWSER.',
    error_code_storage_corrupt: 'A file of the data folder cannot be read.',
    error_code_storage_full: 'The disk is full: free some space, then start again.',
    error_code_unsupported_site: 'This booking site is not recognised, or its page could not be read.',
    error_code_guichet_required: 'This address offers several guichets: choose one with --guichet (its value or its label).',
    error_code_busy: 'Guichets is busy (another application writes to this data folder): try again later.',
    error_code_internal: 'Internal error.',
    error_code_unauthorized: 'Access refused: this page has no session (open the address Guichets prints).',
    invalid_field:
      '{field}: {rule, select, required {required} too_small {at least {min}} too_big {at most {max}} type {a value of another kind is expected} choice {not one of the values allowed} unknown {unknown field} other {invalid value}}.',
    data_dir_missing: 'Data folder not found: “{dir}”. Give Guichets’ folder with --data-dir.',
    tsa_roots_usage: 'Usage: npm run cli -- tsa-roots {action, select, add {add FILE.pem} other {remove SHA256-FINGERPRINT}}',
    tsa_root_unreadable: 'File not found or unreadable: “{file}”. Give the authority’s root certificate (PEM).',
    tsa_root_added: 'Root added on this PC: {name}, SHA-256 {sha256}. Check that it is the fingerprint the authority publishes.',
    tsa_root_removed: 'Root removed from this PC.',
    tsa_root_not_found: 'No root of this PC has that fingerprint.',
    tsa_root_line: '{sha256}  {name} ({source, select, shipped {shipped with Guichets} user {added on this PC} other {GUICHETS_TSA_ROOTS}}){published, select, none {} other { — published: {published}}}',
    unknown_command: 'Unknown command “{name}”. See: npm run cli -- --help',
    unknown_option: 'Unknown option “{option}”. See: npm run cli -- --help',
    option_takes_no_value: 'The option {option} takes no value (given “{given}”). See: npm run cli -- --help',
    option_needs_value: 'The option {option} needs a value: {option} VALUE. See: npm run cli -- --help',
    unknown_action: '{command}: unknown action “{action}”; actions: {actions}. See: npm run cli -- --help',
    missing_action: '{command}: give an action ({actions}), for instance: npm run cli -- {command} {example}. See: npm run cli -- --help',
    bad_port: '--port: a number between 0 and 65535 (given “{given}”).',
    bad_lang: '--lang: fr or en (given “{given}”).',
    bad_day: '{option}: “{given}” is not a day written YYYY-MM-DD: write {example, select, none {for instance 2026-09-01} other {{example}}}.',
    system_port_in_use: 'Port {port} is already in use (another Guichets?): close it or choose another port with --port.',
    system_cannot_write:
      'Cannot write to {file, select, none {the data folder} other {“{file}”}}: read-only or access denied. Choose another folder with --data-dir.',
    system_not_a_folder: '{file, select, none {The data folder} other {“{file}”}} is not a usable folder: give a data folder with --data-dir.',
    system_disk_full: 'The disk is full ({file, select, none {data folder} other {“{file}”}}): free some space, then start again.',
    data_dir: 'Data: {dir}',
    data_dir_is_file: '“{dir}” is a file, not a folder: give a data folder with --data-dir.',
    browser_saved: 'Browser saved in the settings: {path}',
    stopping: 'Stopping…',
    outcome:
      '{outcome, select, dates {dates offered} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} unrecognized {page not recognised} robot_error {robot error} other {{outcome}}}',
    slot: '{date} at {time}',
    probe_usage: 'Address or planning missing. Usage: npm run cli -- probe URL [--guichet V] [--json], or probe --planning ID [--json]',
    probe_result: '{outcome} — {detail}',
    probe_first_slot: 'First slot: {slot}',
    probe_second_slot: 'Second slot: {slot}',
    probe_screenshot: 'Screenshot: {path}',
    probe_log: 'Log: {path}',
    probe_recorded: 'Recorded in the history of planning {planning} (probe {id}).',
    probe_line: '{date} {time} {planning} → {outcome} {slot}',
    discover_usage: 'Address missing. Usage: npm run cli -- discover URL [--json]',
    discover_system: 'System: {system}',
    discover_none: 'No guichet offered.',
    run_started: 'Schedule started: every followed planning is probed once an hour. Ctrl+C to stop.',
    serve_address: 'Interface: {url}{scheduled, select, yes { (schedule started)} other {}}  — Ctrl+C to stop.',
    serve_secret: 'This address holds a one-time code: do not share it. Press Enter for a new one (another tab, another browser).',
    demo_started: 'Demonstration: {count} made-up plannings, probed every minute (instead of every hour).',
    demo_folder: 'Demonstration data: {dir}',
    new_address: 'New address (one use only): {url}',
    demo_open: 'Open {url} in your browser (one-time address, not to be shared; press Enter for a new one). Ctrl+C to stop.',
    demo_first_probe_failed: 'First probe of {planning}: {message}',
    export_usage: 'Usage: npm run cli -- export csv --out FILE, or export png --planning ID [--out FILE.png]',
    export_png_planning: 'Give the chart’s planning: --planning ID (one only).',
    export_png_written: 'Chart written to {path}',
    export_out_missing: 'Give the file to write: --out probes.csv',
    export_written: '{rows} probes written to {path}',
    dossier_planning_missing: 'Give the planning: --planning ID (several times for several plannings).',
    dossier_out_missing: 'Give the file to write: --out dossier.zip',
    dossier_cancelling: 'Cancelling…',
    dossier_written: 'Dossier: {path} ({probes, plural, one {# probe} other {# probes}}, {screenshots, plural, one {# capture} other {# captures}}, {megabytes, number, ::.0} MB)',
    dossier_pdf: 'PDF summary: {path}',
    dossier_seal: '{seal, select, none {No seal in the data folder: none attached.} other {Seal attached: {seal}}}',
    dossier_altered: '✗ Evidence that differs from its record: {file}',
    dossier_progress_megabytes: '{done, number, ::.0} / {total, number, ::.0} MB',
    publish_out_missing: 'Give the site’s folder: --out FOLDER',
    publish_written: 'Site written to {path} ({pages, plural, one {# page} other {# pages}}): copy this folder to any web host.',
    import_usage: 'Usage: npm run cli -- import FILE.csv|dossier.zip [--planning ID] [--association NAME]',
    import_done: '{added, plural, one {# probe imported} other {# probes imported}}, {skipped, plural, other {# already there}} (same planning, same hour).',
    import_planning_count: '  {planning}: {count}',
    import_sealed: 'Sealed: seal {seal}{association, select, none {} other { of “{association}”}}, key {key}, {proven, select, none {not time-stamped: a rewrite cannot be ruled out} other {proven since {proven}}}.',
    import_compare_key: 'Compare this key fingerprint with the one the association publishes: it is what identifies it.',
    import_unsealed: 'Not sealed: nothing vouches for these probes beyond the word of whoever supplied the file (marked “not sealed”).',
    import_unsigned: '{count, plural, one {# row} other {# rows}} left aside: no sealed record of the dossier covers them (imports of its association).',
    export_skipped: '✗ Damaged file, its probes are not in the CSV: {file}',
    move_usage: 'Give the new folder: npm run cli -- move-data FOLDER',
    backup_usage: 'Give the backup folder: npm run cli -- backup FOLDER (a USB key, a network drive)',
    move_moved: 'Data folder moved: {to} ({files, plural, one {# file} other {# files}}, {mb, number, ::.0} MB, copy checked).',
    move_old_removed: 'The old folder was emptied: {from}',
    move_old_kept: 'The old folder could not be emptied, it is left as it is: {from}',
    move_remembered: 'The desktop app and the command line use it from now on.',
    move_not_remembered: 'From now on, start Guichets with --data-dir “{to}” (or GUICHETS_DATA_DIR).',
    plannings_none: 'No planning. Add one: npm run cli -- plannings add URL --departement 93 [--guichet V] [--label L]',
    plannings_line: '{id}  {state, select, followed {followed} paused {paused} other {stopped}}  {departement} {prefecture} — {label}',
    plannings_address: '    {url}{guichet, select, none {} other { — guichet “{guichet}”}}',
    plannings_last_probe: '    last probe: {when} → {outcome}{slot, select, none {} other { ({slot})}}',
    plannings_never_probed: '    no probe yet',
    plannings_problem: '    ✗ figures unreadable: {problem}',
    plannings_read: 'Read on the site: system {system}, {count, plural, =0 {no guichet to choose} one {one guichet} other {# guichets}}{title, select, none {} other { — “{title}”}}.',
    plannings_added:
      'Planning added: {id} — {label} ({departement}, {prefecture}); {followed, select, yes {followed: probed every hour while the schedule runs (npm run cli -- run)} other {paused (npm run cli -- plannings follow {id} to follow it)}}.',
    plannings_edited: 'Planning changed: {id} — {label}.',
    plannings_followed: 'Planning {id} followed: probed every hour while the schedule runs.',
    plannings_paused: 'Planning {id} paused: it is no longer probed, its history is kept.',
    plannings_removed: 'Planning {id} removed from the list; its probes stay in the data folder, as evidence.',
    plannings_id_missing: 'Give the planning: npm run cli -- plannings {action} ID (see: npm run cli -- plannings list).',
    plannings_unknown: 'No planning “{id}” here. See: npm run cli -- plannings list',
    plannings_ambiguous: '“{id}” names several plannings ({ids}): give more characters of its id.',
    plannings_url_missing: 'Address missing. Usage: npm run cli -- plannings add URL --departement D [--guichet V] [--label L]',
    plannings_departement_missing: 'Give the département: --departement 93 (or 2A, 971…).',
    plannings_guichet_required: 'This address offers several guichets: choose one with --guichet (its value or its label). Guichets: {guichets}.',
    plannings_guichet_unknown: 'No guichet “{given}” at this address. Guichets offered: {guichets}.',
    plannings_nothing_to_edit:
      'Nothing to change: give at least one option (--label, --url, --guichet, --departement, --prefecture, --procedure, --steps, --(no-)online-mandatory or --(no-)stopped).',
    plannings_steps_unreadable: 'Steps file unreadable: “{file}” ({reason}). Give a JSON file of steps (steps, noSlotText, slotSelector).',
    settings_line: '{key} = {value}',
    settings_usage: 'Usage: npm run cli -- settings set KEY VALUE (the keys: npm run cli -- settings get)',
    settings_unknown_key: 'Unknown setting “{key}”. Settings: {keys}.',
    settings_bad_value:
      '{key}: “{value}” does not fit, {expected, select, integer {a whole number is expected} boolean {yes or no is expected} list {a comma-separated list is expected} days {the days’ numbers are expected, 1 (Monday) to 7 (Sunday), separated by commas, for example 1,2,3,4,5} hours {two hours are expected, for example 8-20} json {JSON is expected} other {another value is expected}}.',
    settings_saved: 'Setting saved: {key} = {value}',
    seals_none: 'No seal: nothing protects these probes from being rewritten yet. Seal them: npm run cli -- seal',
    seals_line: '{name}  {when}  {probes} probe(s) of {plannings} planning(s), key {key}, {stamped, select, yes {time-stamped} other {not time-stamped}}{readable, select, yes {} other { — unreadable}}',
    seals_footer: 'The seals as they present themselves: npm run cli -- verify says whether they hold (signature, chain of seals, time-stamp).',
  },
  probe: {
    site_unknown:
      'Guichets does not recognise the booking module of {url} (for example …/booking/create/1234). Check the address of the booking page, or describe the site’s steps (in the form, or on the command line: npm run cli -- plannings add ADDRESS --steps STEPS.json).',
    system_unsupported: 'The booking system “{system}” is not supported yet.',
    demo_synthetic:
      'Demonstration: synthetic record ({outcome, select, dates {dates offered} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} unrecognized {page not recognised} robot_error {robot error} other {{outcome}}}).',
    slots_two:
      'First free slot on {first}, second on {second} ({count, plural, one {# slot read} other {# slots read}} on {windows, plural, one {# page of slots} other {# pages of slots}}).{said, select, none {} other { The site says: “{said}”.}}',
    slots_one:
      'A single free slot, on {first} ({windows, plural, one {# page of slots read} other {# pages of slots read}}{end, select, last {, no next page} horizon {, no other within {days} days} broken {, the following weeks could not be loaded} other {}}).{said, select, none {} other { The site says: “{said}”.}}',
    no_slot: 'The site says: “{said}”',
    no_slot_and_slots: 'The page says “{said}” and yet shows {count, plural, one {# slot} other {# slots}}: inconclusive.',
    window_empty:
      'Step “{step}”: {windows, plural, one {# page of slots read} other {# pages of slots read}} without a slot, without the site’s sentence saying there is none: inconclusive.{said, select, none {} other { The site announces: “{said}”.}}',
    window_stuck:
      'Step “{step}”: “{control}” {how, select, same {stayed on the same week} back {went back in time} other {did not move forward}} (“{said}”): reading stopped.',
    slot_unreadable: 'Step “{step}”: unreadable slot “{said}” (no readable date).',
    captcha:
      'A security code (captcha) stands before the answer: Guichets never solves it on its own. {assisted, select, yes {Open an assisted session to type it yourself.} other {To be checked by a person.}}',
    assisted_expired:
      'Assisted session expired: the site asks for the security code (captcha) again. Open the assisted session and type the code again to resume the probes.',
    captcha_expired:
      'The session expired: the site asks for the security code (captcha) again. Open the assisted session and type the code again to resume the probes.',
    refusal:
      '{after, select, yes {After “{step}”} other {Step “{step}”}}: the site answered HTTP {status} to {kind, select, document {the page} other {a call of the page (XHR)}} {address}{said, select, none {} other {: “{said}”}}.',
    http_error_page: 'Step “{step}”: the site answered HTTP {status}: “{said}”.',
    bot_wall: 'Step “{step}”: the site shows an anti-robot check: “{said}”.',
    error_page: 'Step “{step}”: the site shows an error page: “{said}”.',
    calendar_error:
      'Step “{step}”: the slots could not be loaded{status, select, none {} other { (HTTP {status})}}: the site shows an error{said, select, none {} other {: “{said}”}}.',
    unrecognized:
      'Step “{step}”: unrecognised page{status, select, s404 { (HTTP 404: address withdrawn?)} other {}}, without a slot, without the site’s sentence saying there is none, without a button to go on: “{said}”.',
    unreachable: '{after, select, yes {After “{step}”} other {Step “{step}”}}: the site does not answer ({reason, select, refused {connection refused} name {address not found} timeout {timed out} closed {connection cut} offline {no Internet connection} other {network error}}).',
    certificate: 'Step “{step}”: the browser refuses the site’s security certificate.',
    step_timeout: '{after, select, yes {After “{step}”} other {Step “{step}”}}: the site did not answer in time.',
    probe_timeout:
      '{step, select, none {The site} other {Step “{step}”: the site}} did not answer within the probe’s {seconds} s: probe stopped.',
    page_silent:
      '{after, select, yes {After “{step}”} other {Step “{step}”}}: the page did not answer the robot within {seconds} s while it was reading {what, select, page {what the page shows} controls {the page’s buttons and links} overlays {the page’s banners and pop-ups} name {the name of the control to use} cover {what covers the control to use} slots {the page’s slots} text {the page’s text} other {the page}}{browser, select, dead {, and the browser itself no longer answered} other {}}: probe stopped.',
    robot_failure: '{step, select, none {Robot error} other {Step “{step}”: robot error}}: {error}',
    covered: 'Step “{step}”: something covers {control, select, none {the page} other {“{control}”}} and the robot could not close it: “{said}”.',
    control_missing: 'Step “{step}”: “{control}” cannot be found on the page, or stays unusable.',
    control_failed: 'Step “{step}”: “{control}” could not be used ({error}).',
    waiting_room:
      'Step “{step}”: the site’s queue, waited for {seconds} s without the page moving on{said, select, none {} other { (the site announces: “{said}”)}}: probe stopped.',
    page_returns: 'Step “{step}”: the page comes back after “{control}”{said, select, none {} other {: “{said}”}}.',
    too_many_pages: 'Step “{step}”: too many pages ({pages}) before the site’s answer.',
    not_demarche: 'Not an RDV-Préfecture démarche address: {url}',
    steps_failed: 'Step {index} ({action}) impossible: {reason}',
    steps_no_slot: 'The site shows “{said}”.',
    steps_both: 'The text “{said}” and slots are both shown.',
    steps_unreadable: '“{selector}” elements found but no readable date: “{said}”.',
    guichet_not_offered:
      'Planning to correct: {wanted, select, none {the site offers several guichets and the planning names none} other {the guichet “{wanted}” is not offered}} (step “{step}”). The site’s choices: “{offered}”.',
    private_address_refused:
      'Address refused: the page led the robot to “{host}” ({address}), an address of this computer or its local network, which Guichets opens only for a planning saved in the desktop app or on the command line. If this planning must really go there, save it again in the desktop app: probe stopped.',
  },
  progress: {
    verify:
      'Verifying: {done, number} of {total, number} probes ({percent}%){end, select, none {} other {, expected to end around {end}{day, select, none {} other { on {day}}}}}',
    backup_copy:
      'Backup: {done, number} of {total, number} files copied ({percent}%){end, select, none {} other {, expected to end around {end}{day, select, none {} other { on {day}}}}}',
    backup_check:
      'Checking the copy: {done, number} of {total, number} probes ({percent}%){end, select, none {} other {, expected to end around {end}{day, select, none {} other { on {day}}}}}',
    dossier_collect: 'Reading the period’s probes…',
    dossier_render: 'Drawing the charts and the PDF summary…',
    dossier_files: 'Writing the evidence bundle…',
    dossier_done: 'Evidence bundle written.',
    dossier_cancelled: 'Evidence bundle cancelled: no file was written.',
  },
  seal: {
    written:
      'Seal {name} written (seals/{name}.json): {probes, plural, one {# probe} other {# probes}} of {plannings, plural, one {# planning} other {# plannings}}, {stamped, select, none {not time-stamped (no trusted authority answered: tried again at the next seal)} other {time-stamped by {stamped}}}.',
    restamped: '{count, plural, one {# earlier seal made offline time-stamped now} other {# earlier seals made offline time-stamped now}}: {count, plural, one {it proves} other {they prove}} only from now on.',
    new_key: 'New installation key: {key}, announced in this seal and signed by the previous one.',
    no_roots_folder: 'No roots folder on this PC for this session: add the root with GUICHETS_TSA_ROOTS.',
    root_shipped: 'The root “{name}” is shipped with Guichets: it cannot be removed.',
  },
  tsa: {
    stamp_failed: 'Time-stamping of seal {seal}: {why}.',
    http: '{url} answered HTTP {status}',
    unreachable: '{url} unreachable ({reason})',
    invalid:
      '{url}: {fault, select, refused {the authority refused the time-stamp (status {status}{said, select, none {} other {: {said}}})} unreadable {unreadable time-stamp token ({detail})} other_request {time-stamp answer to another request} bad_signature {invalid authority signature} other_content {the token stamps other content than this seal (different hash)} invalid {invalid token ({detail})} other {invalid answer}}',
    untrusted:
      '{url}: token refused, {why, select, not_tsa {the authority’s certificate is not a time-stamping certificate} other {its certificate chain leads to no trusted root (neither shipped with Guichets nor added on this PC)}}; add this authority’s root (settings or “npm run cli -- tsa-roots add FILE.pem”) after comparing its fingerprint with the one it publishes',
  },
  assisted: {
    expired_title: 'Guichets: assisted session expired',
    expired: 'The session expired: the site asks for the security code again. Open the assisted session again.',
    not_ready:
      '{state, select, waiting {Type the security code in the window Guichets opened, then confirm.} expired {The session expired: the site asks for the security code again. Open the assisted session again.} other {No assisted session open for this planning.}} (planning {planning})',
    not_captcha: 'This site asks for no security code: the assisted session is of no use.',
    not_demarche: 'The assisted session is for RDV-Préfecture démarches (…/rdvpref/reservation/demarche/NUMBER/).',
    window_failed:
      'The assisted session’s window could not open. It needs a screen: run Guichets on a computer with a display (the desktop application).',
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
    // What this PC remembers of the seals it made for this folder (outside the data folder).
    anchor_missing:
      'The seal of {created} ({seal}, {probes, plural, one {# probe} other {# probes}}) this PC knows of has disappeared: probes may have been erased (the newest seals, tokens and probes deleted).',
    anchor_changed: 'The seal of {created} ({seal}) this PC knows of was replaced since it was made here: probes may have been rewritten or erased.',
    anchor_kept: 'This PC remembers the last seal it made for this folder ({seal}, {probes, plural, one {# probe} other {# probes}}): it is there, unchanged.',
    // A restore in place acknowledged (verify --accept-restore): said at every verify, from this PC's memory.
    anchor_restored:
      'On {date}, a restore acknowledged on this PC gave up {count, plural, one {# seal made} other {# seals made}}{after, select, none {} other { after {after}}} ({count, plural, one {on {last}} other {from {first} to {last}}}, the newest covering {probes, plural, one {# probe} other {# probes}}): the probes made after the restored backup are no longer in this folder.',
    restore_hint: 'If this folder was restored here from an older backup: npm run cli -- verify --accept-restore.',
    restore_ask: 'This PC remembers {count, plural, one {# seal} other {# seals}} that this folder no longer has:',
    restore_seal: '  {seal} ({created}, {probes, plural, one {# probe} other {# probes}})',
    restore_explain:
      'If this folder was restored here from an older backup, confirm it: {count, plural, one {this seal will be given up} other {these seals will be given up}}, this PC will rely from now on on the seal {seal} ({probes, plural, one {# probe} other {# probes}}), and every verification will recall this restore. If it was not restored, do not confirm: probes may have been erased.',
    restore_confirm: 'Type “yes” to confirm: ',
    restore_done: '✓ Restore recorded on this PC.',
    restore_not_confirmed: 'Nothing was recorded: verification will keep failing until the restore is confirmed.',
    restore_refused:
      '{reason, select, unknown {This PC has no memory of this folder’s seals: there is no restore to acknowledge.} nothing {Every seal this PC remembers is there: there is no restore to acknowledge.} changed {A seal this PC remembers was replaced, not just lost: a restore does not explain that. Nothing was recorded.} no_seal {This folder has no valid seal to rely on: make one (npm run cli -- seal), then run this command again.} problems {Verification finds other problems than lost seals: a restore does not explain them. Nothing was recorded; restore a verified backup (npm run cli -- verify --data-dir BACKUP).} planning {--accept-restore applies to the whole folder: run it again without --planning.} other {Nothing was recorded.}}',
    run_busy: 'Another check is under way: wait until it ends, then start this one again.',
    // A check stopped before its end: no verdict, neither intact nor altered.
    cancelled: 'Check stopped before its end: nothing is concluded, neither intact nor altered. Start it again to get a verdict.',
    ended_failed: 'Check interrupted by an error: nothing is concluded, neither intact nor altered. Start it again to get a verdict.',
    anchor_unknown:
      'This PC has no memory of this folder’s seals (copied from another PC, or sealed by an earlier version): the disappearance of its newest seals cannot be detected here.',
    // What verify finds wrong, each naming the probe, file or seal at fault (ids, paths and dates as parameters).
    problem_artefact_missing:
      'Probe {probe} of {date} at {time}: {what, select, screenshot {the screenshot} log {the probe’s log} other {the page text}} “{file}” cannot be found.',
    problem_artefact_altered:
      'Probe {probe} of {date} at {time}: {what, select, screenshot {the screenshot} log {the probe’s log} other {the page text}} “{file}” was modified after the probe (different SHA-256 hash).',
    problem_file_unreadable: 'File “{file}” unreadable: {reason}',
    problem_record_altered: 'Probe {probe} of {date} at {time} (“{file}”): the record was modified afterwards (its hash no longer matches).',
    problem_probe_copied: 'Probe {probe} of {date} at {time} (“{file}”): copy of a probe already recorded ({twin}, “{twinFile}”).',
    problem_count_mismatch:
      'Planning {planning}: “{file}” counts {counted} probe(s), {found} are recorded: probes were {change, select, deleted {deleted} other {added}} outside Guichets.',
    problem_rebuilt_head_missing:
      'Planning {planning}: “{file}” was rebuilt on {date} at {time} UTC; the last probe it knew before (hash {hash}…) cannot be found: it was deleted or moved.',
    problem_aggregates_rebuilt:
      'Planning {planning}: “{file}” {why, select, missing {had disappeared} other {was unreadable}} and was rebuilt on {date} at {time} UTC from the probes present: the disappearance of the newest probes before that date cannot be excluded. Compare with the last seal.',
    problem_predecessor_gone: 'Probe {probe} of {date} at {time}: the probe before it has disappeared (deleted or moved); the chain is broken just before it.',
    problem_probe_inserted:
      'Probe {probe} of {date} at {time} (“{file}”) {first, select, yes {claims to be the planning’s first probe, while {kept} already is} other {follows the same previous probe as {kept}}}: probe inserted afterwards.',
    problem_head_none: 'Planning {planning}: “{file}” knows no probe while {count} are recorded.',
    problem_head_missing: 'Planning {planning}: the last probe recorded ({probe}, started on {startedAt}) cannot be found: it was deleted or moved.',
    problem_head_successor: 'Probe {probe} of {date} at {time} follows the last probe recorded ({head}) without having been counted: added outside Guichets.',
    problem_planning_unlisted:
      'Planning {planning}: {count, plural, =1 {“{first}”} =2 {“{first}”, “{second}”} other {“{first}”, “{second}”, “{third}”}} belong(s) to no planning of “{listing}” (neither followed nor removed): the planning was erased from the list outside Guichets.',
    problem_planning_incomplete:
      'Planning {planning}: the probes folder “{file}” has disappeared while {count, plural, =1 {“{first}”} other {“{first}” and “{second}”}} still exist(s): probes were deleted.',
    problem_seal_unreadable: 'Seal “{file}” unreadable or modified (it is no longer the text that was signed).',
    problem_signature_missing: 'Seal {seal}: its signature “{file}” has disappeared.',
    problem_key_missing: 'Seal {seal}: the public key that signed it (fingerprint {key}) cannot be found or does not match its fingerprint.',
    problem_signature_invalid: 'Seal {seal}: invalid signature, the seal was modified after it was signed.',
    problem_token_unreadable: 'Seal {seal}: time-stamp token “{file}” unreadable.',
    problem_token_invalid:
      'Seal {seal}: invalid time-stamp (“{file}”): {fault, select, refused {the authority refused the time-stamp (status {status}{said, select, none {} other {: {said}}})} unreadable {unreadable time-stamp token ({detail})} other_request {time-stamp answer to another request} bad_signature {invalid authority signature} other_content {the token stamps other content than this seal (different hash)} invalid {invalid token ({detail})} other {unreadable token}}.',
    problem_token_untrusted:
      'Seal {seal}: the token “{file}”, signed in the name of “{authority}” for {at}, {why, select, not_tsa {the authority’s certificate is not a time-stamping certificate} no_root {its certificate chain leads to no trusted root (neither shipped with Guichets nor added on this PC)} other {leads to no trusted root}}: this time-stamp proves nothing.',
    problem_seal_chain:
      'Seal {seal}: {how, select, first {claims to be the first seal while “{expected}” precedes it: a seal was inserted.} gone {follows seal “{previous}”, which has disappeared.} moved {follows seal “{previous}”, which has disappeared (the previous one on disk is “{expected}”).} other {the previous seal “{expected}” was modified since.}}',
    problem_foreign_key:
      'Seal {seal}: signed by key {key}, which is not the installation key ({expected}{pinned, select, none {} other {, time-stamped in seal {pinned}}}){why, select, unstamped {; the key change it announces is not time-stamped} unrotated { nor a key handed on by a key change signed by the previous one} other {}}: this seal is refused, what it says does not count.',
    problem_sealed_probes_gone:
      'Planning {planning}: probe {probe}, last of the {count} probes sealed on {sealed} (seal {seal}), has disappeared or was rewritten{more, plural, =0 {} other { (and {more} other seal(s) after it)}}: sealed probes were deleted or modified.',
    problem_sealed_probe_off_chain:
      'Planning {planning}: probe {probe}, sealed on {sealed} (seal {seal}), is no longer in the chain of probes: the chain was rewritten after this seal.',
    problem_sealed_count:
      'Planning {planning}: seal {seal} ({sealed}) counts {count} probes up to {probe}, the chain on disk has {found}: sealed probes were {change, select, deleted {deleted} other {inserted}}.',
    problem_sealed_file:
      '“{file}” ({what, select, history {the planning’s history} other {the interruptions}}): {change, select, gone {the file, sealed on {sealed} (seal {seal}), has disappeared or is unreadable} fewer {{count} item(s) sealed on {sealed} (seal {seal}), {found} today: items were deleted} other {the {count} item(s) sealed on {sealed} (seal {seal}) were modified, deleted or added to afterwards}}.',
    problem_sealed_gaps:
      '“{file}” (the interruptions) {change, select, gone {has disappeared or is unreadable} fewer {lost sealed interruptions ({count} on {sealed}, {found} today)} other {no longer has the sealed interruptions (modified, deleted or inserted afterwards)}}; sealed by seal {seal}.',
    dossier_no_manifest: 'manifest-sha256.txt missing: the evidence file is not a complete BagIt bag.',
    dossier_file_altered: '{file}: modified since the evidence file was made (hash differs from manifest-sha256.txt).',
    dossier_file_unlisted: '{file}: not in manifest-sha256.txt.',
    dossier_key_unreadable: '{file}: unreadable public key.',
    dossier_no_seal: 'No valid seal in the evidence file: nothing links these records to the installation that made them.',
    dossier_gaps_unreadable: '{file}: unreadable interruptions file.',
    dossier_records_unreadable: '{file}: unreadable records file.',
    dossier_record_altered: '{file}: the record of probe {probe} was modified (its hash no longer matches).',
    dossier_record_elsewhere: '{file}: record {probe} belongs to planning {planning}.',
    dossier_csv_row_missing: 'data/sondages.csv: probe {probe} ({date} {time}, planning {planning}) is missing.',
    dossier_csv_cell: 'data/sondages.csv: row of probe {probe}, column {column}: “{found}” instead of “{expected}” (the sealed record).',
    dossier_artefact_missing: 'Probe {probe}: the file with hash {sha256}… ({file}) is not in the evidence file.',
    dossier_csv_row_unsealed: 'data/sondages.csv: the row of probe {probe} matches no sealed record of the evidence file.',
    dossier_csv_unreadable: 'data/sondages.csv: unreadable.',
    dossier_csv_row_twice: 'data/sondages.csv: probe {probe} appears twice.',
    dossier_planning_unsealed: 'Planning {planning}: seal {seal} does not seal it: its records are protected by no seal.',
    dossier_head_missing: 'Planning {planning}: the last sealed probe ({probe}) is missing from the evidence file.',
    dossier_record_off_chain: 'Planning {planning}: record {probe} ({date} {time}) is not in the sealed chain: added or modified afterwards.',
    dossier_period_start_cut:
      'Planning {planning}: the probe before {probe}, the first of the period, is missing: a probe at the start of the period may have been removed.',
    dossier_count: 'Planning {planning}: the seal counts {count} probes, the evidence file’s chain has {found}.',
    dossier_head_other: 'Planning {planning}: the last sealed probe should be {expected}, it is {probe}.',
    dossier_record_misfiled:
      'Planning {planning}: record {probe} ({date}) belongs to the period but is filed in data/chainage/: it would be missing from the figures.',
    dossier_history_unreadable: '{file}: planning history missing or unreadable.',
    dossier_history_altered: '{file}: the planning’s history (name, address, guichet) is not the one the seal sealed.',
    dossier_gaps_altered: 'Planning {planning}: the interruption files (gaps.json) are not the ones the seal sealed.',
  },
  notice: {
    sandbox_root:
      'Guichets runs as administrator (root): the browser cannot keep its sandbox there. Run Guichets from an ordinary account.',
    sandbox_userns:
      'The Linux kernel does not allow user namespaces: the browser cannot keep its sandbox there (setting kernel.unprivileged_userns_clone or user.max_user_namespaces).',
  },
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
      '{entry}, line {line}: {count, plural, one {# column} other {# columns}} instead of at least {min}. The whole file was refused: nothing was imported.',
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
    planning_not_found: 'No planning “{id}”: check its identifier (npm run cli -- plannings list). Nothing was imported.',
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
  backup: {
    done: '✓ Backup checked in {dest}: {files, plural, =0 {no new file} one {# file copied} other {# files copied}}, {probes, plural, one {# probe checked} other {# probes checked}} in the copy.',
    not_good:
      '✗ Backup in {dest}: checking the copy found {problems, plural, one {# problem} other {# problems}} the data folder does not have. It does not count as good; the files at fault will be copied again by the next backup.',
    source_problems:
      'The data folder itself has {count, plural, one {# problem} other {# problems}} (see npm run cli -- verify): the copy reproduces them as they are.',
    running: 'A backup is already running: wait for it to end.',
    no_folder: 'No backup folder: give one (npm run cli -- backup FOLDER, or “Daily backup” in the settings).',
    not_absolute: 'Backup folder: give a full path (for example /media/usb-key/Guichets or E:\\Guichets), not “{dest}”.',
    inside: 'Backup folder: “{dest}” is inside the data folder or holds it. Choose another disk (USB key, network drive).',
    not_folder: 'Backup folder: “{dest}” is a file, not a folder.',
    not_backup: 'Backup folder: “{dest}” already holds something other than a Guichets backup. Choose an empty folder, or that of an earlier backup.',
    not_writable: 'Backup folder: cannot write in “{dest}” (disk missing, read-only or access denied).',
    late: 'No checked backup since {since}: a breakdown or theft of this PC would lose the evidence. Plug the backup disk in or choose a folder in the settings (Daily backup).',
    refused:
      '✗ Backup in {dest} refused, nothing replaced there: “{file}” {why, select, shortened {is longer or different there than in the data folder, which only ever grows} removed {is kept there although it has disappeared from the data folder} other {differs from the data folder, although evidence is never rewritten}}. The data folder’s evidence may have been altered afterwards: check it (npm run cli -- verify) before any new backup.',
    never:
      'No checked backup of the evidence: a breakdown or theft of this PC would lose it. Choose a folder in the settings (Daily backup) or run npm run cli -- backup FOLDER.',
  },
  browser: {
    launch_failed:
      'The browser {path} could not be started ({reason}){purpose, select, chart {: it draws the chart.} dossier {: it draws the charts and the PDF.} site {: it draws the charts.} other {. Install Google Chrome, Microsoft Edge or Chromium, or give your browser’s path in the settings (or in the GUICHETS_BROWSER variable).}}',
    window_failed: 'The browser window could not open ({reason}).',
  },
  alert: {
    dates_back:
      '{planning}: dates are offered since {since}, after {days, plural, one {# day} other {# days}} without any.{firstSlot, select, none {} other { First date: {firstSlot}.}}',
    failing:
      '{planning}: {count, plural, one {# probe} other {# probes in a row}} without a usable answer (last: {outcome, select, dates {dates available} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} unrecognized {page not recognised} robot_error {robot error} other {{outcome}}}). Open the planning to see the screenshots and check the address.',
    budget:
      'The evidence takes {evidenceGb, number} GB, beyond the {budgetGb, number} GB set in Settings. Nothing is deleted: raise the budget, or move the data folder to a larger disk.',
    disk: 'Disk almost full: {freeGb, number} GB free for the data. Free some space or move the data folder (Settings), or probing will stop.',
    seals: 'No seal since {since}: recent evidence is neither signed nor time-stamped. Check the connection to the time-stamping authority.',
  },
  tray: {
    tooltip: 'Guichets — probing',
    open: 'Open Guichets',
    quit: 'Quit (probing stops)',
  },
  shell: {
    data_missing_title: 'Guichets: data folder not found',
    data_missing: 'The data folder “{dir}” does not exist (disk unplugged?). Plug it back in and start Guichets again; otherwise an empty folder will be created there.',
    schedule_title: 'Guichets: probing not started',
  },
  chart: {
    period: 'Period: {period}',
    span: '{from} to {to}',
    at: '{day} at {time}',
    top_three: 'Last three whole months',
    top_partial: 'Since the first probe',
    whole_period: 'Whole period',
    month_in_progress: '{month} (in progress, until {day})',
    counts:
      '{count, plural, one {{n} conclusive probe} other {{n} conclusive probes}} over {days, plural, one {{daysN} day} other {{daysN} days}}',
    captcha: '{count, plural, one {{n} captcha} other {{n} captchas}}',
    site_error: '{count, plural, one {{n} site error} other {{n} site errors}}',
    unreachable: '{count, plural, one {{n} probe the site did not answer} other {{n} probes the site did not answer}}',
    unrecognized: '{count, plural, one {{n} unrecognised page} other {{n} unrecognised pages}}',
    robot_error: '{count, plural, one {{n} robot error} other {{n} robot errors}}',
    gap_hours: '{count, plural, one {{n} hour without a probe} other {{n} hours without a probe}}',
    aside: 'Aside: {words}',
    empty: 'No conclusive probe',
    percent: '{value}%',
    legend: '“{category}”',
    source:
      'Source: hourly Guichets probes{by, select, yes { ({association})} other {}} of the booking page of the {prefecture}',
    author: 'Author: {author}',
    licence: 'Licence: CC-BY 4.0 (creativecommons.org/licenses/by/4.0/)',
    address: 'Booking address: {url}',
    exported: 'Exported on {at}',
    association_required: 'Before the first export, give the association’s name in the settings: it is written on every chart.',
  },
} as const satisfies CoreMessages;
