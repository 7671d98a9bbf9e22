import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../electron/shared/api';
import { ApiClientError, connect, createApiClient } from './client';
import { createHttpBridge, fetchEventStream } from './http-bridge';
import { pageSession, type PageSession } from './session';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

/** A tab's session as the page keeps it: the secret `s3cret`, or none. */
const withSecret = (secret: string | null): PageSession => ({
  headers: () => Promise.resolve<Record<string, string>>(secret ? { Authorization: `Bearer ${secret}` } : {}),
});

function fakeFetch(reply: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit) => {
    const request = { url: input instanceof Request ? input.url : input.toString(), init };
    sent.push(request);
    return Promise.resolve(reply(request));
  };
  return { sent, fetch: fetchImpl };
}

describe('the web client', () => {
  it('posts each call to /api/<method> as JSON and returns the value', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({ ok: true, value: { removed: true } }));
    const api = createApiClient(createHttpBridge({ fetch, session: withSecret('s3cret') }), false);
    await expect(api.call('plannings:remove', { id: 'a b' })).resolves.toEqual({ removed: true });
    expect(sent[0]?.url).toBe('/api/plannings%3Aremove');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(new Headers(sent[0]?.init?.headers).get('Content-Type')).toBe('application/json');
    // The session's secret goes in a header, never as a cookie the browser would send by itself.
    expect(new Headers(sent[0]?.init?.headers).get('Authorization')).toBe('Bearer s3cret');
    expect(sent[0]?.init?.credentials).toBeUndefined();
    expect(sent[0]?.init?.body).toBe('{"id":"a b"}');
  });

  it('sends no body for methods without input', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({ ok: true, value: [] }));
    await createApiClient(createHttpBridge({ fetch, session: withSecret(null) }), false).call('plannings:list');
    expect(sent[0]?.init?.body).toBeNull();
  });

  it('turns an error envelope back into an error with its code and French message', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json({ ok: false, error: { code: 'guichet_required', message: 'Choisissez le guichet.' } }),
    );
    const api = createApiClient(createHttpBridge({ fetch, session: withSecret(null) }), false);
    const failure = await api.call('plannings:discover', { url: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiClientError);
    expect(failure).toMatchObject({ code: 'guichet_required', message: 'Choisissez le guichet.', field: [], params: {} });
  });

  it('keeps the field at fault and the parameters, so that the UI places and writes the message itself', async () => {
    const error = { code: 'invalid_input', message: 'Étape 2 : à remplir.', field: ['steps', 1, 'selector'], params: { step: 2 } };
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error }));
    const failure = await createApiClient(createHttpBridge({ fetch, session: withSecret(null) }), false)
      .call('steps:try', { url: 'https://a.fr/', steps: { steps: [], noSlotText: 'x', slotSelector: 'li' } })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ code: 'invalid_input', field: ['steps', 1, 'selector'], params: { step: 2 } });
  });

  it('says the service is down rather than showing a parser error', async () => {
    const down = createHttpBridge({ fetch: () => Promise.reject(new TypeError('fetch failed')), session: withSecret(null) });
    await expect(createApiClient(down, false).call('app:info')).rejects.toMatchObject({ code: 'internal' });
    const { fetch } = fakeFetch(() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 }));
    await expect(createApiClient(createHttpBridge({ fetch, session: withSecret(null) }), false).call('app:info')).rejects.toThrow(/HTTP 502/);
  });

  it('delivers server-sent events to listeners and closes the stream after the last one leaves', () => {
    const stream = Object.assign(new EventTarget(), { closed: false, close: () => (stream.closed = true) });
    const opened: string[] = [];
    const bridge = createHttpBridge({
      baseUrl: 'http://127.0.0.1:9',
      session: withSecret(null),
      openEvents: (url) => {
        opened.push(url);
        return stream;
      },
    });
    const received: string[] = [];
    const stopA = bridge.on('plannings:changed', (payload) => received.push(`a:${payload.ids.join()}`));
    const stopB = bridge.on('probe:started', (payload) => received.push(`b:${payload.planningId}`));
    stream.dispatchEvent(new MessageEvent('plannings:changed', { data: '{"ids":["p1"]}' }));
    stream.dispatchEvent(new MessageEvent('probe:started', { data: '{"planningId":"p2"}' }));
    expect(received).toEqual(['a:p1', 'b:p2']);
    expect(opened).toEqual(['http://127.0.0.1:9/api/events']);
    stopA();
    expect(stream.closed).toBe(false);
    stopB();
    expect(stream.closed).toBe(true);
  });

  it('reads the event stream with fetch, the secret in a header, and delivers each event by its name', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        controller.enqueue(encoder.encode(': connecté\n\nevent: probe:started\ndata: {"planningId"'));
        controller.enqueue(encoder.encode(':"p1"}\n\nevent: plannings:changed\ndata: {"ids":["a"]}\n\n'));
      },
    });
    const { sent, fetch } = fakeFetch(() => new Response(body));
    const stream = fetchEventStream('/api/events', () => Promise.resolve({ Authorization: 'Bearer s3cret' }), fetch);
    const received: string[] = [];
    stream.addEventListener('probe:started', (event) => received.push((event as MessageEvent<string>).data));
    stream.addEventListener('plannings:changed', (event) => received.push((event as MessageEvent<string>).data));
    await expect.poll(() => received).toEqual(['{"planningId":"p1"}', '{"ids":["a"]}']);
    expect(new Headers(sent[0]?.init?.headers).get('Authorization')).toBe('Bearer s3cret');
    stream.close();
  });

  it('uploads a file to import as its bytes, the other inputs and its name in the address', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({ ok: true, value: { added: 2, skipped: 0, byPlanning: {} } }));
    const web = createHttpBridge({ fetch, session: withSecret('s3cret') });
    const api = createApiClient(web, false, web);
    const file = new File(['departement;planning\n'], 'sondages.csv', { type: 'text/csv' });
    await expect(api.importFile(file, { association: 'La Cimade' })).resolves.toMatchObject({ added: 2 });
    const url = new URL(sent[0]?.url ?? '', 'http://127.0.0.1');
    expect(url.pathname).toBe('/api/import%3Afile');
    expect(JSON.parse(url.searchParams.get('input') ?? '')).toEqual({ association: 'La Cimade' });
    expect(url.searchParams.get('name')).toBe('sondages.csv');
    expect(new Headers(sent[0]?.init?.headers).get('Content-Type')).toBe('application/octet-stream');
    expect(new Headers(sent[0]?.init?.headers).get('Authorization')).toBe('Bearer s3cret');
    expect(sent[0]?.init?.body).toBe(file);
  });

  it('downloads a file the host wrote with the session, and turns a refusal into an error', async () => {
    let status = 200;
    const { sent, fetch } = fakeFetch(() =>
      status === 200 ? new Response('departement;planning\n') : Response.json({ ok: false, error: { code: 'not_found', message: 'Fichier inconnu.' } }, { status }),
    );
    const web = createHttpBridge({ fetch, session: withSecret('s3cret') });
    const api = createApiClient(web, false, web);
    expect(await (await api.download('/data/exports/x.csv')).text()).toBe('departement;planning\n');
    expect(sent[0]?.url).toBe('/api/download?path=%2Fdata%2Fexports%2Fx.csv');
    expect(new Headers(sent[0]?.init?.headers).get('Authorization')).toBe('Bearer s3cret');
    status = 404;
    await expect(api.download('/etc/passwd')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the page’s session', () => {
  /** A tab: its address, its history and its sessionStorage. */
  function tab(href: string, storage = new Map<string, string>()) {
    const page = {
      location: { href },
      history: {
        state: null,
        replaceState: (_state: unknown, _unused: string, url: string) => {
          page.location.href = new URL(url, page.location.href).toString();
        },
      },
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
      },
    };
    return { page: page as unknown as Window, storage };
  }

  it('trades the address’s one-time token for the secret, drops the token from the address, and keeps the secret for a reload', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({ ok: true, value: { secret: 's3cret' } }));
    const { page, storage } = tab('http://127.0.0.1:4870/?token=abc#/settings');
    const session = pageSession(fetch, '', page);
    expect(page.location.href).toBe('http://127.0.0.1:4870/#/settings');
    expect(await session.headers()).toEqual({ Authorization: 'Bearer s3cret' });
    expect(sent.map((request) => [request.url, request.init?.body])).toEqual([['/api/session', '{"token":"abc"}']]);
    // The reload: the same tab's storage, no token in the address, nothing asked of the host.
    const reloaded = pageSession(fetch, '', tab('http://127.0.0.1:4870/#/settings', storage).page);
    expect(await reloaded.headers()).toEqual({ Authorization: 'Bearer s3cret' });
    expect(sent).toHaveLength(1);
  });

  it('has no secret in a tab that was never given an address with a token, or given a spent one', async () => {
    expect(await pageSession(() => Promise.reject(new Error('no call')), '', tab('http://127.0.0.1:4870/').page).headers()).toEqual({});
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error: { code: 'unauthorized', message: 'Adresse déjà utilisée.' } }, { status: 401 }));
    expect(await pageSession(fetch, '', tab('http://127.0.0.1:4870/?token=used').page).headers()).toEqual({});
  });
});

