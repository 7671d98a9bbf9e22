import type { ApiError, ErrorCode } from '../shared/api.js';

/** An error the user can act on: its message says what to do. Everything else is a bug, logged with its stack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Erreur interne : ${message}` };
}
