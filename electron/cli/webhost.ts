import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { API_EVENTS, API_METHODS, writePathOf, type ApiEvents, type CsvExportResult } from '../shared/api.js';
import { EVIDENCE_DIR } from '../shared/domain.js';
import { parseCaptionedPath } from '../shared/evidence-paths.js';
import { MOVE_FROM, type Core } from '../core/api/index.js';

export interface WebHostOptions {
  core: Core;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log?: (message: string) => void;
}

export interface WebHost {
  /** The host's address, without a token: a page opened there has no access to the API until it logs in. */
  url: string;
  /** A new address carrying a one-time token: opened once, it gives that browser the session cookie. */
  loginUrl(): string;
  close(): Promise<void>;
}

/** Named after the port: two hosts on 127.0.0.1 (serve and demo) share a cookie jar, not a session. */
const cookieName = (port: number) => `guichets_session_${port}`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1_000_000;

/**
 * The same API as the desktop app, over HTTP on 127.0.0.1 only, and the built UI. Requests whose Host is not
 * local are refused (DNS rebinding), and API calls must be JSON POSTs (a plain form from another site cannot
 * send one).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const staticRoot = path.resolve(options.staticDir);
  const sockets = new Set<import('node:net').Socket>();
  // Any program on the PC can reach 127.0.0.1: the API answers only a browser that showed a secret printed to
  // the person who started Guichets. The session secret never leaves the cookie (HttpOnly, SameSite=Strict).
  const session = randomBytes(32).toString('base64url');
  const tokens = new Set<string>();
  let cookie = cookieName(options.port); // set again once the port is known (0 picks one)

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
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    // Defence in depth beside the JSON-only API: a page of another origin gets nothing.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    const token = url.searchParams.get('token');
    if (token !== null && req.method === 'GET') {
      const known = tokens.delete(token);
      if (known) {
        res.writeHead(303, {
          'Set-Cookie': `${cookie}=${session}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname,
          'Cache-Control': 'no-store',
        });
      } else {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end(known ? '' : 'Adresse déjà utilisée ou périmée : relancez Guichets (serve ou demo) et ouvrez la nouvelle adresse affichée.');
      return;
    }
    const protectedPath = url.pathname.startsWith('/api/') || url.pathname.startsWith(`/${EVIDENCE_DIR}/`);
    if (protectedPath && !hasSession(req)) {
      sendJson(res, 401, {
        ok: false,
        error: { code: 'invalid_input', message: 'Accès refusé : ouvrez l’adresse avec son code, telle que Guichets l’a affichée au démarrage.' },
      });
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      const name = safeDecode(url.pathname.slice('/api/'.length));
      if (req.method === 'GET' && name === 'events') return streamEvents(req, res);
      if (req.method === 'GET' && name === 'export.csv') return exportCsv(url, res);
      if (req.method !== 'POST' || !(API_METHODS as readonly string[]).includes(name)) {
        sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `Inconnu : ${req.method ?? ''} ${name}` } });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Envoyez du JSON.' } });
        return;
      }
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length > 0 ? JSON.parse(body) : undefined;
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'JSON illisible.' } });
        return;
      }
      // The program Guichets launches is chosen by the person at the PC, never by a web request.
      // Testing a browser launches it: over HTTP only the one already chosen (path null) may be tested.
      const choosesProgram =
        (name === 'settings:update' && typeof input === 'object' && input !== null && 'browserPath' in input) ||
        (name === 'settings:testBrowser' && typeof input === 'object' && input !== null && 'path' in input && input.path !== null);
      if (choosesProgram) {
        sendJson(res, 403, {
          ok: false,
          error: { code: 'invalid_input', message: 'Le navigateur se choisit dans l’application de bureau ou en ligne de commande (--browser), jamais par la page web.' },
        });
        return;
      }
      // Where the data folder lives, and which image file the published site carries, are paths on the PC: chosen
      // at the desktop or the command line, never by a web request.
      const desktopOnly = (field: string, message: string): void =>
        sendJson(res, 403, { ok: false, error: { code: 'invalid_input', message, field: [field], params: { rule: 'desktop_only' } } });
      if (name === 'app:moveDataFolder') {
        desktopOnly('to', `${MOVE_FROM}, jamais par la page web.`);
        return;
      }
      if (name === 'settings:update' && typeof input === 'object' && input !== null && 'associationLogo' in input) {
        desktopOnly('associationLogo', 'Le logo se choisit dans l’application de bureau, jamais par la page web.');
        return;
      }
      // Over HTTP the CSV is written to the exports folder (and downloaded from GET /api/export.csv), never to a
      // path the page chooses.
      // The same for a dossier and the published site: the page never chooses where the core writes.
      if (writePathOf(name, input).given) {
        sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Export : le fichier est téléchargé, sans chemin.' } });
        return;
      }
      sendJson(res, 200, await core.handle(name, input));
      return;
    }
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
    await serveFile(res, staticRoot, url.pathname.slice(1) || 'index.html', true);
  }

  function hasSession(req: http.IncomingMessage): boolean {
    const cookies = (req.headers.cookie ?? '').split(';').map((part) => part.trim());
    const given = cookies.find((part) => part.startsWith(`${cookie}=`))?.slice(cookie.length + 1) ?? '';
    const expected = Buffer.from(session);
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
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

  /** The CSV goes through the same handler as everywhere (validated), written to the exports folder, then sent. */
  async function exportCsv(url: URL, res: http.ServerResponse): Promise<void> {
    const ids = url.searchParams.getAll('planning');
    const reply = await core.handle('export:csv', ids.length > 0 ? { planningIds: ids } : {});
    if (!reply.ok) {
      sendJson(res, 400, reply);
      return;
    }
    const { path: file } = reply.value as CsvExportResult;
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
    });
    await pipeline(createReadStream(file), res);
  }

  async function serveFile(res: http.ServerResponse, root: string, relative: string, spa: boolean): Promise<void> {
    const target = path.resolve(root, safeDecode(relative));
    if (target !== root && !target.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = target;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (!spa || path.extname(relative) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable');
        return;
      }
      file = path.join(root, 'index.html');
      if (!(await stat(file).catch(() => null))) {
        res
          .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Interface non construite : lancez « npm run build:renderer » puis rechargez la page.');
        return;
      }
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    await pipeline(createReadStream(file), res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  cookie = cookieName(port);
  return {
    url: `http://127.0.0.1:${port}/`,
    loginUrl() {
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return `http://127.0.0.1:${port}/?token=${token}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A malformed %-escape is a path that does not exist, not an error to log. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\u0000';
  }
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
