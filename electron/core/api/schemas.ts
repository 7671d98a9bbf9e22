import { z } from 'zod';
import { ALERT_KINDS, type ApiInput, type ApiMethod } from '../../shared/api.js';
import { BOOKING_SYSTEMS } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { stepsSpecSchema } from '../probe/index.js';
import { MAX_PARALLEL_PROBES } from '../schedule/index.js';

const text = (what: string, max = 300) =>
  z.string({ error: `${what} : texte attendu.` }).trim().min(1, `${what} : à remplir.`).max(max, `${what} : trop long.`);

const httpUrl = z
  .string({ error: 'Adresse : texte attendu.' })
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Adresse : donnez l’adresse complète de la page de rendez-vous, commençant par https://');

const departement = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2[AaBb]|97[1-8]|98[4-9])$/, 'Département : un code comme « 93 », « 2A » ou « 971 ».')
  .transform((code) => code.toUpperCase());

const planningInput = z.object({
  label: text('Intitulé'),
  departement,
  prefecture: text('Préfecture'),
  url: httpUrl,
  system: z.enum(BOOKING_SYSTEMS).optional(),
  guichet: z.string().trim().min(1).nullable(),
  guichetLabel: z.string().trim().nullable().optional(),
  procedure: z.string().trim().max(300),
  onlineMandatory: z.boolean(),
  followed: z.boolean().optional(),
  steps: stepsSpecSchema.nullable().optional(),
});

const id = z.string().trim().min(1, 'Identifiant manquant.').max(100);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date : AAAA-MM-JJ.');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois : AAAA-MM.');
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Jour : AAAA-MM-JJ.');

const settingsPatch = z
  .object({
    language: z.enum(['fr', 'en']),
    browserPath: z.string().trim().min(1).nullable(),
    hostSpacingSeconds: z.number().int().min(0).max(3600),
    probeTimeoutSeconds: z.number().int().min(20).max(300),
    maxParallelProbes: z.number().int().min(0).max(MAX_PARALLEL_PROBES),
    evidenceBudgetGb: z.number().int().min(0).max(1_000_000),
    author: z.string().trim().max(200),
    schedulerEnabled: z.boolean(),
    tsaUrls: z.array(httpUrl).max(5),
    associationName: z.string().trim().max(200),
    associationContact: z.string().trim().max(300),
    associationLogo: z.string().trim().min(1).max(1000).nullable(),
    alertsMuted: z.record(z.string().max(128), z.array(z.enum(ALERT_KINDS))),
    activeHours: z
      .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
      .refine((hours) => hours.from < hours.to, 'Heures actives : l’heure de début doit précéder l’heure de fin.'),
    activeDays: z.array(z.number().int().min(1).max(7)).min(1, 'Jours actifs : cochez au moins un jour.').max(7),
    notifications: z.boolean(),
    backupDir: z.string().trim().min(1).max(1000).nullable(),
  })
  .partial()
  .strict();

const none = z.undefined().or(z.null()).or(z.object({}).strict()).transform(() => undefined);

export const inputSchemas: { [K in ApiMethod]: z.ZodType<ApiInput<K>> } = {
  'app:info': none,
  'app:moveDataFolder': z.object({ to: text('Nouveau dossier', 1000) }).strict(),
  'plannings:list': none,
  'plannings:get': z.object({ id }),
  'plannings:create': planningInput,
  'plannings:update': z.object({
    id,
    changes: planningInput.partial().extend({ followed: z.boolean().optional(), stopped: z.boolean().optional() }),
  }),
  'plannings:remove': z.object({ id }),
  'plannings:discover': z.object({ url: httpUrl }),
  'probes:runNow': z.object({ planningId: id }),
  'probes:probeUrl': z.object({ url: httpUrl, guichet: z.string().trim().min(1).max(300).nullable().optional() }).strict(),
  'probes:list': z.object({ planningId: id, month: month.optional(), day: day.optional() }),
  'probes:recent': z.object({ planningIds: z.array(id).max(100) }),
  'gaps:list': z.object({ planningId: id, month }),
  'assisted:open': z.object({ planningId: id }),
  'assisted:close': z.object({ planningId: id }),
  'steps:try': z.object({ url: httpUrl, steps: stepsSpecSchema }),
  'settings:get': none,
  'settings:update': settingsPatch,
  'settings:testBrowser': z.object({ path: z.string().trim().min(1).nullable() }),
  'seals:list': none,
  'seals:create': none,
  'seals:rotateKey': none,
  'seals:roots': none,
  'seals:addRoot': z.object({ pem: z.string({ error: 'Racine : texte PEM attendu.' }).min(1, 'Racine : donnez le certificat (PEM).').max(100_000, 'Racine : fichier trop long pour un certificat.') }).strict(),
  'seals:removeRoot': z.object({ sha256: z.string().trim().min(1, 'Empreinte : à remplir.').max(200) }).strict(),
  'export:csv': z.object({ planningIds: z.array(id).optional(), path: z.string().min(1).optional() }),
  'export:chartPng': z.object({ planningId: id, lang: z.enum(['fr', 'en']).optional(), path: z.string().min(1).optional() }),
  'dossier:create': z.object({
    planningIds: z.array(id).min(1, 'Choisissez au moins un planning.'),
    from: localDate.optional(),
    to: localDate.optional(),
    path: z.string().min(1).optional(),
    jobId: z.string().min(1).max(100).optional(),
  }),
  'dossier:cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'publish:site': z.object({ path: z.string().min(1).optional() }),
  'import:file': z.object({
    path: z.string().trim().min(1, 'Fichier à importer : donnez son chemin.'),
    planningId: id.optional(),
    association: z.string().trim().max(200).optional(),
    name: z.string().trim().min(1).max(255).optional(),
  }),
  'alerts:list': none,
  'alerts:markSeen': z.object({ id: z.string().min(1).max(300) }),
  'backup:run': z.object({ path: text('Dossier de sauvegarde', 1000).optional() }).strict(),
  'backup:status': none,
  'verify:run': z.object({ planningId: id.optional(), jobId: z.string().min(1).max(100).optional() }).strict(),
  'verify:cancel': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  'verify:acceptRestore': z.object({ confirm: z.boolean().optional() }).strict(),
};

