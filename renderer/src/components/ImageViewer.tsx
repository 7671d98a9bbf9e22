import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './use-modal-dialog';
import { useEvidenceSource } from '../api/evidence-source';

/** A screenshot shown full size over the page; Escape or « Fermer » closes it and gives focus back. */
export function ImageViewer(props: { src: string; title: string; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const dialog = useModalDialog(props.onClose);
  const titleId = useId();
  const src = useEvidenceSource(props.src);

  return (
    <dialog ref={dialog} className="image-viewer" aria-labelledby={titleId}>
      <div className="image-viewer-head">
        <p id={titleId}>{props.title}</p>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('close')}
        </button>
      </div>
      {props.children}
      {src ? <img src={src} alt={props.title} /> : null}
    </dialog>
  );
}

/** A small screenshot that opens full size when clicked. */
export function Thumbnail({ src, title }: { src: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = useEvidenceSource(src);
  return (
    <>
      <button type="button" className="thumbnail" onClick={() => setOpen(true)} aria-label={t('enlarge', { name: title })}>
        {shown ? <img src={shown} alt={title} /> : null}
      </button>
      {open ? <ImageViewer src={src} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
