// A failure as the user reads it: one sentence in their language, the technical text folded away.
import { useTranslation } from 'react-i18next';
import type { ShownError } from '../errors';

export function ErrorNote({ error, id, className }: { error: ShownError; id?: string; className?: string }) {
  return (
    <div id={id} role="alert" className={className ? `error ${className}` : 'error'}>
      <p>{error.message}</p>
      {error.detail ? <TechnicalDetails text={error.detail} /> : null}
    </div>
  );
}

/** The core's or the browser's own words, for whoever helps the user: closed until asked for. */
export function TechnicalDetails({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <details className="technical">
      <summary>{t('technicalDetails')}</summary>
      <code>{text}</code>
    </details>
  );
}
