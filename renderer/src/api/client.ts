// The one client the UI uses: the Electron preload's bridge when present, else the web host over HTTP.
import type {
  ApiEvent,
  ApiEvents,
  ApiInput,
  ApiMethod,
  ApiOutput,
  Bridge,
  CsvExportResult,
  DesktopBridge,
  ErrorCode,
} from '../../../electron/shared/api';
import type { CoreMessage } from '../../../electron/shared/messages/index';
import { createHttpBridge } from './http-bridge';

/**
 * An error envelope turned back into an exception. `message` is the core's French sentence; the UI writes its
 * own from `code` and `params` in the person's language, and places it by `field` (the path of the input at
 * fault within the object being edited: `['url']`, `['steps', 2, 'selector']`).
 */
export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input at fault, within the object the user edits (see ApiError). */
    readonly field: (string | number)[] = [],
    readonly params: Record<string, string | number> = {},
    /** The core's message as a code, worded in the person's language (errors.ts, wordMessage). */
    readonly coreMessage?: CoreMessage,
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
  /** True under Electron: files are saved where the person says, not downloaded. */
  readonly desktop: boolean;
  /**
   * Desktop only: asks where to save the raw data CSV, then writes it there through `export:csv`. Null when the
   * person cancelled. (In a browser the CSV is downloaded from `csvExportUrl`.)
   */
  saveCsv(planningIds?: string[], suggestedName?: string): Promise<CsvExportResult | null>;
  /** Desktop only: writes a chart where the person chose in the save dialog; its path, or null when cancelled. */
  savePng(suggestedName: string, png: Blob): Promise<string | null>;
  /** Desktop only: a folder or a file chosen in the system's dialog (null when cancelled or in a browser). */
  chooseFolder(): Promise<string | null>;
  chooseLogo(): Promise<string | null>;
}

export function createApiClient(bridge: Bridge, desktop: boolean | DesktopBridge): ApiClient {
  async function call<K extends ApiMethod>(method: K, ...args: InputArgs<K>): Promise<ApiOutput<K>> {
    const envelope = await bridge.call(method, args[0]);
    if (!envelope.ok) {
      const { code, message, field, params, coreMessage } = envelope.error;
      throw new ApiClientError(code, message, field, params, coreMessage);
    }
    return envelope.value;
  }
  const dialogs = typeof desktop === 'object' ? desktop : null;
  return {
    desktop: desktop !== false,
    call,
    on: (event, listener) => bridge.on(event, listener),
    async saveCsv(planningIds, suggestedName) {
      if (!dialogs) throw new Error('saveCsv: only the desktop app has a save dialog.');
      const target = await dialogs.saveCsvDialog(suggestedName);
      if (target === null) return null;
      return call('export:csv', { ...(planningIds ? { planningIds } : {}), path: target });
    },
    async savePng(suggestedName, png) {
      if (!dialogs) throw new Error('savePng: only the desktop app has a save dialog.');
      return dialogs.savePngDialog(suggestedName, new Uint8Array(await png.arrayBuffer()));
    },
    chooseFolder: () => dialogs?.chooseFolderDialog() ?? Promise.resolve(null),
    chooseLogo: () => dialogs?.chooseLogoDialog() ?? Promise.resolve(null),
  };
}

/** The bridge of the window this UI runs in. */
export function connect(target: object = window): ApiClient {
  const { api, desktop } = target as { api?: Bridge; desktop?: DesktopBridge };
  return api ? createApiClient(api, desktop ?? true) : createApiClient(createHttpBridge(), false);
}

/** A short message for anything thrown by a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
