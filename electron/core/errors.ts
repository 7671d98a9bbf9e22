import type { ApiError, ErrorCode } from '../shared/api.js';
import type { CoreMessage } from '../shared/messages/index.js';
import { wordCore } from './messages.js';

/** Path of the input at fault within the object the person edits: `['url']`, `['steps', 2, 'selector']`. */
export type FieldPath = (string | number)[];

export interface AppErrorDetails {
  field?: FieldPath;
  /** What a UI needs to write the message in its own language (a maximum, a step number…). */
  params?: Record<string, string | number>;
  /** The message as a code and its parameters, for a screen to word in its language (the French is `message`). */
  coreMessage?: CoreMessage;
}

/**
 * An error the user can act on: its French message says what to do (the command line and the logs show it);
 * `code`, `field` and `params` let a UI say it in its own language, next to the input at fault. Everything else
 * is a bug, logged with its stack.
 */
export class AppError extends Error {
  readonly field: FieldPath | undefined;
  readonly params: Record<string, string | number> | undefined;
  readonly coreMessage: CoreMessage | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.field = details.field;
    this.params = details.params;
    this.coreMessage = details.coreMessage;
  }
}

/** An AppError said as a code of the core's catalogue: its French wording is the message. */
export function coreError(code: ErrorCode, message: CoreMessage, details: Omit<AppErrorDetails, 'coreMessage'> = {}): AppError {
  return new AppError(code, wordCore(message, 'fr'), { ...details, coreMessage: message });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.params ? { params: error.params } : {}),
      ...(error.coreMessage ? { coreMessage: error.coreMessage } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Erreur interne : ${message}` };
}
