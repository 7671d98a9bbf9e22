// Validates user-defined steps where they enter (the planning form, the API), with messages a user can act on.
import { z } from 'zod';
import type { StepsSpec } from '../../../shared/domain.js';
import { AppError } from '../../errors.js';

const filled = (what: string) =>
  z.string({ error: `${what} : texte attendu.` }).trim().min(1, `${what} : à remplir.`).max(500, `${what} : trop long.`);

const optionalText = z.string({ error: 'Texte attendu.' }).trim().max(500, 'Trop long.').optional();

const httpUrl = filled('Adresse').refine((value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'Adresse : donnez une adresse complète commençant par https://');

const textOrSelector = <K extends 'click' | 'check'>(kind: K, verb: string) =>
  z
    .object({ kind: z.literal(kind), text: optionalText, selector: optionalText })
    .refine((step) => Boolean(step.text) || Boolean(step.selector), {
      error: `donnez le texte à ${verb} ou un sélecteur CSS.`,
    });

export const stepSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('goto'), url: httpUrl }),
    textOrSelector('click', 'cliquer'),
    textOrSelector('check', 'cocher'),
    z.object({ kind: z.literal('fill'), selector: filled('Sélecteur du champ'), value: z.string({ error: 'Valeur : texte attendu.' }) }),
    z.object({ kind: z.literal('select'), selector: filled('Sélecteur de la liste'), option: filled('Option à choisir') }),
    z.object({ kind: z.literal('waitForText'), text: filled('Texte attendu') }),
  ],
  { error: 'Type d’étape inconnu : aller à une adresse, cliquer, cocher, remplir, choisir une option ou attendre un texte.' },
);

export const stepsSpecSchema = z.object({
  steps: z
    .array(stepSchema, { error: 'Étapes : une liste est attendue.' })
    .min(1, 'Étapes : ajoutez au moins une étape.')
    .max(40, 'Étapes : 40 au plus.'),
  noSlotText: filled('Texte « aucun créneau »'),
  slotSelector: filled('Sélecteur des créneaux'),
  datePattern: z
    .string()
    .trim()
    .max(500, 'Motif de date : trop long.')
    .optional()
    .refine((pattern) => pattern === undefined || pattern === '' || compiles(pattern), {
      error: 'Motif de date : expression régulière invalide (vérifiez les parenthèses et les barres obliques inverses).',
    })
    .transform((pattern) => (pattern === '' ? undefined : pattern)),
});

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** A StepsSpec from untrusted input; throws AppError('invalid_input') naming the step and what to fix. */
export function parseStepsSpec(input: unknown): StepsSpec {
  const parsed = stepsSpecSchema.safeParse(input);
  if (parsed.success) {
    const { datePattern, ...rest } = parsed.data;
    return datePattern === undefined ? rest : { ...rest, datePattern };
  }
  const messages = parsed.error.issues.map((issue) => {
    const [first, index] = issue.path;
    return first === 'steps' && typeof index === 'number' ? `Étape ${index + 1} : ${issue.message}` : issue.message;
  });
  // The first fault's place within the spec, as the API gives it (`['steps', N, …]` for a step).
  const path = (parsed.error.issues[0]?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol');
  const [, index] = path;
  const params = path[0] === 'steps' && typeof index === 'number' ? { step: index + 1 } : undefined;
  throw new AppError('invalid_input', [...new Set(messages)].join(' '), { field: path, ...(params ? { params } : {}) });
}
