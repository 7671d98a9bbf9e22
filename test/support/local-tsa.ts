// A time-stamping authority on 127.0.0.1 for tests, built like the real ones: a root CA, an intermediate CA and a
// time-stamping certificate made with openssl in a temporary folder (dated from 2025, so that seals made in the
// past under faketime are covered), and `openssl ts -reply` answering each query. Its tokens carry the signer and
// the intermediate, never the root: the root is trusted only when given (GUICHETS_TSA_ROOTS, `caFile`). Never the
// network.
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
  /** The root CA (PEM file): what a test trusts, as a person adds a root. */
  caFile: string;
  /** Queries answered so far. */
  answered: number;
  /** 'down' answers 503, as a TSA out of service would. */
  mode: 'up' | 'down';
  /** Answers as if it were this UTC time ('2026-10-01 12:00:00'), through faketime: a back-dating authority. */
  fakeTime: string | null;
  /**
   * A certificate of this authority's intermediate CA that is not for time-stamping (a web server's, say, as anyone
   * can buy under a trusted root), with its key: PEM texts, the intermediate after the leaf in `chain`.
   */
  issueServerCertificate(): Promise<{ chain: string; key: string }>;
  close(): Promise<void>;
}

export interface LocalTsaOptions {
  /** The signer's common name, « Horodatage de test » by default (a forger names theirs « www.freetsa.org »). */
  name?: string;
  organization?: string;
}

const config = (dir: string): string => `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/intermediate.pem
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

/** Certificates dated from 1 January 2025: valid for every time a test stamps at. */
const inThePast = (args: string[]): Promise<unknown> => run('faketime', ['2025-01-01 00:00:00', 'openssl', ...args], { env: { ...process.env, TZ: 'UTC' } });

export async function startLocalTsa(options: LocalTsaOptions = {}): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-tsa-'));
  const at = (name: string): string => path.join(dir, name);
  const organization = options.organization ?? 'Guichets tests';
  await writeFile(at('tsa.cnf'), config(dir));
  await writeFile(at('serial'), '01\n');
  await writeFile(at('ca-ext.cnf'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  await writeFile(at('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await inThePast(['req', '-utf8', '-x509', ...curve, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '7300',
    '-subj', `/O=${organization}/CN=Autorité racine ${options.name ?? 'de test'}`, '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await inThePast(['req', '-utf8', '-new', ...curve, '-keyout', at('intermediate.key'), '-out', at('intermediate.csr'), '-subj', `/O=${organization}/CN=Autorité intermédiaire`]);
  await inThePast(['x509', '-req', '-in', at('intermediate.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial',
    '-out', at('intermediate.pem'), '-days', '7000', '-extfile', at('ca-ext.cnf')]);
  await inThePast(['req', '-utf8', '-new', ...curve, '-keyout', at('tsa.key'), '-out', at('tsa.csr'), '-subj', `/O=${organization}/CN=${options.name ?? 'Horodatage de test'}`]);
  await inThePast(['x509', '-req', '-in', at('tsa.csr'), '-CA', at('intermediate.pem'), '-CAkey', at('intermediate.key'), '-CAcreateserial',
    '-out', at('tsa.pem'), '-days', '6000', '-extfile', at('ext.cnf')]);

  let counter = 0;
  const reply = (query: string, out: string): Promise<unknown> => {
    const args = ['ts', '-reply', '-config', at('tsa.cnf'), '-queryfile', query, '-out', out];
    return tsa.fakeTime
      ? run('faketime', [tsa.fakeTime, 'openssl', ...args], { env: { ...process.env, TZ: 'UTC' } })
      : run('openssl', args);
  };
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
      const answer = at(`r${counter}.tsr`);
      writeFile(query, Buffer.concat(chunks))
        .then(() => reply(query, answer))
        .then(() => readFile(answer))
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
    fakeTime: null,
    async issueServerCertificate() {
      await writeFile(at('server-ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
      await inThePast(['req', '-new', ...curve, '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/O=Guichets tests/CN=www.example.org']);
      await inThePast(['x509', '-req', '-in', at('server.csr'), '-CA', at('intermediate.pem'), '-CAkey', at('intermediate.key'), '-CAcreateserial',
        '-out', at('server.pem'), '-days', '3000', '-extfile', at('server-ext.cnf')]);
      return { chain: (await readFile(at('server.pem'), 'utf8')) + (await readFile(at('intermediate.pem'), 'utf8')), key: await readFile(at('server.key'), 'utf8') };
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return tsa;
}
