// One local HTTP server for every replica: each booking system mounts one handler; the first that answers wins.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnctReplica } from './anct/index.js';
import { createLegacyReplica } from './legacy/handler.js';
import { createRdvprefReplica } from './rdvpref/index.js';
import type { Clock, ReplicaHandler, ReplicaOptions } from './types.js';

export type ReplicaFactory = (options: ReplicaOptions) => ReplicaHandler;

/** The booking systems the server mounts. Add a system's factory here. */
export const REPLICA_FACTORIES: readonly ReplicaFactory[] = [createLegacyReplica, createRdvprefReplica, createAnctReplica];

export interface ReplicaServerOptions {
  clock: Clock;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay of the slow-page scenarios, in ms. */
  delayMs?: number;
  revealCaptcha?: boolean;
  /** Defaults to every system of REPLICA_FACTORIES. */
  factories?: readonly ReplicaFactory[];
}

export interface ReplicaServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  close(): Promise<void>;
}

export async function startReplicaServer(options: ReplicaServerOptions): Promise<ReplicaServer> {
  const replicaOptions: ReplicaOptions = { clock: options.clock };
  if (options.delayMs !== undefined) replicaOptions.slowDelayMs = options.delayMs;
  if (options.revealCaptcha !== undefined) replicaOptions.revealCaptcha = options.revealCaptcha;
  const handlers = (options.factories ?? REPLICA_FACTORIES).map((factory) => factory(replicaOptions));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    for (const handler of handlers) {
      if (await handler(req, res, url)) return;
    }
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Replica error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive: drop them so that close() does not wait for their timeout.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
