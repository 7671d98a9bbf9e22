/** The outcome of an action, read out by screen readers: an alert when it failed, with what to do next. */
export interface ActionStatus {
  text: string;
  error: boolean;
  /** Where to fix it, when that is another page. */
  link?: { href: string; text: string };
  /** What to do next on this page (« Ouvrir le dossier » of a file just written). */
  action?: { text: string; run: () => void };
}

export function StatusNote({ status }: { status: ActionStatus | null }) {
  if (!status) return null;
  return (
    <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'ok'}>
      {status.text}
      {status.link ? (
        <>
          {' '}
          <a href={status.link.href}>{status.link.text}</a>
        </>
      ) : null}
      {status.action ? (
        <>
          {' '}
          <button type="button" onClick={status.action.run}>
            {status.action.text}
          </button>
        </>
      ) : null}
    </span>
  );
}
