// Names a long job (a dossier, a check of the evidence) for its cancellation: unique enough within one page's life.
export function newJobId(): string {
  return `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
