// How long a gap lasted, from its instants: the demo's one-minute gap reads « 1 minute », never « 1 heure ».
import type { TFunction } from 'i18next';
import type { Gap } from '../../../electron/shared/domain';

export function gapDuration(t: TFunction, gap: Pick<Gap, 'from' | 'to'>): string {
  const minutes = Math.max(0, Math.round((Date.parse(gap.to) - Date.parse(gap.from)) / 60_000));
  if (minutes < 60 || minutes % 60 !== 0) return t('board.durationMinutes', { n: minutes });
  return t('board.durationHours', { n: minutes / 60 });
}
