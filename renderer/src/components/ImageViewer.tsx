import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './use-modal-dialog';

/** A screenshot shown full size over the page; Escape or « Fermer » closes it and gives focus back. */
export function ImageViewer(props: { src: string; title: string; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const dialog = useModalDialog(props.onClose);
  const titleId = useId();

  return (
    <dialog ref={dialog} className="image-viewer" aria-labelledby={titleId}>
      <div className="image-viewer-head">
        <p id={titleId}>{props.title}</p>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('close')}
        </button>
      </div>
      {props.children}
      <img src={props.src} alt={props.title} />
    </dialog>
  );
}

/** A small screenshot that opens full size when clicked. */
export function Thumbnail({ src, title }: { src: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="thumbnail" onClick={() => setOpen(true)} aria-label={t('enlarge', { name: title })}>
        <img src={src} alt={title} />
      </button>
      {open ? <ImageViewer src={src} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
