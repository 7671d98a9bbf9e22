import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A screenshot shown full size over the page; Escape or « Fermer » closes it and gives focus back. */
export function ImageViewer(props: { src: string; title: string; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose, so that the dialog opens once however often the parent renders.
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // A close event queued by an earlier cleanup (React's development double run) must not close it again.
    const closed = () => {
      if (!element.open) onClose.current();
    };
    element.showModal();
    element.addEventListener('close', closed);
    return () => {
      element.removeEventListener('close', closed);
      element.close();
    };
  }, []);

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
