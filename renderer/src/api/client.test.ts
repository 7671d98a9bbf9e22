import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../../electron/shared/api';
import { ApiClientError, connect, createApiClient } from './client';
import { createHttpBridge, csvExportUrl } from './http-bridge';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

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
    const api = createApiClient(createHttpBridge({ fetch }), false);
    await expect(api.call('plannings:remove', { id: 'a b' })).resolves.toEqual({ removed: true });
    expect(sent[0]?.url).toBe('/api/plannings%3Aremove');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(new Headers(sent[0]?.init?.headers).get('Content-Type')).toBe('application/json');
    expect(sent[0]?.init?.body).toBe('{"id":"a b"}');
  });

  it('sends no body for methods without input', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({ ok: true, value: [] }));
    await createApiClient(createHttpBridge({ fetch }), false).call('plannings:list');
    expect(sent[0]?.init?.body).toBeNull();
  });

  it('turns an error envelope back into an error with its code and French message', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json({ ok: false, error: { code: 'guichet_required', message: 'Choisissez le guichet.' } }),
    );
    const api = createApiClient(createHttpBridge({ fetch }), false);
    const failure = await api.call('plannings:discover', { url: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiClientError);
    expect(failure).toMatchObject({ code: 'guichet_required', message: 'Choisissez le guichet.', field: [], params: {} });
  });

  it('keeps the field at fault and the parameters, so that the UI places and writes the message itself', async () => {
    const error = { code: 'invalid_input', message: 'Étape 2 : à remplir.', field: ['steps', 1, 'selector'], params: { step: 2 } };
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error }));
    const failure = await createApiClient(createHttpBridge({ fetch }), false)
      .call('steps:try', { url: 'https://a.fr/', steps: { steps: [], noSlotText: 'x', slotSelector: 'li' } })
      .catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ code: 'invalid_input', field: ['steps', 1, 'selector'], params: { step: 2 } });
  });

  it('says the service is down rather than showing a parser error', async () => {
    const down = createHttpBridge({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(createApiClient(down, false).call('app:info')).rejects.toMatchObject({ code: 'internal' });
    const { fetch } = fakeFetch(() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 }));
    await expect(createApiClient(createHttpBridge({ fetch }), false).call('app:info')).rejects.toThrow(/HTTP 502/);
  });

  it('delivers server-sent events to listeners and closes the stream after the last one leaves', () => {
    const stream = Object.assign(new EventTarget(), { closed: false, close: () => (stream.closed = true) });
    const opened: string[] = [];
    const bridge = createHttpBridge({
      baseUrl: 'http://127.0.0.1:9',
      openEvents: (url) => {
        opened.push(url);
        return stream as unknown as EventSource;
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

  it('builds the CSV download address with one planning parameter per planning', () => {
    expect(csvExportUrl()).toBe('/api/export.csv');
    expect(csvExportUrl(['a', 'b c'])).toBe('/api/export.csv?planning=a&planning=b+c');
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
      savePngDialog: () => Promise.resolve(null),
      chooseFolderDialog: () => Promise.resolve(null),
      chooseLogoDialog: () => Promise.resolve(null),
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
