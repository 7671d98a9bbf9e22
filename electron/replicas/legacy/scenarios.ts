// The one table of the legacy module's replica: which form id behaves how. Tests and the demo both read it.
import { DateTime } from 'luxon';
import { PARIS, type BookingSystem } from '../../shared/domain.js';

/**
 * What a guichet's calendar holds, relative to "today" (Europe/Paris). Days are working days (Monday–Friday)
 * from D0, the first working day after today, so that every shape holds whatever the day of the test:
 * - `none`: nothing free, the site says so (step 2);
 * - `two_first_week`: two slots on D0 (same calendar week) → « au moins deux dates sous un mois »;
 * - `one_then_later`: one slot on D0, the next one five weeks later → « une seule date possible sous un mois »;
 * - `single_only`: one slot within the first two weeks and nothing else for months;
 * - `beyond_one_month`: first slot 45–47 days ahead → « première date entre un et deux mois »;
 * - `beyond_two_months`: first slot 75–77 days ahead → « première date au-delà de deux mois ».
 */
export type SlotShape =
  | 'none'
  | 'two_first_week'
  | 'one_then_later'
  | 'single_only'
  | 'beyond_one_month'
  | 'beyond_two_months';

/**
 * How a form answers: `booking` is the normal module; the others are the failures seen on real sites.
 * `slow` is a normal booking form whose first page answers after the server's configured delay.
 * `unknown_layout` accepts the conditions, then shows a page the robot cannot understand (HTTP 200).
 * `captcha` puts a captcha before the conditions (not seen on this module so far, kept for the classification).
 * `calendar_502` answers every week-table call with a 502 (the page then shows its loading error);
 * `calendar_502_later` serves the weeks up to the one of the first free slot, then 502s (SITES.md §1: bursts of
 * requests get 502 answers).
 */
export type FormKind =
  | 'booking'
  | 'slow'
  | 'bad_gateway'
  | 'maintenance'
  | 'unknown_layout'
  | 'captcha'
  | 'calendar_502'
  | 'calendar_502_later';

export interface ReplicaGuichet {
  /** The radio's value, `planning<N>` being its id. */
  value: string;
  label: string;
  shape: SlotShape;
  /** Short demo label of the planning, e.g. "Bobigny — titre de séjour, première demande". */
  planningLabel: string;
  procedure: string;
  /**
   * A guichet whose answer changes from one visit to the next, as real ones do: each visit (session) takes the
   * shape of this list at the minute it starts, in turn. `shape` is then the first of the list.
   */
  varies?: readonly SlotShape[];
}

export interface ReplicaForm {
  id: string;
  kind: FormKind;
  departement: string;
  prefecture: string;
  /** Heading of the booking block, shown on every step. */
  title: string;
  /** Path the demo adds (some with the `/index.php` prefix, as real sites do). */
  path: string;
  onlineMandatory: boolean;
  /** One guichet: the form skips the choice (step 0 → 2 or 3). Several: step 1 lists them. */
  guichets: ReplicaGuichet[];
  /** Part of the demo catalogue (the error forms are for tests). */
  demo: boolean;
}

const TITRE = 'Titre de séjour';

function single(id: string, shape: SlotShape, planningLabel: string, procedure: string): ReplicaGuichet[] {
  return [{ value: id, label: planningLabel, shape, planningLabel, procedure }];
}

function varying(id: string, shapes: readonly [SlotShape, ...SlotShape[]], planningLabel: string, procedure: string): ReplicaGuichet[] {
  return [{ value: id, label: planningLabel, shape: shapes[0], varies: shapes, planningLabel, procedure }];
}

/** The shape a visit starting at `now` meets. */
export function shapeAt(guichet: ReplicaGuichet, now: Date): SlotShape {
  if (!guichet.varies || guichet.varies.length === 0) return guichet.shape;
  const minute = Math.floor(now.getTime() / 60_000);
  return guichet.varies[minute % guichet.varies.length] ?? guichet.shape;
}

