// The web host's face of the contract: POST /api/<method> for calls, Server-Sent Events for events.
import type { ApiEvent, ApiEvents, Bridge, Envelope } from '../../../electron/shared/api';

export interface HttpBridgeOptions {
  /** Origin and path prefix of the web host; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Opens the event stream; injectable so tests can run without a server. */
  openEvents?: (url: string) => EventSource;
}

export function createHttpBridge(options: HttpBridgeOptions = {}): Bridge {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));
  let source: EventSource | null = null;
  let listenerCount = 0;

  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          // The web host's session cookie (HttpOnly) goes with every call; without it the host answers 401.
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          // Methods without input send no body rather than "null", which is not "undefined" to a validator.
          body: input === undefined ? null : JSON.stringify(input),
        });
      } catch {
        return failure('internal', "Le service Guichets ne répond pas : vérifiez qu'il tourne toujours.");
      }
      const text = await response.text();
      try {
        return JSON.parse(text) as Envelope<never>;
      } catch {
        return failure('internal', `Réponse inattendue du service Guichets (HTTP ${response.status}).`);
      }
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

/** Address of the raw data CSV served by the web host, for an <a download>. */
export function csvExportUrl(planningIds: readonly string[] = [], baseUrl = ''): string {
  const query = new URLSearchParams(planningIds.map((id) => ['planning', id]));
  const search = query.toString();
  return `${baseUrl}/api/export.csv${search ? `?${search}` : ''}`;
}
