import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modal once, whatever the parent re-renders; `onClose` (the latest one) runs when it closes
 * by Escape or by `ref.current.close()`, and focus goes back where it was.
 */
export function useModalDialog(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // A close event queued by an earlier cleanup (React's development double run) must not close it again.
    const closed = () => {
      if (!element.open) latest.current();
    };
    element.showModal();
    element.addEventListener('close', closed);
    return () => {
      element.removeEventListener('close', closed);
      element.close();
    };
  }, []);
  return dialog;
}
