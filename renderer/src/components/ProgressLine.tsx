// A long job's bar and the line the core tells about it (its stage, how far, when it should end), as the dossier
// and the check of the evidence show it.
import { useTranslation } from 'react-i18next';
import type { CoreMessage } from '../../../electron/shared/messages/index';
import { wordMessage } from '../errors';

interface Props {
  /** What the bar measures, for screen readers. */
  label: string;
  progress: { done: number; total: number; message: CoreMessage } | null;
  /** The line until the core tells the first stage. */
  waiting: string;
}

export function ProgressLine({ label, progress, waiting }: Props) {
  const { t } = useTranslation();
  const known = progress !== null && progress.total > 0;
  return (
    <p>
      <progress aria-label={label} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />{' '}
      {progress ? wordMessage(t, progress.message) : waiting}
    </p>
  );
}
