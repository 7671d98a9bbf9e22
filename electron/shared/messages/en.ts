// The English twin of fr.ts: the same codes, the same ICU arguments (checked by messages.test.ts).
import type { CoreMessages } from './index.js';

export const coreEn = {
  probe: {
    demo_synthetic:
      'Demonstration: synthetic record ({outcome, select, dates {dates offered} no_date {no date} captcha {captcha} site_error {site error} unreachable {site unreachable} other {{outcome}}}).',
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
    unreachable: '{after, select, yes {After “{step}”} other {Step “{step}”}}: the site does not answer ({error}).',
    certificate: 'Step “{step}”: the site’s certificate is refused ({error}).',
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
  },
  progress: {},
  notice: {},
} as const satisfies CoreMessages;