/** Real ids of SITES.md §4 (users must check them before use), each given one shape; then test-only ids. */
export const LEGACY_FORMS: readonly ReplicaForm[] = [
  {
    id: '9829',
    kind: 'booking',
    departement: '93',
    prefecture: 'Préfecture de la Seine-Saint-Denis (Bobigny)',
    title: 'Bobigny - Demandes de titres de séjour',
    path: '/booking/create/9829/0',
    onlineMandatory: true,
    demo: true,
    guichets: [
      {
        value: '9830',
        label: 'Prendre un rendez-vous pour une première demande de titre de séjour',
        shape: 'none',
        planningLabel: 'Bobigny — titre de séjour, première demande',
        procedure: TITRE,
      },
      {
        value: '9831',
        label: 'Prendre un rendez-vous pour un renouvellement de titre de séjour',
        shape: 'beyond_two_months',
        planningLabel: 'Bobigny — titre de séjour, renouvellement',
        procedure: TITRE,
      },
      {
        value: '9832',
        label: 'Prendre un rendez-vous pour la remise d\'un titre de séjour',
        shape: 'two_first_week',
        planningLabel: 'Bobigny — remise de titre',
        procedure: 'Remise de titre',
      },
      {
        value: '9833',
        label: 'Prendre un rendez-vous pour un changement de statut étudiant - salarié',
        shape: 'one_then_later',
        planningLabel: 'Bobigny — changement de statut',
        procedure: TITRE,
      },
    ],
  },
  {
    id: '10317',
    kind: 'booking',
    departement: '93',
    prefecture: 'Sous-préfecture du Raincy',
    title: 'Le Raincy - Titres de séjour',
    path: '/booking/create/10317/0',
    onlineMandatory: true,
    demo: true,
    guichets: single('10317', 'beyond_one_month', 'Le Raincy — titre de séjour', TITRE),
  },
  {
    id: '50382',
    kind: 'booking',
    departement: '76',
    prefecture: 'Préfecture de la Seine-Maritime (Rouen)',
    title: 'Rouen - Première demande de titre de séjour',
    path: '/index.php/booking/create/50382/0',
    onlineMandatory: true,
    demo: true,
    guichets: single('50382', 'none', 'Rouen — premier titre de séjour', TITRE),
  },
  {
    id: '50389',
    kind: 'booking',
    departement: '76',
    prefecture: 'Préfecture de la Seine-Maritime (Rouen)',
    title: 'Rouen - Renouvellement de titre de séjour',
    path: '/index.php/booking/create/50389/0',
    onlineMandatory: true,
    demo: true,
    guichets: single('50389', 'single_only', 'Rouen — renouvellement de titre de séjour', TITRE),
  },
  {
    id: '12083',
    kind: 'booking',
    departement: '92',
    prefecture: 'Préfecture des Hauts-de-Seine (Nanterre)',
    title: 'Nanterre - Remise de titre de séjour',
    path: '/booking/create/12083/0',
    onlineMandatory: false,
    demo: true,
    guichets: single('12083', 'two_first_week', 'Nanterre — remise de titre', 'Remise de titre'),
  },
  {
    id: '13860',
    kind: 'booking',
    departement: '95',
    prefecture: "Préfecture du Val-d'Oise (Cergy)",
    title: 'Cergy - Renouvellement de titre de séjour',
    path: '/booking/create/13860/0',
    onlineMandatory: true,
    demo: true,
    guichets: single('13860', 'one_then_later', 'Cergy — renouvellement de titre de séjour', TITRE),
  },
  {
    id: '876',
    kind: 'booking',
    departement: '75',
    prefecture: 'Préfecture de police (Paris)',
    title: 'Préfecture de police - Admission exceptionnelle au séjour',
    path: '/booking/create/876/0',
    onlineMandatory: true,
    demo: true,
    guichets: [
      {
        value: '877',
        label: 'Admission exceptionnelle au séjour - vie privée et familiale',
        shape: 'none',
        planningLabel: 'Paris — admission exceptionnelle, vie privée et familiale',
        procedure: 'Admission exceptionnelle au séjour',
      },
      {
        value: '878',
        label: 'Admission exceptionnelle au séjour - salarié',
        shape: 'beyond_one_month',
        planningLabel: 'Paris — admission exceptionnelle, salarié',
        procedure: 'Admission exceptionnelle au séjour',
      },
    ],
  },
  {
    id: '30500',
    kind: 'booking',
    departement: '77',
    prefecture: 'Préfecture de Seine-et-Marne (Melun)',
    title: 'Melun - Admission exceptionnelle au séjour',
    path: '/booking/create/30500/0',
    onlineMandatory: true,
    demo: true,
    guichets: varying('30500', ['none', 'none', 'none', 'beyond_two_months', 'none', 'one_then_later'], 'Melun — admission exceptionnelle au séjour', 'Admission exceptionnelle au séjour'),
  },
  {
    id: '27623',
    kind: 'booking',
    departement: '67',
    prefecture: 'Préfecture du Bas-Rhin (Strasbourg)',
    title: 'Strasbourg - Titres de séjour',
    path: '/booking/create/27623/0',
    onlineMandatory: true,
    demo: true,
    guichets: varying('27623', ['two_first_week', 'single_only', 'beyond_one_month', 'none', 'beyond_two_months'], 'Strasbourg — titre de séjour', TITRE),
  },
  testForm('90502', 'bad_gateway', 'none'),
  testForm('90503', 'maintenance', 'none'),
  testForm('90200', 'unknown_layout', 'two_first_week'),
  testForm('90408', 'slow', 'two_first_week'),
  testForm('90429', 'captcha', 'two_first_week'),
  testForm('90520', 'calendar_502', 'two_first_week'),
  testForm('90521', 'calendar_502_later', 'one_then_later'),
];

