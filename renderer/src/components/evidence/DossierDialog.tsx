import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierProgress, DossierResult } from '../../../../electron/shared/api';
import { useApi } from '../../api/context';
import { ApiClientError } from '../../api/client';
import { newJobId } from '../../api/job-id';
import { periodProblems, wholeMonths, type PeriodProblem } from '../../board/dossier-period';
import { describeError, wordMessage } from '../../errors';
import { downloadBlob, splitPath } from '../../export-files';
import { todayInParis } from '../../format';
import { href } from '../../router';
import { ProgressLine } from '../ProgressLine';
import { useModalDialog } from '../use-modal-dialog';
import { Written } from './DossierWritten';

export interface DossierPlanning {
  id: string;
  label: string;
}

type Field = 'association' | 'plannings' | 'from' | 'to';
type Outcome = { kind: 'written'; result: DossierResult } | { kind: 'cancelled' | 'failed'; text: string };

/**
 * The dossier de preuves in a small dialog: the plannings, the period (the three whole months by default, said in
 * words), the association's name when the settings have none (required, as for the PNG). Progress and outcome sit
 * below the buttons, which never move; at the end, the downloads (web page) or « Ouvrir le dossier » (desktop).
 */
export function DossierDialog({ plannings, onClose }: { plannings: DossierPlanning[]; onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const locale = t('locale');
  const today = todayInParis();
  const whole = wholeMonths(today);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(plannings.map((planning) => planning.id)));
  const [kind, setKind] = useState<'whole' | 'other'>('whole');
  const [from, setFrom] = useState(whole.from);
  const [to, setTo] = useState(today);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [association, setAssociation] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<DossierProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const current = useRef<string | null>(null);
  /** Cancel pressed before the dossier was asked for (while the association's name is saved). */
  const cancelAsked = useRef(false);
  const dialog = useModalDialog(() => {
    // Closing (Escape, « Fermer ») while it is written cancels it: nothing is left half made.
    if (current.current) void api.call('dossier:cancel', { jobId: current.current });
    onClose();
  });

  useEffect(() => {
    let live = true;
    api.call('settings:get').then(
      (settings) => live && setSavedName(settings.associationName.trim()),
      () => live && setSavedName(''),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(
    () =>
      api.on('dossier:progress', (event) => {
        if (event.jobId === current.current) setProgress(event);
      }),
    [api],
  );

  const long = (date: string) => dayWords(date, locale);
  const periodWords = (period: { from: string; to: string }) => t('evidence.dossierDialog.periodText', { from: long(period.from), to: long(period.to) });

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (savedName === '' && !association.trim()) found.association = t('evidence.dossierDialog.errors.association');
    if (chosen.size === 0) found.plannings = t('evidence.dossierDialog.errors.plannings');
    if (kind === 'other') {
      const words = (problem: PeriodProblem) => t(`evidence.dossierDialog.errors.${problem}`, { today: long(today) });
      for (const { field, problem } of periodProblems(from, to, today)) found[field] = words(problem);
    }
    return found;
  };

  const create = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    setOutcome(null);
    const first = (['association', 'plannings', 'from', 'to'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const job = newJobId();
    cancelAsked.current = false;
    current.current = job;
    setJobId(job);
    setProgress(null);
    try {
      if (savedName === '') {
        await api.call('settings:update', { associationName: association.trim() });
        setSavedName(association.trim());
      }
      // Read again after the await: Cancel may have been pressed meanwhile.
      if (asked(cancelAsked)) {
        setOutcome({ kind: 'cancelled', text: wordMessage(t, { code: 'progress.dossier_cancelled' }) });
        return;
      }
      const period = kind === 'whole' ? whole : { from, to };
      const result = await api.call('dossier:create', { planningIds: plannings.map((p) => p.id).filter((p) => chosen.has(p)), ...period, jobId: job });
      setOutcome({ kind: 'written', result });
    } catch (error) {
      const cancelled = error instanceof ApiClientError && error.coreMessage?.code === 'progress.dossier_cancelled';
      setOutcome({ kind: cancelled ? 'cancelled' : 'failed', text: describeError(error, t).message });
    } finally {
      current.current = null;
      setJobId(null);
    }
  };

  const download = async (file: string) => {
    try {
      downloadBlob(await api.download(file), splitPath(file).file);
    } catch (error) {
      setOutcome({ kind: 'failed', text: describeError(error, t).message });
    }
  };

  const invalid = (field: Field) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const fieldError = (field: Field) =>
    problems[field] ? (
      <p id={`${id}-${field}-error`} className="error field-error">
        {problems[field]}
      </p>
    ) : null;
  const busy = jobId !== null;

  return (
    <dialog ref={dialog} className="dossier-dialog" aria-labelledby={`${id}-title`}>
      <form onSubmit={(event) => void create(event)} noValidate>
        <h2 id={`${id}-title`}>{t('evidence.dossierDialog.title')}</h2>
        <p className="help">
          {t('evidence.dossierDialog.intro')} <a href={href({ page: 'method', section: 'dossier' })}>{t('evidence.dossierDialog.howChecked')}</a>
        </p>
        <fieldset className="field" disabled={busy}>
          <legend>
            {t('evidence.dossierDialog.plannings')} ({t('evidence.dossierDialog.planningsCount', { count: chosen.size })})
          </legend>
          <div className="dossier-plannings" id={`${id}-plannings`} tabIndex={-1}>
            {plannings.map((planning) => (
              <div key={planning.id} className="checkbox">
                <input
                  id={`${id}-p-${planning.id}`}
                  type="checkbox"
                  checked={chosen.has(planning.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(planning.id);
                    else next.delete(planning.id);
                    setChosen(next);
                  }}
                />
                <label htmlFor={`${id}-p-${planning.id}`}>{planning.label}</label>
              </div>
            ))}
          </div>
          {fieldError('plannings')}
        </fieldset>
        <fieldset className="field" disabled={busy}>
          <legend>{t('evidence.dossierDialog.period')}</legend>
          <div className="radio">
            <input id={`${id}-whole`} type="radio" name={`${id}-period`} checked={kind === 'whole'} onChange={() => setKind('whole')} aria-describedby={`${id}-whole-why`} />
            <label htmlFor={`${id}-whole`}>{t('evidence.dossierDialog.periodDefault', { period: periodWords(whole) })}</label>
            <p id={`${id}-whole-why`} className="help">
              {t('evidence.dossierDialog.periodDefaultWhy')}
            </p>
          </div>
          <div className="radio">
            <input id={`${id}-other`} type="radio" name={`${id}-period`} checked={kind === 'other'} onChange={() => setKind('other')} />
            <label htmlFor={`${id}-other`}>{t('evidence.dossierDialog.periodOther')}</label>
          </div>
          {kind === 'other' ? (
            <div className="dossier-dates">
              {(['from', 'to'] as const).map((field) => (
                <div key={field} className="field">
                  <label htmlFor={`${id}-${field}`}>{t(`evidence.dossierDialog.${field}`)}</label>
                  <input
                    id={`${id}-${field}`}
                    type="date"
                    max={today}
                    value={field === 'from' ? from : to}
                    onChange={(e) => (field === 'from' ? setFrom : setTo)(e.target.value)}
                    {...invalid(field)}
                  />
                  {fieldError(field)}
                </div>
              ))}
            </div>
          ) : null}
        </fieldset>
        {savedName === '' ? (
          <div className="field">
            <label htmlFor={`${id}-association`}>{t('evidence.dossierDialog.association')}</label>
            <input
              id={`${id}-association`}
              type="text"
              value={association}
              disabled={busy}
              onChange={(e) => setAssociation(e.target.value)}
              {...invalid('association')}
              aria-describedby={[problems.association ? `${id}-association-error` : '', `${id}-association-help`].join(' ').trim()}
            />
            {fieldError('association')}
            <p id={`${id}-association-help`} className="help">
              {t('evidence.dossierDialog.associationHelp')}
            </p>
          </div>
        ) : savedName ? (
          <p>
            {t('evidence.dossierDialog.associationFrom', { name: savedName })} (<a href={href({ page: 'settings' })}>{t('evidence.dossierDialog.associationChange')}</a>)
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" disabled={busy || savedName === null}>
            {t('evidence.dossierDialog.create')}
          </button>
          {busy ? (
            <button
              type="button"
              onClick={() => {
                cancelAsked.current = true;
                void api.call('dossier:cancel', { jobId });
              }}
            >
              {t('evidence.cancel')}
            </button>
          ) : (
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('evidence.dossierDialog.close')}
            </button>
          )}
        </div>
        <div className="dossier-outcome" role="status">
          {busy ? (
            <ProgressLine label={t('evidence.dossierProgress')} progress={progress} waiting="" />
          ) : outcome?.kind === 'written' ? (
            <Written result={outcome.result} onDownload={(file) => void download(file)} />
          ) : outcome ? (
            <p className={outcome.kind === 'failed' ? 'error' : undefined}>{outcome.text}</p>
          ) : null}
        </div>
      </form>
    </dialog>
  );
}

/** A ref's value now (not as the type checker narrowed it before an await). */
const asked = (ref: { current: boolean }): boolean => ref.current;

/** « 1er septembre 2026 », « 1 September 2026 ». */
function dayWords(date: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(new Date(`${date}T12:00:00Z`));
  return parts.map((part) => (locale.startsWith('fr') && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}
