// One day's probes, one at a time, over the page: the captioned screenshot with its time, outcome and dates;
// ← and → (or the buttons) go to the previous and next probe; Escape or « Fermer » gives focus back.
import { useTranslation } from 'react-i18next';
import type { Probe } from '../../../electron/shared/domain';
import { useApi } from '../api/context';
import { DEMO_TRIGGER_TAG } from '../board/demo';
import { screenshotUrl } from '../evidence';
import { formatLocalDate, formatLocalDateTime } from '../format';
import { useModalDialog } from './use-modal-dialog';
import { useEvidenceSource } from '../api/evidence-source';

export function ProbeViewer(props: { probes: readonly Probe[]; index: number; onIndex: (index: number) => void; onClose: () => void }) {
  const { probes, index, onIndex } = props;
  const { t } = useTranslation();
  const api = useApi();
  const dialog = useModalDialog(props.onClose);

  const probe = probes[index];
  const src = useEvidenceSource(probe ? screenshotUrl(probe, api.desktop) : null);
  if (!probe) return null;
  const go = (by: number) => {
    const next = index + by;
    if (next >= 0 && next < probes.length) onIndex(next);
  };
  const slots = [probe.firstSlot, probe.secondSlot].filter((slot): slot is string => slot !== null).map(formatLocalDateTime);
  const title = [
    t('screenshotOf', { when: `${formatLocalDate(probe.localDate)} ${probe.localTime.slice(0, 5)}` }),
    t(`outcomes.${probe.outcome}`),
    ...slots,
  ].join(' — ');

  return (
    <dialog
      ref={dialog}
      className="image-viewer probe-viewer"
      aria-labelledby="probe-viewer-title"
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') go(-1);
        else if (event.key === 'ArrowRight') go(1);
        else return;
        event.preventDefault();
      }}
    >
      <div className="image-viewer-head">
        <p id="probe-viewer-title">
          {title}
          {probe.trigger === DEMO_TRIGGER_TAG ? <span className="badge demo">{t('board.demoTag')}</span> : null}
        </p>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('close')}
        </button>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>
          {t('board.previous')}
        </button>
        <span aria-live="polite">{t('board.position', { n: index + 1, total: probes.length })}</span>
        <button type="button" onClick={() => go(1)} disabled={index === probes.length - 1}>
          {t('board.next')}
        </button>
        <span className="help">{t('board.keysHelp')}</span>
      </div>
      {src ? <img src={src} alt={title} /> : screenshotUrl(probe, api.desktop) ? null : <p>{probe.trigger === DEMO_TRIGGER_TAG ? t('board.synthetic') : t('board.noScreenshot')}</p>}
    </dialog>
  );
}
