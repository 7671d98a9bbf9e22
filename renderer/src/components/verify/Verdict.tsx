// The verdict of a check: « Tout est intact » with what was checked, or each problem worded from its code; what the
// person should know besides (a restore acknowledged on this PC…) as information; the restore offered when the only
// problems are seals this PC remembers and the folder lost.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyRunResult } from '../../../../electron/shared/api';
import { useApi } from '../../api/context';
import { wordMessage } from '../../errors';
import { formatInstant } from '../../format';

/** A folder badly damaged can have thousands of problems: the first ones on screen, the command line gives them all. */
const SHOWN = 200;

export function Verdict({ result, planningLabel, onRestore }: { result: VerifyRunResult; planningLabel: string | null; onRestore: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The verdict takes the focus when it comes: a screen reader reads it, the keyboard goes on from there.
  useEffect(() => heading.current?.focus(), [result]);

  const reserved = result.unproven > 0 || result.late > 0;
  const title = !result.ok ? t('verifyPage.altered', { count: result.problems.length }) : reserved ? t('verifyPage.reserved') : t('verifyPage.intact');
  return (
    <section aria-labelledby={`${id}-verdict`} className={result.ok ? 'verdict verdict-intact' : 'verdict verdict-altered'}>
      <h3 id={`${id}-verdict`} ref={heading} tabIndex={-1}>
        {result.ok ? '✓ ' : '✗ '}
        {title}
      </h3>
      <p>
        {t('verifyPage.figures', {
          probes: result.checkedProbes,
          planning: planningLabel ?? 'none',
          seals: result.seals,
          timestamps: result.timestamps,
          at: formatInstant(result.at),
        })}
      </p>
      {result.unproven > 0 ? <p>{t('verifyPage.unproven', { count: result.unproven })}</p> : null}
      {result.late > 0 ? <p>{t('verifyPage.late', { count: result.late })}</p> : null}
      {result.problems.length > 0 ? (
        <>
          <h4>{t('verifyPage.problems')}</h4>
          <ul className="verify-problems">
            {result.problems.slice(0, SHOWN).map((problem, index) => (
              <li key={index}>{wordMessage(t, problem.said)}</li>
            ))}
          </ul>
          {result.problems.length > SHOWN ? <p>{t('verifyPage.more', { count: result.problems.length - SHOWN })}</p> : null}
        </>
      ) : null}
      {result.restorable ? (
        <div className="verify-restore">
          <p>{t('verifyPage.restoreOffer')}</p>
          {api.desktop ? (
            <button type="button" onClick={onRestore}>
              {t('verifyPage.restoreAction')}
            </button>
          ) : (
            <p className="help">{t('verifyPage.restoreWeb')}</p>
          )}
        </div>
      ) : null}
      {result.notes.length > 0 ? (
        <>
          <h4>{t('verifyPage.notes')}</h4>
          <ul className="verify-notes">
            {result.notes.map((note, index) => (
              <li key={index}>{wordMessage(t, note)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
