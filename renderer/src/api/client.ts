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
  Envelope,
  ErrorCode,
  ImportResult,
} from '../../../electron/shared/api';
import type { CoreMessage } from '../../../electron/shared/messages/index';
import { createHttpBridge, type HttpBridge } from './http-bridge';

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
   * person cancelled. (In a browser the page calls `export:csv`, then downloads the file it wrote.)
   */
  saveCsv(planningIds?: string[], suggestedName?: string): Promise<CsvExportResult | null>;
  /** Desktop only: a folder or a file chosen in the system's dialog (null when cancelled or in a browser). */
  chooseFolder(): Promise<string | null>;
  chooseLogo(): Promise<string | null>;
  chooseImportFile(): Promise<string | null>;
  chooseBrowser(): Promise<string | null>;
  /** Desktop only: shows a file the core exported in the system's file manager (false in a browser). */
  showInFolder(file: string): Promise<boolean>;
  /**
   * Imports a file: on the desktop the path its dialog returned, in a browser the file the person picked, whose
   * bytes are uploaded (the web host takes no path).
   */
  importFile(file: string | File, options?: { association?: string; planningId?: string }): Promise<ImportResult>;
  /** Browser only: a file the web host wrote for one of this page's calls (`path` as the call answered). */
  download(path: string): Promise<Blob>;
  /**
   * An address the page can show a piece of evidence at (evidence.ts): under Electron the address itself; in a
   * browser a blob: address of the bytes fetched with the session (to revoke once shown).
   */
  evidenceSource(url: string): Promise<string>;
}

export function createApiClient(bridge: Bridge, desktop: boolean | DesktopBridge, web?: HttpBridge): ApiClient {
  async function call<K extends ApiMethod>(method: K, ...args: InputArgs<K>): Promise<ApiOutput<K>> {
    const envelope = await bridge.call(method, args[0]);
    if (!envelope.ok) {
      const { code, message, field, params, coreMessage } = envelope.error;
      throw new ApiClientError(code, message, field, params, coreMessage);
    }
    return envelope.value;
  }
  const dialogs = typeof desktop === 'object' ? desktop : null;
  const fromHost = async (path: string): Promise<Blob> => {
    if (!web) throw new Error('Only the web host serves files to the page.');
    const response = await web.get(path);
    if (response.ok) return response.blob();
    const envelope = (await response.json().catch(() => null)) as Envelope<never> | null;
    const error = envelope && !envelope.ok ? envelope.error : { code: 'internal' as const, message: `HTTP ${response.status}` };
    throw new ApiClientError(error.code, error.message, error.field, error.params);
  };
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
    chooseFolder: () => dialogs?.chooseFolderDialog() ?? Promise.resolve(null),
    chooseLogo: () => dialogs?.chooseLogoDialog() ?? Promise.resolve(null),
    chooseImportFile: () => dialogs?.chooseImportFileDialog() ?? Promise.resolve(null),
    chooseBrowser: () => dialogs?.chooseBrowserDialog() ?? Promise.resolve(null),
    showInFolder: (file) => dialogs?.showInFolder(file) ?? Promise.resolve(false),
    async importFile(file, options = {}) {
      if (typeof file === 'string') return call('import:file', { ...options, path: file });
      if (!web) throw new Error('importFile: the desktop imports the file its dialog returned.');
      const envelope = await web.upload('import:file', options, file, file.name);
      if (!envelope.ok) {
        const { code, message, field, params } = envelope.error;
        throw new ApiClientError(code, message, field, params);
      }
      return envelope.value;
    },
    download: (path) => fromHost(`/api/download?${new URLSearchParams({ path }).toString()}`),
    async evidenceSource(url) {
      if (!web || url.startsWith('data:') || url.startsWith('blob:')) return url;
      return URL.createObjectURL(await fromHost(`/${url.replace(/^\.?\//, '')}`));
    },
  };
}

/** The bridge of the window this UI runs in. */
export function connect(target: object = window): ApiClient {
  const { api, desktop } = target as { api?: Bridge; desktop?: DesktopBridge };
  if (api) return createApiClient(api, desktop ?? true);
  const web = createHttpBridge();
  return createApiClient(web, false, web);
}

/** A short message for anything thrown by a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
