import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ApiClientError } from '../api/client';
import { describeError, probeDetail } from '../errors';
import { createI18n, resources } from './index';
import { PROBLEMS } from '../../../electron/shared/messages/index';
import { gapLine } from './phrases';
import { alertText } from '../components/evidence/AlertLines';

/** Every key of a nested resource object, as "a.b.c", with its message. */
function leaves(object: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [inner, text] of leaves(value as object, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

/** The ICU arguments a message uses, with their kind ("plural", "number", "argument", "select"). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`${element.value}:argument`);
    if (element.type === TYPE.number) into.add(`${element.value}:number`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('the two languages', () => {
  // The UI's own words and the core's catalogue (electron/shared/messages), as the screens get them.
  const french = leaves(resources.fr.translation);
  const english = leaves(resources.en.translation);

  it('have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
  });

  it('use the same ICU arguments in every message, and every message parses', () => {
    for (const [key, text] of french) {
      const theirs = english.get(key) ?? '';
      expect([...argumentsOf(parse(theirs))].sort(), key).toEqual([...argumentsOf(parse(text))].sort());
    }
  });

  it('quote in each language’s marks: no French « » in an English message', () => {
    expect([...english].filter(([, text]) => /[«»]/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('write plurals and numbers the way each language does', () => {
    const t = createI18n('fr').t;
    expect(t('attemptsOverDays', { attempts: 0, days: 1 })).toBe('0 sondage sur 1 jour');
    expect(t('attemptsOverDays', { attempts: 1234, days: 2 })).toBe('1\u202f234 sondages sur 2 jours');
    expect(t('percent', { value: 42 })).toBe('42 %');
    expect(gapLine(t, '01/12/2026 10:00', '01/12/2026 12:00', 2, 'asleep')).toBe(
      'du 01/12/2026 10:00 au 01/12/2026 12:00 : 2 heures (ordinateur en veille)',
    );
    const e = createI18n('en').t;
    expect(e('attemptsOverDays', { attempts: 0, days: 1 })).toBe('0 probes over 1 day');
    expect(e('attemptsOverDays', { attempts: 1234, days: 1 })).toBe('1,234 probes over 1 day');
    expect(e('minuteValue', { minute: 0 })).toBe('every hour, on the hour');
  });
});

describe('a probe’s detail given as a code', () => {
  it('is worded in the screen’s language, never shown in the core’s French', () => {
    const said = { code: 'probe.demo_synthetic', params: { outcome: 'captcha' } } as const;
    const french = 'Démonstration : enregistrement synthétique (captcha).';
    expect(probeDetail('captcha', french, createI18n('en').t, 'en', said)).toEqual({ text: 'Demonstration: synthetic record (captcha).', raw: null });
    expect(probeDetail('captcha', french, createI18n('fr').t, 'fr', said).text).toBe(french);
  });

  it('words the slots it read as dates of the screen’s language, French as the record has them', () => {
    const slots = { code: 'probe.slots_one', params: { first: '2027-01-01T09:00', windows: 1, end: 'none', days: 0, said: 'none' } } as const;
    expect(probeDetail('dates', '', createI18n('en').t, 'en', slots).text).toBe('A single free slot, on Friday 1 January 2027 at 09:00 (1 page of slots read).');
    expect(probeDetail('dates', '', createI18n('fr').t, 'fr', slots).text).toBe('Une seule plage libre, le vendredi 1er janvier 2027 à 09:00 (1 page de créneaux lue).');
  });
});

describe('errors as the user reads them', () => {
  const fr = createI18n('fr').t;
  const en = createI18n('en').t;

  it('are written from the code and the field, never from the core’s French text', () => {
    const invalidUrl = new ApiClientError('invalid_input', 'Adresse : donnez l’adresse complète (changes.url)', ['url']);
    expect(describeError(invalidUrl, en)).toEqual({
      message: 'Give the full address of the booking page, starting with https://',
      field: ['url'],
      detail: null,
    });
    const step = new ApiClientError('invalid_input', 'Étape 3 : …', ['steps', 'steps', 2, 'selector']);
    expect(describeError(step, fr).message).toBe('Étape 3 : donnez le sélecteur CSS.');
    const spacing = new ApiClientError('invalid_input', 'Too small: expected number to be >=0', ['hostSpacingSeconds']);
    expect(describeError(spacing, fr).message).toBe('Un nombre entier de secondes, de 0 à 3600.');
  });

  it('word a message inside a message (why a dossier is refused) in the screen’s language too', () => {
    const problem = { code: 'verify.dossier_csv_row_twice', params: { probe: 'p-1' } } as const;
    const refused = new ApiClientError('invalid_input', 'Dossier refusé : …', [], {}, { code: 'import.dossier_refused', nested: { problem } });
    expect(describeError(refused, en).message).toBe('Evidence file refused: data/sondages.csv: probe p-1 appears twice. Nothing was imported.');
    expect(describeError(refused, fr).message).toBe('Dossier refusé : data/sondages.csv : le sondage p-1 y figure deux fois. Rien n’a été importé.');
  });

  it('have words for every problem the core names, in both languages', () => {
    expect(Object.keys(resources.fr.translation.problems).sort()).toEqual([...PROBLEMS].sort());
    expect(Object.keys(resources.en.translation.problems).sort()).toEqual([...PROBLEMS].sort());
  });

  it('say a network failure in plain words, keeping the browser’s text for the details', () => {
    const raw = 'Erreur du robot : page.goto: net::ERR_UNSAFE_PORT at http://127.0.0.1:6000/';
    const shown = describeError(new ApiClientError('internal', raw), fr);
    expect(shown.message).toMatch(/^Le navigateur refuse cette adresse/);
    expect(shown.detail).toBe(raw);
    const unknownName = new ApiClientError('not_found', 'Étape « ouverture de la page » : le site ne répond pas (adresse introuvable).', [], {
      problem: 'nameNotResolved',
      technical: 'net::ERR_NAME_NOT_RESOLVED',
    });
    expect(describeError(unknownName, en)).toEqual({
      message: 'No site has this name: check the address (a typo?).',
      field: [],
      detail: 'net::ERR_NAME_NOT_RESOLVED',
    });
    // Named and said as a code (for the command line): the screen says the named problem, the reason folded.
    const reason = 'browserType.launchPersistentContext: Failed to launch chromium';
    const windowFailed = new ApiClientError('browser_not_found', `La fenêtre du navigateur n'a pas pu s'ouvrir (${reason}).`, [], { problem: 'browserWindow', technical: reason }, {
      code: 'browser.window_failed',
      params: { reason },
    });
    expect(describeError(windowFailed, en)).toEqual({ message: 'The browser window could not open: check the browser in the settings.', field: [], detail: reason });
    // The core's own sentences are never parsed: without its code, a French detail is only the action's failure.
    expect(describeError(new ApiClientError('not_found', 'Le site ne répond pas. Vérifiez…'), en).message).not.toMatch(/does not answer/);
    expect(probeDetail('unreachable', 'Le site ne répond pas (net::ERR_CONNECTION_REFUSED).', en, 'en').text).toMatch(
      /^The site refuses the connection/,
    );
    // A French sentence with nothing technical in it is not shown as such in English.
    expect(probeDetail('no_date', 'Aucun créneau : « Aucun créneau disponible »', en, 'en')).toEqual({
      text: null,
      raw: 'Aucun créneau : « Aucun créneau disponible »',
    });
  });
});

describe('alerts', () => {
  it('are worded in the UI’s language from the core’s code: a disk nearly full is not an evidence budget', () => {
    const en = createI18n('en').t;
    const fr = createI18n('fr').t;
    // As the core sends them (electron/core/alerts/alerts.ts), with their French message for older screens.
    const disk = { kind: 'disk', planningId: null, since: '2026-12-01T10:00:00Z' } as const;
    const budget = { ...disk, id: 'disk:budget', said: { code: 'alert.budget', params: { evidenceGb: 12, budgetGb: 10 } }, message: 'Les preuves occupent 12 Go…' } as const;
    const full = { ...disk, id: 'disk:low', said: { code: 'alert.disk', params: { freeGb: 0.5 } }, message: 'Disque presque plein…' } as const;
    expect(alertText(budget, en)).toBe('The evidence takes 12 GB, beyond the 10 GB set in Settings. Nothing is deleted: raise the budget, or move the data folder to a larger disk.');
    expect(alertText(full, en)).toMatch(/^Disk almost full: 0\.5 GB free/);
    expect(alertText(full, fr)).toMatch(/^Disque presque plein : 0,5 Go libres/);
    const failing = { kind: 'failing', planningId: 'p1', since: '2026-12-01T10:00:00Z', id: 'failing:p1:x', message: '…' } as const;
    const said = { code: 'alert.failing', params: { planning: 'Bobigny', count: 3, outcome: 'site_error' } } as const;
    expect(alertText({ ...failing, said }, fr)).toBe(
      'Bobigny : 3 sondages de suite sans réponse utilisable (dernier : erreur du site). Ouvrez le planning pour voir les captures et vérifier l’adresse.',
    );
    expect(alertText({ ...failing, said }, en)).toBe('Bobigny: 3 probes in a row without a usable answer (last: site error). Open the planning to see the screenshots and check the address.');
  });
});