/** The French words for what a value should be, when the schema gives no message of its own. */
const EXPECTED: Record<string, string> = {
  string: 'texte attendu',
  number: 'nombre attendu',
  boolean: 'oui ou non attendu',
  array: 'liste attendue',
  object: 'objet attendu',
};

/** Fallback for the checks without a message of their own: names the field, in French. */
const fallbackMessage: z.core.$ZodErrorMap = (issue) => {
  const where = (issue.path ?? []).filter((key) => typeof key !== 'symbol').join('.');
  const prefix = where ? `« ${where} » : ` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${prefix}${EXPECTED[issue.expected] ?? 'valeur invalide'}.`;
    case 'invalid_value':
      return `${prefix}une de ces valeurs : ${issue.values.map(String).join(', ')}.`;
    case 'too_small':
      return `${prefix}au moins ${String(issue.minimum)}.`;
    case 'too_big':
      return `${prefix}au plus ${String(issue.maximum)}.`;
    case 'unrecognized_keys':
      return `${prefix}champ inconnu : ${issue.keys.join(', ')}.`;
    default:
      return `${prefix}valeur invalide.`;
  }
};

/**
 * Where the fault is, within the object the person edits: `plannings:update`'s `changes` is the planning being
 * edited, and a user-defined step is `['steps', N, …]` whether it sits in a planning or is tried alone.
 */
export function fieldOf(method: ApiMethod, path: readonly PropertyKey[]): (string | number)[] {
  let field = path.filter((key): key is string | number => typeof key !== 'symbol');
  if (method === 'plannings:update' && field[0] === 'changes') field = field.slice(1);
  if (field[0] === 'steps' && field[1] === 'steps') field = ['steps', ...field.slice(2)];
  return field;
}

/** What a UI needs beside the field to write the message itself: the rule broken, and its bound. */
function paramsOf(issue: z.core.$ZodIssue, field: (string | number)[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_small') {
    params.rule = issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : 'too_small';
    params.min = Number(issue.minimum);
  } else if (issue.code === 'too_big') {
    params.rule = 'too_big';
    params.max = Number(issue.maximum);
  } else if (issue.code === 'invalid_type') params.rule = 'type';
  else if (issue.code === 'invalid_value' || issue.code === 'invalid_union') params.rule = 'choice';
  else if (issue.code === 'unrecognized_keys') params.rule = 'unknown';
  else params.rule = 'format';
  if (field[0] === 'steps' && typeof field[1] === 'number') params.step = field[1] + 1;
  return params;
}

/**
 * Validates what enters from outside (IPC, HTTP, command line): unknown first, a typed value or a clear error,
 * `invalid_input` with the field at fault and the rule it broke.
 */
export function parseInput<K extends ApiMethod>(method: K, input: unknown): ApiInput<K> {
  const result = inputSchemas[method].safeParse(input, { error: fallbackMessage });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (!first) throw new AppError('invalid_input', 'Données invalides.');
  const field = fieldOf(method, first.path);
  const params = paramsOf(first, field);
  // A user-defined step is named by its number, as the form shows it.
  const message = typeof params.step === 'number' ? `Étape ${params.step} : ${first.message}` : first.message;
  throw new AppError('invalid_input', message, { field, params });
}
