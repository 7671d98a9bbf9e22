// Alerts: what a volunteer should look at now. A pure function of the recent probes, the disk and the
// seals, so that the rules are tested without a browser; the dashboard shows its lines and the desktop shell
// turns new ones into notifications.
import type { Alert, AlertKind } from '../../shared/api.js';
import type { Outcome, Planning, Probe } from '../../shared/domain.js';
import { coreMessage, type CoreMessage } from '../../shared/messages/index.js';
import { wordCore } from '../messages.js';
import { dateOf, frenchDate, parisDateTime, timeOf } from '../stats/index.js';

export interface AlertInput {
  now: Date;
  /** Followed plannings with their recent probes, newest first (a few days are enough). */
  plannings: { planning: Planning; recent: readonly Readonly<Probe>[] }[];
  /** Free bytes where the data folder is, and the least that should stay free. */
  disk: { freeBytes: number; minFreeBytes: number } | null;
  /** Bytes the evidence folder takes and the budget of the settings (`evidenceBudgetGb`); absent without a budget. */
  evidence?: { bytes: number; budgetBytes: number } | null;
  /** The newest seal's instant, when the data folder has seals at all. */
  newestSeal: Date | null;
  /**
   * The last good backup (null: none), and since when the data folder holds evidence worth one (its oldest
   * followed planning); absent: not known.
   */
  backup?: {
    lastGood: Date | null;
    dataSince: Date | null;
    /** The last backup was refused (the data folder contradicts its copy): said at once, whatever the date. */
    refused?: { at: Date; dest: string; file: string; why: string } | null;
  };
  /** Alerts turned off: planning id (or "" for the disk and seals) → kinds. */
  muted: Record<string, AlertKind[]>;
  /** Alerts the person marked « vu »: gone until their situation ends and another begins (a new id). */
  seen?: readonly string[];
}

const DAY_MS = 24 * 3_600_000;
/** Seals are made at least daily: two days without one means the sealing stopped. */
const SEAL_LATE_MS = 2 * DAY_MS;
/** Backups are daily: a week without a good one means none is being made. */
const BACKUP_LATE_MS = 7 * DAY_MS;
const FAILURES: readonly Outcome[] = ['site_error', 'unreachable', 'unrecognized', 'robot_error'];
export const FAILING_RUN = 3;

/** An alert with what it says: the code its readers word, and its French wording (`message`) for older ones. */
function alert(fields: Omit<Alert, 'said' | 'message'>, said: CoreMessage): Alert {
  return { ...fields, said, message: wordCore(said, 'fr') };
}

/** An instant as "20/12/2026 09:00", Paris time. */
function shownInstant(instant: string | Date): string {
  const { date, time } = parisDateTime(instant);
  return `${frenchDate(date)} ${time}`;
}

export const isMuted = (muted: AlertInput['muted'], key: string, kind: AlertKind): boolean => muted[key]?.includes(kind) ?? false;

/**
 * Dates offered again after a day or more without any. It lasts while the newest conclusive probe still offers
 * dates and its first date is still ahead: once a probe finds none, or that date has passed, its cause is gone.
 */
function datesBack(planning: Planning, recent: readonly Readonly<Probe>[], now: Date): Alert | null {
  const conclusive = recent.filter((probe) => probe.outcome === 'dates' || probe.outcome === 'no_date');
  const newest = conclusive[0];
  if (newest?.outcome !== 'dates') return null;
  const { date, time } = parisDateTime(now);
  if (newest.firstSlot !== null && newest.firstSlot < `${date}T${time}`) return null;
  // The streak of `dates` now, then the stretch of `no_date` before it.
  let index = 0;
  while (conclusive[index]?.outcome === 'dates') index += 1;
  const streakStart = conclusive[index - 1];
  const lastNoDate = conclusive[index];
  if (!streakStart || lastNoDate?.outcome !== 'no_date') return null;
  let firstNoDate = lastNoDate;
  while (conclusive[index]?.outcome === 'no_date') {
    firstNoDate = conclusive[index] ?? firstNoDate;
    index += 1;
  }
  const dryMs = Date.parse(streakStart.startedAt) - Date.parse(firstNoDate.startedAt);
  if (dryMs < DAY_MS) return null;
  const days = Math.floor(dryMs / DAY_MS);
  // The first date as the newest probe saw it: the one a person can still book.
  const firstSlot = newest.firstSlot ? `${frenchDate(dateOf(newest.firstSlot))} ${timeOf(newest.firstSlot)}` : 'none';
  return alert(
    {
      id: `dates_back:${planning.id}:${streakStart.id}`,
      kind: 'dates_back',
      planningId: planning.id,
      since: streakStart.startedAt,
      params: { planning: planning.label, since: streakStart.startedAt, days, firstSlot: newest.firstSlot ?? '' },
    },
    coreMessage('alert.dates_back', { planning: planning.label, since: shownInstant(streakStart.startedAt), days, firstSlot }),
  );
}

