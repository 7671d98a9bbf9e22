// The period of a dossier de preuves as the dialog offers it: by default the three whole months before the current
// one (the core's default, sent explicitly so that what the dialog says is what the dossier covers), or any period
// that ends today at the latest.
import type { LocalDate } from '../../../electron/shared/domain';

const iso = (date: Date): LocalDate => date.toISOString().slice(0, 10);

/** The three whole months before `today`'s: 2026-12-05 → 2026-09-01 … 2026-11-30. */
export function wholeMonths(today: LocalDate): { from: LocalDate; to: LocalDate } {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  return { from: iso(new Date(Date.UTC(year, month - 4, 1))), to: iso(new Date(Date.UTC(year, month - 1, 0))) };
}

export type PeriodProblem = 'from' | 'to' | 'order' | 'future';

/** What is wrong with a period typed in the dialog, by field; empty when it can be sent. */
export function periodProblems(from: string, to: string, today: LocalDate): { field: 'from' | 'to'; problem: PeriodProblem }[] {
  const valid = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  const problems: { field: 'from' | 'to'; problem: PeriodProblem }[] = [];
  if (!valid(from)) problems.push({ field: 'from', problem: 'from' });
  if (!valid(to)) problems.push({ field: 'to', problem: 'to' });
  else if (to > today) problems.push({ field: 'to', problem: 'future' });
  else if (valid(from) && to < from) problems.push({ field: 'to', problem: 'order' });
  return problems;
}