function testForm(id: string, kind: FormKind, shape: SlotShape): ReplicaForm {
  return {
    id,
    kind,
    departement: '99',
    prefecture: 'Préfecture de test',
    title: `Formulaire de test ${id}`,
    path: `/booking/create/${id}/0`,
    onlineMandatory: false,
    demo: false,
    guichets: single(id, shape, `Test — ${kind}`, TITRE),
  };
}

export function legacyForm(id: string): ReplicaForm | undefined {
  return LEGACY_FORMS.find((form) => form.id === id);
}

/** The first form of a kind, e.g. `formOfKind('bad_gateway').path`. */
export function formOfKind(kind: FormKind): ReplicaForm {
  const form = LEGACY_FORMS.find((f) => f.kind === kind);
  if (!form) throw new Error(`no replica form of kind ${kind}`);
  return form;
}

/** The first booking form with a single guichet of that shape, or a guichet of a multi-guichet form. */
export function guichetOfShape(shape: SlotShape, multi = false): { form: ReplicaForm; guichet: ReplicaGuichet } {
  for (const form of LEGACY_FORMS) {
    if (form.kind !== 'booking' || (form.guichets.length > 1) !== multi) continue;
    const guichet = form.guichets.find((g) => g.shape === shape);
    if (guichet) return { form, guichet };
  }
  throw new Error(`no replica guichet of shape ${shape}`);
}

export interface DemoPlanning {
  /** Stable across runs, e.g. "legacy-9829-9830": the demo keeps a planning's history under it. */
  key: string;
  system: BookingSystem;
  departement: string;
  prefecture: string;
  label: string;
  procedure: string;
  /** Path on the replica server: resolve it against the server's origin. */
  path: string;
  /** Value of the guichet to choose; null when the form offers one. */
  guichet: string | null;
  guichetLabel: string | null;
  onlineMandatory: boolean;
}

/** One demo planning per guichet of the demo forms. */
export const LEGACY_DEMO_PLANNINGS: readonly DemoPlanning[] = LEGACY_FORMS.filter((f) => f.demo).flatMap((form) =>
  form.guichets.map((g) => {
    const several = form.guichets.length > 1;
    return {
      key: several ? `legacy-${form.id}-${g.value}` : `legacy-${form.id}`,
      system: 'legacy' as const,
      departement: form.departement,
      prefecture: form.prefecture,
      label: g.planningLabel,
      procedure: g.procedure,
      path: form.path,
      guichet: several ? g.value : null,
      guichetLabel: several ? g.label : null,
      onlineMandatory: form.onlineMandatory,
    };
  }),
);

function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5;
}

function workingDayOnOrAfter(day: DateTime): DateTime {
  let d = day.startOf('day');
  while (!isWorkingDay(d)) d = d.plus({ days: 1 });
  return d;
}

function at(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The free slots of a shape as seen on `now`, ascending, in Europe/Paris. */
export function slotsFor(shape: SlotShape, now: Date): DateTime[] {
  const today = DateTime.fromJSDate(now, { zone: PARIS }).startOf('day');
  const d0 = workingDayOnOrAfter(today.plus({ days: 1 }));
  switch (shape) {
    case 'none':
      return [];
    case 'two_first_week':
      return [at(d0, '09:30'), at(d0, '14:00')];
    case 'one_then_later':
      return [at(d0, '10:00'), at(workingDayOnOrAfter(d0.plus({ days: 35 })), '09:00')];
    case 'single_only':
      return [at(workingDayOnOrAfter(d0.plus({ days: 7 })), '11:00')];
    case 'beyond_one_month': {
      const day = workingDayOnOrAfter(today.plus({ days: 45 }));
      return [at(day, '09:00'), at(day, '09:30')];
    }
    case 'beyond_two_months': {
      const day = workingDayOnOrAfter(today.plus({ days: 75 }));
      return [at(day, '14:00'), at(workingDayOnOrAfter(day.plus({ days: 1 })), '09:00')];
    }
  }
}
