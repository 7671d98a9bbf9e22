import { useTranslation } from 'react-i18next';
import type { PlanningStatus } from '../board/status';
import { needsAttention } from '../board/status';

/** A planning's status in words; those that need someone are marked, not only coloured. */
export function StatusBadge({ status }: { status: PlanningStatus }) {
  const { t } = useTranslation();
  const text =
    status.kind === 'closed'
      ? status.days === null
        ? t('board.status.closedEver')
        : t('board.status.closed', { days: status.days })
      : t(`board.status.${status.kind}`);
  const attention = needsAttention(status);
  return (
    <span className={`status status-${status.kind}${attention ? ' attention' : ''}`}>
      {attention ? <span aria-hidden="true">⚠ </span> : null}
      {text}
    </span>
  );
}
