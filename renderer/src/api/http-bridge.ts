// The web host's face of the contract: POST /api/<method> for calls, a stream of server-sent events for events,
// GET for what the host serves (a file it wrote for a call, a screenshot), each with the session's secret in a
// header (session.ts); an import is the file's bytes, posted.
import type { ApiEvent, ApiEvents, ApiInput, ApiMethod, ApiOutput, Bridge, Envelope } from '../../../electron/shared/api';
import { pageSession, type PageSession } from './session';

/** The events of the host, as EventSource delivers them (one MessageEvent per event, named after it). */
export interface EventStream extends EventTarget {
  close(): void;
}

export interface HttpBridgeOptions {
  /** Origin and path prefix of the web host; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  session?: PageSession;
  /** Opens the event stream; injectable so tests can run without a server. */
  openEvents?: (url: string) => EventStream;
}

export interface HttpBridge extends Bridge {
  /** A GET of something the host serves, with the session's secret. */
  get(path: string): Promise<Response>;
  /** Calls `method` with a file's bytes as its `upload` input (TRANSPORT_POLICY), the other inputs beside. */
  upload<K extends ApiMethod>(method: K, input: Partial<ApiInput<K>>, file: Blob, name: string): Promise<Envelope<ApiOutput<K>>>;
}

export function createHttpBridge(options: HttpBridgeOptions = {}): HttpBridge {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const session = options.session ?? pageSession(doFetch, baseUrl);
  const openEvents = options.openEvents ?? ((url: string) => fetchEventStream(url, () => session.headers(), doFetch));
  let source: EventStream | null = null;
  let listenerCount = 0;

  async function post(url: string, init: RequestInit): Promise<Envelope<never>> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, method: 'POST', headers: { ...(init.headers as Record<string, string>), ...(await session.headers()) } });
    } catch {
      return failure('internal', "Le service Guichets ne répond pas : vérifiez qu'il tourne toujours.");
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as Envelope<never>;
    } catch {
      return failure('internal', `Réponse inattendue du service Guichets (HTTP ${response.status}).`);
    }
  }

  return {
    call(method, input) {
      return post(`${baseUrl}/api/${encodeURIComponent(method)}`, {
        headers: { 'Content-Type': 'application/json' },
        // Methods without input send no body rather than "null", which is not "undefined" to a validator.
        body: input === undefined ? null : JSON.stringify(input),
      });
    },

    upload(method, input, file, name) {
      const query = new URLSearchParams({ input: JSON.stringify(input), name });
      return post(`${baseUrl}/api/${encodeURIComponent(method)}?${query.toString()}`, {
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
    },

    async get(path) {
      return doFetch(`${baseUrl}${path}`, { headers: await session.headers(), cache: 'no-store' });
    },

    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      // One shared stream for all listeners; closed when the last one leaves.
      source ??= openEvents(`${baseUrl}/api/events`);
      const stream = source;
      listenerCount += 1;
      const handle = (message: Event) => {
        const data = (message as MessageEvent<string>).data;
        listener(JSON.parse(data) as ApiEvents[E]);
      };
      stream.addEventListener(event, handle);
      return () => {
        stream.removeEventListener(event, handle);
        listenerCount -= 1;
        if (listenerCount === 0 && source === stream) {
          stream.close();
          source = null;
        }
      };
    },
  };
}

function failure(code: 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Server-sent events read with fetch, which can send the secret in a header (EventSource cannot, and a secret in
 * its address would be a bare link). Reconnects after a drop, as EventSource does, waiting longer each time.
 */
export function fetchEventStream(url: string, headers: () => Promise<Record<string, string>>, doFetch: typeof fetch): EventStream {
  const target = new EventTarget() as EventStream;
  const stop = new AbortController();
  const stopped = () => stop.signal.aborted;
  target.close = () => stop.abort();

  function dispatch(block: string): void {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) target.dispatchEvent(new MessageEvent(name, { data: data.join('\n') }));
  }

  async function read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.search(/\r?\n\r?\n/);
      while (end >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        end = buffer.search(/\r?\n\r?\n/);
      }
    }
  }

  async function run(): Promise<void> {
    let wait = 1_000;
    while (!stopped()) {
      try {
        const response = await doFetch(url, { headers: await headers(), signal: stop.signal, cache: 'no-store' });
        if (response.ok && response.body) {
          wait = 1_000;
          await read(response.body);
        } else {
          await response.body?.cancel();
        }
      } catch {
        // Dropped or refused: tried again below.
      }
      if (stopped()) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 30_000);
    }
  }

  void run();
  return target;
}
