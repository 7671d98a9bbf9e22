// The one client the UI uses: the Electron preload's bridge when present, else the web host over HTTP.
import type {
  ApiEvent,
  ApiEvents,
  ApiInput,
  ApiMethod,
  ApiOutput,
  Bridge,
  ErrorCode,
} from '../../../electron/shared/api';
import { createHttpBridge } from './httpBridge';

/** An error envelope turned back into an exception; its message is meant for the user. */
export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input at fault, within the object the user edits (see ApiError). */
    readonly field: (string | number)[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

/** Methods whose input is `undefined` may be called without one. */
type InputArgs<K extends ApiMethod> = ApiInput<K> extends undefined ? [input?: undefined] : [input: ApiInput<K>];

export interface ApiClient {
  call<K extends ApiMethod>(method: K, ...args: InputArgs<K>): Promise<ApiOutput<K>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** True under Electron: files are saved by the main process, not downloaded. */
  readonly desktop: boolean;
}

export function createApiClient(bridge: Bridge, desktop: boolean): ApiClient {
  return {
    desktop,
    async call<K extends ApiMethod>(method: K, ...args: InputArgs<K>) {
      const envelope = await bridge.call(method, args[0]);
      if (!envelope.ok) throw new ApiClientError(envelope.error.code, envelope.error.message, envelope.error.field, envelope.error.params);
      return envelope.value;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The bridge of the window this UI runs in. */
export function connect(target: object = window): ApiClient {
  const preloaded = (target as { api?: Bridge }).api;
  return preloaded ? createApiClient(preloaded, true) : createApiClient(createHttpBridge(), false);
}

/** A short message for anything thrown by a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
