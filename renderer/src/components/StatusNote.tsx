/** The outcome of an action, read out by screen readers: an alert when it failed. */
export interface ActionStatus {
  text: string;
  error: boolean;
}

export function StatusNote({ status }: { status: ActionStatus | null }) {
  if (!status) return null;
  return (
    <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'ok'}>
      {status.text}
    </span>
  );
}
