// A time-stamping authority on 127.0.0.1 for tests: a CA and a TSA certificate made in a temporary folder,
// and `openssl ts -reply` answering each query. Never the network.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalTsa {
  url: string;
  /** The CA that issued the TSA's certificate (PEM file). */
  caFile: string;
  /** Queries answered so far. */
  answered: number;
  /** 'down' answers 503, as a TSA out of service would. */
  mode: 'up' | 'down';
  close(): Promise<void>;
}

const config = (dir: string): string => `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-tsa-'));
  const at = (name: string): string => path.join(dir, name);
  await writeFile(at('tsa.cnf'), config(dir));
  await writeFile(at('serial'), '01\n');
  await writeFile(at('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...curve, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '3650',
    '-subj', '/O=Guichets tests/CN=Autorité racine de test', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', '-new', ...curve, '-keyout', at('tsa.key'), '-out', at('tsa.csr'), '-subj', '/O=Guichets tests/CN=Horodatage de test']);
  await run('openssl', ['x509', '-req', '-in', at('tsa.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
    '-out', at('tsa.pem'), '-days', '3650', '-extfile', at('ext.cnf')]);

  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (tsa.mode === 'down' || req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(503).end();
        return;
      }
      counter += 1;
      const query = at(`q${counter}.tsq`);
      const reply = at(`r${counter}.tsr`);
      writeFile(query, Buffer.concat(chunks))
        .then(() => run('openssl', ['ts', '-reply', '-config', at('tsa.cnf'), '-queryfile', query, '-out', reply]))
        .then(() => readFile(reply))
        .then((body) => {
          tsa.answered += 1;
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body);
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tsa: LocalTsa = {
    url: `http://127.0.0.1:${port}/tsr`,
    caFile: at('ca.pem'),
    answered: 0,
    mode: 'up',
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return tsa;
}
