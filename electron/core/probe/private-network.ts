// Keeps the robot off this computer and its local network when a web page asked for the visit (the web host) or
// gave the planning: the browser context then goes through a proxy of its own that resolves every name itself (once
// per context and minute) and connects to the very address it checked. A redirect, a page's own requests, a
// service worker, a WebSocket or a name that resolves to 127.0.0.1 now and to a public address a minute ago all
// pass through it, so none gets around it, and no check made earlier can be outdated when the browser connects.
// Each refusal is told to the context's owner (the probe records it). The replicas the core was started with (the
// demo's, the tests') stay reachable.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { connect, isIP, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bare, publicAddressOf, systemLookup, type Found, type Lookup } from './addresses.js';
import { said } from './said.js';
import type { AdapterResult } from './types.js';

export { isPrivateAddress, publicAddressOf, type Lookup } from './addresses.js';

/** An address the robot was kept from: the name asked for, and the local address it was (or resolved to). */
export interface Refusal {
  host: string;
  address: string;
}

/**
 * A connection the guard could not make for the browser, which then sees only a closed connection: why, as a
 * probe's `unreachable` reason says it.
 */
export interface ProxyFailure {
  host: string;
  reason: 'name' | 'refused' | 'timeout' | 'other';
}

/** A probe kept to public addresses that met a local one: the robot's doing (it refused), named for the person. */
export const refusalOutcome = (refusal: Refusal): AdapterResult =>
  said('robot_error', 'probe.private_address_refused', { host: refusal.host, address: refusal.address });

/** A browser context kept to public addresses: its proxy, and what it was refused. */
export interface RobotGuard {
  /** The context's `proxy` option. */
  readonly proxy: { server: string; bypass?: string };
  /** Settles with the first address refused to the context; stays pending while none is. */
  readonly refused: Promise<Refusal>;
  /** The first addresses refused so far, in order. */
  refusals(): readonly Refusal[];
  /** The first connections it could not make for the browser, in order. */
  failures(): readonly ProxyFailure[];
  /** Tells `listener` each address refused from now on, until the returned function is called. */
  watch(listener: (refusal: Refusal) => void): () => void;
  /** Closes its proxy and every connection through it. */
  close(): Promise<void>;
}

