import { z } from 'zod';
import type { ApiInput, ApiMethod } from '../../shared/api.js';
import { BOOKING_SYSTEMS } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { stepsSpecSchema } from '../probe/index.js';

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
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois : AAAA-MM.');

const settingsPatch = z
  .object({
    language: z.enum(['fr', 'en']),
    browserPath: z.string().trim().min(1).nullable(),
    hostSpacingSeconds: z.number().int().min(0).max(3600),
    probeTimeoutSeconds: z.number().int().min(10).max(900),
    author: z.string().trim().max(200),
    schedulerEnabled: z.boolean(),
    tsaUrls: z.array(httpUrl).max(5),
  })
  .partial()
  .strict();

const none = z.undefined().or(z.null()).or(z.object({}).strict()).transform(() => undefined);

export const inputSchemas: { [K in ApiMethod]: z.ZodType<ApiInput<K>> } = {
  'app:info': none,
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
  'probes:list': z.object({ planningId: id, month: month.optional() }),
  'assisted:open': z.object({ planningId: id }),
  'assisted:close': z.object({ planningId: id }),
  'steps:try': z.object({ url: httpUrl, steps: stepsSpecSchema }),
  'settings:get': none,
  'settings:update': settingsPatch,
  'seals:create': none,
  'export:csv': z.object({ planningIds: z.array(id).optional(), path: z.string().min(1).optional() }),
};

/** Validates what enters from outside (IPC, HTTP, command line): unknown first, a typed value or a clear error. */
export function parseInput<K extends ApiMethod>(method: K, input: unknown): ApiInput<K> {
  const result = inputSchemas[method].safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const message = first?.message ?? 'Données invalides.';
  const at = first?.path ?? [];
  // A user-defined step is named by its number, as the form shows it.
  const stepIndex = at.findIndex((key, index) => key === 'steps' && typeof at[index + 1] === 'number');
  if (stepIndex >= 0) throw new AppError('invalid_input', `Étape ${Number(at[stepIndex + 1]) + 1} : ${message}`);
  const where = at.length > 0 ? ` (${at.join('.')})` : '';
  throw new AppError('invalid_input', `${message}${where}`);
}