function failing(planning: Planning, recent: readonly Readonly<Probe>[]): Alert | null {
  let run = 0;
  while (run < recent.length && FAILURES.includes(recent[run]?.outcome ?? 'dates')) run += 1;
  const first = recent[run - 1];
  if (run < FAILING_RUN || !first) return null;
  const params = { planning: planning.label, count: run, outcome: recent[0]?.outcome ?? 'robot_error' };
  return alert({ id: `failing:${planning.id}:${first.id}`, kind: 'failing', planningId: planning.id, since: first.startedAt, params }, coreMessage('alert.failing', params));
}

/**
 * Whether the alerts of these probes (newest first) could change with older ones: a run of failures, or the
 * stretch of dates and then of no date that « dates again » measures, reaching the last of them. When not, they
 * are the alerts of any longer history with the same newest probes, and the older ones need not be read.
 */
export function needsOlder(recent: readonly Readonly<Probe>[]): boolean {
  if (recent.every((probe) => FAILURES.includes(probe.outcome))) return true;
  const conclusive = recent.filter((probe) => probe.outcome === 'dates' || probe.outcome === 'no_date');
  if (conclusive[0]?.outcome !== 'dates') return false;
  let index = 0;
  while (conclusive[index]?.outcome === 'dates') index += 1;
  while (conclusive[index]?.outcome === 'no_date') index += 1;
  return index === conclusive.length;
}

export function computeAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  for (const { planning, recent } of input.plannings) {
    if (!planning.followed || planning.stoppedAt) continue;
    const back = isMuted(input.muted, planning.id, 'dates_back') ? null : datesBack(planning, recent, input.now);
    if (back) alerts.push(back);
    const failed = isMuted(input.muted, planning.id, 'failing') ? null : failing(planning, recent);
    if (failed) alerts.push(failed);
  }
  if (input.disk && input.disk.freeBytes < input.disk.minFreeBytes && !isMuted(input.muted, '', 'disk')) {
    const params = { freeGb: Math.round((input.disk.freeBytes / 1024 ** 3) * 10) / 10 };
    alerts.push(alert({ id: 'disk:low', kind: 'disk', planningId: null, since: input.now.toISOString(), params }, coreMessage('alert.disk', params)));
  }
  const evidence = input.evidence;
  if (evidence && evidence.budgetBytes > 0 && evidence.bytes > evidence.budgetBytes && !isMuted(input.muted, '', 'disk')) {
    const params = { evidenceGb: Number((evidence.bytes / 1024 ** 3).toFixed(1)), budgetGb: Number((evidence.budgetBytes / 1024 ** 3).toFixed(1)) };
    alerts.push(alert({ id: 'disk:budget', kind: 'disk', planningId: null, since: input.now.toISOString(), params }, coreMessage('alert.budget', params)));
  }
  if (input.newestSeal && input.now.getTime() - input.newestSeal.getTime() > SEAL_LATE_MS && !isMuted(input.muted, '', 'seals')) {
    const since = input.newestSeal.toISOString();
    alerts.push(
      alert(
        { id: `seals:late:${since}`, kind: 'seals', planningId: null, since, params: { since } },
        coreMessage('alert.seals', { since: frenchDate(parisDateTime(since).date) }),
      ),
    );
  }
  const backup = backupAlert(input);
  if (backup) alerts.push(backup);
  const seen = new Set(input.seen ?? []);
  return alerts.filter((alert) => !seen.has(alert.id));
}

/** A week without a good backup (or a week of evidence never backed up): the evidence lives on one disk. */
function backupAlert(input: AlertInput): Alert | null {
  const backup = input.backup;
  if (!backup || isMuted(input.muted, '', 'backup')) return null;
  const refused = backup.refused;
  if (refused) {
    return alert(
      { id: `backup:refused:${refused.at.toISOString()}`, kind: 'backup', planningId: null, since: refused.at.toISOString(), params: { refused: refused.file, dest: refused.dest, why: refused.why } },
      coreMessage('backup.refused', { dest: refused.dest, file: refused.file, why: refused.why }),
    );
  }
  const since = backup.lastGood ?? backup.dataSince;
  if (!since || input.now.getTime() - since.getTime() <= BACKUP_LATE_MS) return null;
  return alert(
    {
      id: backup.lastGood ? `backup:late:${backup.lastGood.toISOString()}` : 'backup:never',
      kind: 'backup',
      planningId: null,
      since: since.toISOString(),
      params: backup.lastGood ? { since: backup.lastGood.toISOString() } : { never: 1 },
    },
    backup.lastGood ? coreMessage('backup.late', { since: frenchDate(parisDateTime(backup.lastGood).date) }) : coreMessage('backup.never'),
  );
}