describe('the transport choice', () => {
  it('uses the Electron preload bridge when the window has one', async () => {
    const bridge: Bridge = {
      call: () => Promise.resolve({ ok: true, value: 'from-preload' as never }),
      on: () => () => undefined,
    };
    const api = connect({ api: bridge });
    expect(api.desktop).toBe(true);
    await expect(api.call('app:info')).resolves.toBe('from-preload');
    expect(connect({}).desktop).toBe(false);
  });
});

describe('the desktop client', () => {
  it('saves the CSV where the person chose in the save dialog, through export:csv, and nowhere when they cancel', async () => {
    const calls: unknown[] = [];
    const bridge: Bridge = {
      call: (method, input) => {
        calls.push({ method, input });
        return Promise.resolve({ ok: true, value: { path: '/home/a/sondages.csv', rows: 3 } } as never);
      },
      on: () => () => undefined,
    };
    let chosen: string | null = '/home/a/sondages.csv';
    const suggested: (string | undefined)[] = [];
    const api = createApiClient(bridge, {
      saveCsvDialog: (name) => {
        suggested.push(name);
        return Promise.resolve(chosen);
      },
      chooseFolderDialog: () => Promise.resolve(null),
      chooseLogoDialog: () => Promise.resolve(null),
      chooseImportFileDialog: () => Promise.resolve(null),
      chooseBrowserDialog: () => Promise.resolve(null),
      showInFolder: () => Promise.resolve(false),
    });
    await expect(api.saveCsv(['p1'], 'guichets-bobigny-2026-09-01-2026-11-30.csv')).resolves.toEqual({ path: '/home/a/sondages.csv', rows: 3 });
    // The dialog offers the same name as the web host's download.
    expect(suggested).toEqual(['guichets-bobigny-2026-09-01-2026-11-30.csv']);
    expect(calls).toEqual([{ method: 'export:csv', input: { planningIds: ['p1'], path: '/home/a/sondages.csv' } }]);
    chosen = null;
    await expect(api.saveCsv()).resolves.toBeNull();
    expect(calls).toHaveLength(1);
  });
});
