import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_EVENTS, API_METHODS, inputAt, policyOf, type ApiError, type ApiEvents, type Envelope } from '../shared/api.js';
import { EVIDENCE_DIR } from '../shared/domain.js';
import { parseCaptionedPath } from '../shared/evidence-paths.js';
import type { Core } from '../core/api/index.js';
import { createDownloads, MAX_UPLOAD_BYTES, receiveUpload, safeDecode, sendDownload, serveFile, uploadName, UploadTooLarge } from './webhost-files.js';
import { refusedOverHttp } from './webhost-policy.js';
import { createWebSession } from './webhost-session.js';
import type { Words } from './words.js';

export interface WebHostOptions {
  core: Core;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log?: (message: string) => void;
  /** Largest file a page may upload (an import); MAX_UPLOAD_BYTES by default. */
  maxUploadBytes?: number;
}

export interface WebHost {
  /** The host's address, without a token: a page opened there has no access to the API until it logs in. */
  url: string;
  /** A new address carrying a one-time token: the page opened there trades it once for the session's secret. */
  loginUrl(): string;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

/**
 * Every answer: not framed by another page (it could dress the UI up to steer clicks), not readable as a
 * subresource of another origin, no opener kept with another origin's window, no referrer sent anywhere.
 */
const SAFETY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const UNAUTHORIZED: ApiError = {
  code: 'unauthorized',
  message:
    'Accès refusé : cet onglet n’a pas de session. Ouvrez l’adresse à code que Guichets affiche au démarrage (Entrée dans son terminal en affiche une nouvelle).',
};

/**
 * The same API as the desktop app, over HTTP on 127.0.0.1 only, and the built UI. Requests whose Host is not
 * local are refused (DNS rebinding); the API answers only a page that shows the session's secret in a header
 * (webhost-session.ts), and what has an effect answers only a POST.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const staticRoot = path.resolve(options.staticDir);
  const sockets = new Set<import('node:net').Socket>();
  const session = createWebSession();
  const downloads = createDownloads();
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[web] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Erreur interne.' } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SAFETY_HEADERS)) res.setHeader(name, value);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    // Defence in depth beside the secret: a request sent by a page of another origin gets nothing.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    if (isApi && url.pathname === '/api/session' && req.method === 'POST') return openSession(req, res);
    if ((isApi || url.pathname.startsWith(`/${EVIDENCE_DIR}/`)) && !session.authorized(req)) {
      sendJson(res, 401, { ok: false, error: UNAUTHORIZED });
      return;
    }
    if (isApi) return api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname.startsWith(`/${EVIDENCE_DIR}/`)) {
      const captioned = parseCaptionedPath(safeDecode(url.pathname.slice(`/${EVIDENCE_DIR}/`.length)));
      if (captioned) {
        const png = await core.captionedScreenshot(captioned.planningId, captioned.localDate, captioned.probeId);
        if (!png) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable');
        else res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length }).end(req.method === 'HEAD' ? undefined : png);
        return;
      }
      await serveFile(res, core.evidenceDir, url.pathname.slice(`/${EVIDENCE_DIR}/`.length), false);
      return;
    }
    // The login address (?token=…) is the UI itself: its script trades the token for the secret, then drops it.
    await serveFile(res, staticRoot, url.pathname.slice(1) || 'index.html', true);
  }

  /** The page's script trades the one-time token of its address for the session's secret. */
  async function openSession(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const secret = session.redeem(inputAt(body, 'token'));
    if (secret === null) {
      sendJson(res, 401, {
        ok: false,
        error: { code: 'unauthorized', message: 'Adresse déjà utilisée ou périmée : ouvrez la dernière adresse à code affichée par Guichets (Entrée dans son terminal en affiche une nouvelle).' },
      });
      return;
    }
    sendJson(res, 200, { ok: true, value: { secret } });
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const name = safeDecode(url.pathname.slice('/api/'.length));
    if (req.method === 'GET' && name === 'events') return streamEvents(req, res);
    if (req.method === 'GET' && name === 'download') {
      const file = url.searchParams.get('path') ?? '';
      if (!downloads.has(file)) sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Fichier inconnu : refaites l’export.' } });
      else await sendDownload(res, file);
      return;
    }
    if (req.method !== 'POST' || !(API_METHODS as readonly string[]).includes(name)) {
      sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `Inconnu : ${req.method ?? ''} ${name}` } });
      return;
    }
    const policy = policyOf(name);
    const type = req.headers['content-type'] ?? '';
    const uploading = policy.upload !== undefined && type.startsWith('application/octet-stream');
    if (!uploading && !type.startsWith('application/json')) {
      sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Envoyez du JSON.' } });
      return;
    }
    // An upload carries the call's other inputs in its address, and the file as its body.
    const input = uploading ? parseInput(url.searchParams.get('input')) : await readJson(req);
    if (input instanceof Error) {
      sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'JSON illisible.' } });
      return;
    }
    const refused = refusedOverHttp(name, input);
    if (refused) {
      sendJson(res, 403, { ok: false, error: refused });
      return;
    }
    if (!uploading) {
      sendJson(res, 200, await answer(name, input));
      return;
    }
    let upload: Awaited<ReturnType<typeof receiveUpload>>;
    try {
      upload = await receiveUpload(req, uploadName(url.searchParams.get('name')), maxUpload);
    } catch (error) {
      if (!(error instanceof UploadTooLarge)) throw error;
      const megabytes = Math.max(1, Math.round(maxUpload / 1024 / 1024));
      res.setHeader('Connection', 'close');
      sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `Fichier trop gros : ${megabytes} Mo au plus. Rien n’a été importé.`, params: { max: megabytes } } });
      return;
    }
    let reply: Envelope<unknown>;
    try {
      reply = await answer(name, { ...(typeof input === 'object' && input !== null ? input : {}), [policy.upload]: upload.file });
    } finally {
      // Gone before the page hears back: nothing of the upload outlives its call.
      await upload.dispose();
    }
    sendJson(res, 200, reply);
  }

  /** The core's answer; the files it wrote for the call become downloadable by this host's pages. */
  async function answer(name: string, input: unknown): Promise<Envelope<unknown>> {
    const reply = await core.handle(name, input, { publicOnly: true });
    if (reply.ok) for (const place of policyOf(name).downloads ?? []) downloads.add(inputAt(reply.value, place));
    return reply;
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connecté\n\n');
    const unsubscribe = API_EVENTS.map((event) =>
      core.on(event, (payload: ApiEvents[typeof event]) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const keepAlive = setInterval(() => res.write(': \n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      for (const off of unsubscribe) off();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    loginUrl: () => `http://127.0.0.1:${port}/?token=${session.newToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('Corps de requête trop grand.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON body; an Error when it is not JSON. An empty body is no input. */
async function readJson(req: http.IncomingMessage): Promise<unknown> {
  return parseInput(await readBody(req));
}

function parseInput(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Each printed address opens one tab once: another tab, another browser or a closed tab needs a new one. When
 * the terminal is a person's (a TTY), Entrée prints one. Returns what stops listening.
 */
export function printAddressOnEnter(
  host: Pick<WebHost, 'loginUrl'>,
  log: (message: string) => void,
  words: Words,
  input: NodeJS.ReadStream = process.stdin,
): () => void {
  if (!input.isTTY) return () => undefined;
  const onData = (chunk: Buffer | string): void => {
    if (String(chunk).includes('\n') || String(chunk).includes('\r')) log(words.say('cli.new_address', { url: host.loginUrl() }));
  };
  input.on('data', onData);
  return () => {
    input.off('data', onData);
    input.pause();
  };
}
