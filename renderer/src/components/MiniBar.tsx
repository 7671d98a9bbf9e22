// The three-month bar of one dashboard row: the same five colours and shares as the big bar, one line high.
import { useTranslation } from 'react-i18next';
import type { Bar } from '../../../electron/shared/stats';
import { CATEGORY_COLOURS, barAriaLabel, barShares } from '../shares';

export function MiniBar({ bar }: { bar: Bar }) {
  const { t } = useTranslation();
  if (bar.conclusive === 0) return <span className="mini-bar-empty">{t('board.noBar')}</span>;
  const label = barAriaLabel(bar, t);
  return (
    <div className="mini-bar" role="img" aria-label={label} title={label}>
      {barShares(bar)
        .filter((share) => share.attempts > 0)
        .map((share) => (
          <span key={share.category} style={{ width: `${share.fraction * 100}%`, background: CATEGORY_COLOURS[share.category] }} />
        ))}
    </div>
  );
}
