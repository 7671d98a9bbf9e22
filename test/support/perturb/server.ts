// The perturbation server: in front of the replica server, it serves every page with one variation (see
// variations.ts). It forwards each request to the replica, then rewrites HTML answers, delays or refuses some
// requests, or serves a page of its own (information page, consent frame). A visit is told apart by a cookie.
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { NPM_PREFIX, npmFile } from './consent.js';
import { CONSENT_FRAME } from './overlays.js';
import { interstitialPage, maintenancePage, noticePage, queuePage, refusalPage, variation as variationNamed, type Variation } from './variations.js';

export interface PerturbedServer {
  origin: string;
  variation: Variation;
  close(): Promise<void>;
}

interface VisitState {
  pages: number;
  /** Documents asked with GET: the notice between two steps stands before the second. */
  gets: number;
  xhrs: number;
  refused: boolean;
  noticed: boolean;
  /** When the visit entered the waiting room (ms), null before. */
  queuedAt: number | null;
}

const VISIT_COOKIE = 'pvisit';
const INFO_COOKIE = 'pinfo';

function cookie(req: IncomingMessage, name: string): string | undefined {
  return new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(req.headers.cookie ?? '')?.[1];
}

/** A page the browser navigates to (as opposed to a script's call or an image). */
function isDocument(req: IncomingMessage): boolean {
  const dest = req.headers['sec-fetch-dest'];
  if (typeof dest === 'string') return dest === 'document' || dest === 'iframe';
  return (req.headers.accept ?? '').includes('text/html');
}

function isScriptCall(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-dest'] === 'empty';
}

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Serves `upstream` (the replica server's origin) with one variation, on a free port of 127.0.0.1. */
export async function startPerturbedServer(upstream: string, name: string): Promise<PerturbedServer> {
  const chosen = variationNamed(name);
  const target = new URL(upstream);
  const visits = new Map<string, VisitState>();

  function forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      delete headers['accept-encoding'];
      const upstreamRequest = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
          readAll(answer).then((data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }), reject);
        },
      );
      upstreamRequest.on('error', reject);
      upstreamRequest.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__perturb/consent-frame') return send(res, 200, CONSENT_FRAME);
    if (url.pathname.startsWith(`${NPM_PREFIX}/`)) {
      const file = npmFile(url.pathname);
      if (!file) return send(res, 404, 'Not found');
      res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'max-age=3600' });
      res.end(file.body);
      return;
    }
    // A call never answered (until the server closes): a page that waits for it synchronously answers nothing.
    if (url.pathname === '/__perturb/never') return;
    const extra: Record<string, string> = {};
    let visitId = cookie(req, VISIT_COOKIE);
    if (!visitId || !visits.has(visitId)) {
      visitId = randomBytes(8).toString('hex');
      visits.set(visitId, { pages: 0, gets: 0, xhrs: 0, refused: false, noticed: false, queuedAt: null });
      extra['Set-Cookie'] = `${VISIT_COOKIE}=${visitId}; Path=/`;
    }
    const visit = visits.get(visitId) ?? { pages: 0, gets: 0, xhrs: 0, refused: false, noticed: false, queuedAt: null };
    const document = isDocument(req) && !url.pathname.startsWith('/__perturb/');
    const body = await readAll(req);

    if (document && chosen.interstitial && !cookie(req, INFO_COOKIE) && req.method === 'GET') {
      return send(res, 200, interstitialPage(req.url ?? '/'), { 'Set-Cookie': `${INFO_COOKIE}=1; Path=/` });
    }
    if (document && chosen.queueMs !== undefined && req.method === 'GET') {
      visit.queuedAt ??= Date.now();
      if (Date.now() - visit.queuedAt < chosen.queueMs) return send(res, 200, queuePage(), extra);
    }
    if (document && req.method === 'GET') visit.gets += 1;
    if (document && chosen.noticeAt2 && visit.gets === 2 && !visit.noticed) {
      visit.noticed = true;
      return send(res, 200, noticePage(req.url ?? '/', chosen.noticeAt2), extra);
    }
    if (document) visit.pages += 1;
    if (isScriptCall(req)) visit.xhrs += 1;
    const refusal = chosen.refusal;
    if (refusal && !visit.refused) {
      const hit = refusal.at === 'xhr' ? isScriptCall(req) && visit.xhrs === 1 : document && visit.pages === 2;
      if (hit) {
        visit.refused = true;
        return send(res, refusal.status, refusalPage(refusal), extra);
      }
    }
    if (chosen.maintenanceAt2 && document && visit.pages === 2) return send(res, 200, maintenancePage(), extra);
    const wait = document ? chosen.delay?.page : isScriptCall(req) ? chosen.delay?.xhr : undefined;
    if (wait) await sleep(wait);

    if (chosen.rewriteCall && isScriptCall(req) && req.url) req.url = chosen.rewriteCall(req.url);
    const answer = await forward(req, body);
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(answer.headers)) {
      if (value === undefined || key === 'content-length' || key === 'transfer-encoding' || key === 'connection') continue;
      headers[key] = value;
    }
    if (extra['Set-Cookie']) {
      const existing = headers['set-cookie'];
      headers['set-cookie'] = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), extra['Set-Cookie']];
    }
    let out = answer.body;
    const html = (answer.headers['content-type'] ?? '').includes('text/html');
    if (html && chosen.html && answer.body.length > 0) {
      out = Buffer.from(chosen.html(answer.body.toString('utf8'), document), 'utf8');
    }
    res.writeHead(answer.status, { ...headers, 'Content-Length': String(out.length) });
    res.end(out);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The replica closed the connection without an answer (its no-answer scenario): do the same.
      if (!res.headersSent) req.socket.destroy();
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    variation: chosen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