export interface PublicNetwork {
  /** Whether the robot may open this address for a web page: a public host, or one of the replicas given at start. */
  allows(url: string): Promise<boolean>;
  /** Runs `work` with every browser context it opens kept to public addresses (and the replicas). */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work`; the probes of this planning that start meanwhile are kept to public addresses. */
  forPlanning<T>(planningId: string, work: () => Promise<T>): Promise<T>;
  /** Whether a probe of this planning is to be kept to public addresses now. */
  guards(planningId: string): boolean;
  close(): Promise<void>;
}

interface Scoped extends PublicNetwork {
  guard(): Promise<RobotGuard>;
}

const scope = new AsyncLocalStorage<Scoped>();
const MAX_REFUSALS_KEPT = 100;
const RESOLVED_FOR_MS = 60_000;

/** What one context's proxy does with a request: where to connect, whom to tell a refusal, which sockets it holds. */
interface ProxyWork {
  checked: (hostname: string, port: string) => Promise<Found>;
  refuse: (refusal: Refusal) => void;
  fail: (failure: ProxyFailure) => void;
  track: (socket: Socket) => void;
}

/**
 * The guard of a new browser context of the robot: a proxy of its own when the current work is kept to public
 * addresses (see `run`), null otherwise. Playwright sends even 127.0.0.1 through a context's proxy (it puts
 * `<-loopback>` first in the bypass list); the replicas given at start are reached directly, so that they answer the
 * robot exactly as they would otherwise. The caller closes the guard with its context.
 */
export async function robotGuard(): Promise<RobotGuard | null> {
  const network = scope.getStore();
  return network ? network.guard() : null;
}

/** `host:port` of an origin, the way a proxy is asked for it. */
function hostPort(origin: string): string | null {
  try {
    const url = new URL(origin);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return `${bare(url.hostname).toLowerCase()}:${port}`;
  } catch {
    return null;
  }
}

/**
 * `localOrigins`: the replicas on this computer the robot may still open (`http://127.0.0.1:PORT`); `resolve`: how
 * names are resolved (the system's resolver; tests give their own names).
 */
export function createPublicNetwork(localOrigins: readonly string[], resolve: Lookup = systemLookup): PublicNetwork {
  const allowed = new Set(localOrigins.map(hostPort).filter((entry): entry is string => entry !== null));
  // Chrome's bypass rules: `host:port`, an IPv6 address in brackets.
  const bypass = [...allowed].map((entry) => entry.replace(/^(.*:.*):(\d+)$/, (whole, host: string, port: string) => (isIP(host) === 6 ? `[${host}]:${port}` : whole)));
  const guarded = new Map<string, number>();
  const proxies = new Set<() => Promise<void>>();

  /** Where to connect for `host:port`, or why not. */
  async function target(hostname: string, port: string): Promise<Found> {
    const host = bare(hostname).toLowerCase();
    if (allowed.has(`${host}:${port}`)) return { address: host };
    return publicAddressOf(host, resolve);
  }

  /**
   * One context's proxy: every refusal is told to `refuse`. Each name is resolved once per context for a minute (a
   * probe's page opens dozens of connections to a few hosts), and connections go to the address then checked.
   */
  function startProxy(refuse: (refusal: Refusal) => void, fail: (failure: ProxyFailure) => void): Promise<{ address: string; close: () => Promise<void> }> {
    const found = new Map<string, { at: number; answer: Promise<Found> }>();
    const checked = (hostname: string, port: string): Promise<Found> => {
      const key = `${bare(hostname).toLowerCase()}:${port}`;
      const kept = found.get(key);
      if (kept && Date.now() - kept.at < RESOLVED_FOR_MS) return kept.answer;
      const answer = target(hostname, port);
      found.set(key, { at: Date.now(), answer });
      return answer;
    };
    const sockets = new Set<Socket>();
    const track = (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    };
    const proxy = http.createServer((req, res) => {
      forward(req, res, { checked, refuse, fail, track }).catch(() => res.destroy());
    });
    proxy.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
      client.on('error', () => client.destroy());
      tunnel(req.url ?? '', client, head, { checked, refuse, fail, track }).catch(() => client.destroy());
    });
    proxy.on('connection', track);
    const close = () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => done());
      });
    return new Promise((done, reject) => {
      proxy.once('error', reject);
      proxy.listen(0, '127.0.0.1', () => {
        const { port } = proxy.address() as AddressInfo;
        done({ address: `http://127.0.0.1:${port}`, close });
      });
    });
  }

  /** Plain http: the browser sends the whole URL; forwarded to the address checked, with the page's Host. */
  async function forward(req: http.IncomingMessage, res: http.ServerResponse, { checked, refuse, fail, track }: ProxyWork): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:') {
      res.writeHead(400).end();
      return;
    }
    const port = url.port || '80';
    const found = await checked(url.hostname, port);
    // A name that does not resolve gets no answer, as the browser would have found none.
    if ('refused' in found && found.refused === 'unresolved') {
      fail({ host: bare(url.hostname).toLowerCase(), reason: 'name' });
      res.destroy();
      return;
    }
    if ('refused' in found) {
      const refusal = { host: bare(url.hostname).toLowerCase(), address: found.address };
      refuse(refusal);
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusedText(refusal));
      return;
    }
    const headers = withoutHopHeaders(req.headers);
    const upstream = http.request(
      { host: found.address, port: Number(port), method: req.method, path: `${url.pathname}${url.search}`, headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopHeaders(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('socket', track);
    // No answer rather than a page of ours: the robot reads it as a site that does not answer, as it is.
    upstream.on('error', (error) => {
      if (!res.headersSent) fail({ host: bare(url.hostname).toLowerCase(), reason: failureReason(error) });
      res.destroy();
    });
    req.pipe(upstream);
  }

  /** https and WebSockets: CONNECT host:port, then the bytes as they are, to the address checked. */
  async function tunnel(authority: string, client: Socket, head: Buffer, { checked, refuse, fail, track }: ProxyWork): Promise<void> {
    let url: URL;
    try {
      url = new URL(`http://${authority}`);
    } catch {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    // `host:80` parses with no port (http's own).
    const port = url.port || '80';
    const found = await checked(url.hostname, port);
    if ('refused' in found) {
      if (found.refused === 'unresolved') {
        fail({ host: bare(url.hostname).toLowerCase(), reason: 'name' });
        client.destroy();
        return;
      }
      refuse({ host: bare(url.hostname).toLowerCase(), address: found.address });
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect({ host: found.address, port: Number(port) });
    track(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (error) => {
      if (!connected) fail({ host: bare(url.hostname).toLowerCase(), reason: failureReason(error) });
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  const network: Scoped = {
    async allows(url: string) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return true;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
      const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
      if (allowed.has(`${bare(parsed.hostname).toLowerCase()}:${port}`)) return true;
      const found = await publicAddressOf(parsed.hostname, resolve);
      return !('refused' in found && found.refused === 'private');
    },
    run: (work) => scope.run(network, work),
    async forPlanning(planningId, work) {
      guarded.set(planningId, (guarded.get(planningId) ?? 0) + 1);
      try {
        return await work();
      } finally {
        const left = (guarded.get(planningId) ?? 1) - 1;
        if (left > 0) guarded.set(planningId, left);
        else guarded.delete(planningId);
      }
    },
    guards: (planningId) => guarded.has(planningId),
    async guard() {
      const refusals: Refusal[] = [];
      const failures: ProxyFailure[] = [];
      const listeners = new Set<(refusal: Refusal) => void>();
      let tell: (refusal: Refusal) => void = () => undefined;
      const refused = new Promise<Refusal>((settle) => {
        tell = settle;
      });
      const proxy = await startProxy((refusal) => {
        // A page that keeps asking is bounded: the first ones say what happened.
        if (refusals.length < MAX_REFUSALS_KEPT) refusals.push(refusal);
        tell(refusal);
        for (const listener of listeners) listener(refusal);
      }, (failure) => {
        if (failures.length < MAX_REFUSALS_KEPT) failures.push(failure);
      });
      const close = async () => {
        if (!proxies.delete(close)) return;
        await proxy.close();
      };
      proxies.add(close);
      return {
        proxy: bypass.length > 0 ? { server: proxy.address, bypass: bypass.join(',') } : { server: proxy.address },
        refused,
        refusals: () => refusals,
        failures: () => failures,
        watch(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close,
      };
    },
    async close() {
      await Promise.all([...proxies].map((close) => close()));
    },
  };
  return network;
}

/** Why a connection to the site failed, in the words of a probe's `unreachable` reason. */
function failureReason(error: NodeJS.ErrnoException): ProxyFailure['reason'] {
  if (error.code === 'ECONNREFUSED') return 'refused';
  if (error.code === 'ETIMEDOUT') return 'timeout';
  return 'other';
}

/** The headers of one connection (the proxy's own, keep-alive), which are not forwarded. */
function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const hop = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive']);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hop.has(name)));
}

/** What the browser shows in place of a page refused (and what the probe's capture then shows). */
const refusedText = ({ host, address }: Refusal): string =>
  `Guichets : « ${host} » (${address}) est une adresse de cet ordinateur ou du réseau local, que le robot n’ouvre pas pour ce planning.`;
