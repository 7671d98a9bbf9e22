// RFC 3161 trusted timestamps: a time-stamping authority (TSA) signs the hash of a seal with the time, so that
// the seal is proven to exist then, whatever the PC's clock says. The ASN.1 is pkijs's, not ours.
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { coreMessage, type CoreMessage } from '../../shared/messages/index.js';
import type { TrustedRoot, TrustSet } from './trust.js';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const COMMON_NAME_OID = '2.5.4.3';
const ORGANIZATION_OID = '2.5.4.10';

/** pkijs works on ArrayBuffers; a Buffer may be a view into a larger pool. */
const arrayBuffer = (data: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
};

/** DER INTEGERs are signed and minimal: the first byte between 0x01 and 0x7f keeps the nonce positive and short. */
function positive(nonce: Buffer): Buffer {
  const copy = Buffer.from(nonce);
  copy[0] = ((copy[0] ?? 0) & 0x7f) || 1;
  return copy;
}

export function timestampRequest(data: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha256').update(data).digest()) }),
    }),
    nonce: new asn1js.Integer({ valueHex: arrayBuffer(positive(nonce)) }),
    // The TSA puts its certificate in the token, so the token can be checked on its own.
    certReq: true,
  });
  return Buffer.from(request.toSchema().toBER(false));
}

export interface TokenCheck {
  ok: boolean;
  /** When ok: the time the TSA vouches for. */
  genTime: Date | null;
  /** The TSA's name, from its certificate (CN, else O). */
  tsa: string;
  /** SHA-256 of the signing certificate's DER, hex: what an expert compares with the TSA's published one. */
  certificateSha256: string | null;
  /** Every certificate the token carries, DER. */
  certificates: Buffer[];
  /** Why it does not hold, as a code and its specifics (worded in the reader's language by verify and sealing). */
  fault: TokenFault | null;
  /**
   * When checked against a trust set: the trusted root the signer's chain ends at (checked at the token's time),
   * or null with `untrustedWhy` saying why. A token signed as it should be but by nobody trusted proves nothing.
   */
  root: TrustedRoot | null;
  untrustedWhy: UntrustedWhy | null;
}

/** Why a token does not hold: `status` and `said` (the authority's own words) when refused, `detail` the parser's. */
export interface TokenFault {
  kind: 'refused' | 'unreadable' | 'other_request' | 'bad_signature' | 'other_content' | 'invalid';
  status?: number;
  said?: string;
  detail?: string;
}

export type UntrustedWhy = 'not_tsa' | 'no_root';

function nameOf(certificate: pkijs.Certificate): string {
  const attribute = (oid: string): string | undefined => {
    const found = certificate.subject.typesAndValues.find((entry) => entry.type === oid);
    const value: unknown = found?.value.valueBlock.value;
    return typeof value === 'string' ? value : undefined;
  };
  return attribute(COMMON_NAME_OID) ?? attribute(ORGANIZATION_OID) ?? 'autorité inconnue';
}

function parseResponse(tsr: Buffer): pkijs.TimeStampResp {
  return pkijs.TimeStampResp.fromBER(arrayBuffer(tsr));
}

function tokenParts(response: pkijs.TimeStampResp): { signed: pkijs.SignedData; info: pkijs.TSTInfo } {
  const token = response.timeStampToken;
  if (!token) throw new Error('jeton absent');
  if (token.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`type de contenu ${token.contentType}`);
  const signed = new pkijs.SignedData({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new Error('contenu du jeton absent');
  return { signed, info: pkijs.TSTInfo.fromBER(content.getValue()) };
}

const failed = (fault: TokenFault, certificates: Buffer[] = [], tsa = 'autorité inconnue'): TokenCheck => ({
  ok: false,
  genTime: null,
  tsa,
  certificateSha256: null,
  certificates,
  fault,
  root: null,
  untrustedWhy: null,
});

interface PinnedCertificates {
  certificates: pkijs.Certificate[];
  /** By the hex of each root's to-be-signed part, as pkijs compares them. */
  byTbs: Map<string, TrustedRoot>;
}

const pinnedCache = new WeakMap<TrustSet, PinnedCertificates>();

function pinned(trust: TrustSet): PinnedCertificates {
  let cached = pinnedCache.get(trust);
  if (!cached) {
    const byTbs = new Map<string, TrustedRoot>();
    const certificates = trust.roots.map((root) => {
      const certificate = pkijs.Certificate.fromBER(arrayBuffer(root.der));
      byTbs.set(Buffer.from(certificate.tbsView).toString('hex'), root);
      return certificate;
    });
    cached = { certificates, byTbs };
    pinnedCache.set(trust, cached);
  }
  return cached;
}

/** pkijs gives up on every path when one candidate issuer has no issuer of its own (a cross-signed root whose
 * signer is absent): that candidate ends its path instead, and is dropped unless the path reached a trusted root. */
const findIssuer: pkijs.FindIssuerCallback = async (certificate, engine, crypto) => {
  const found = await pkijs.CertificateChainValidationEngine.prototype.defaultFindIssuer.call(engine, certificate, engine, crypto);
  return found.length > 0 ? found : [certificate];
};

/**
 * The trusted root the signer's chain ends at, at the token's own time (certificates expire; what counts is that
 * they were valid when the authority signed), with the signer allowed to time-stamp. The token's own certificates
 * serve only as intermediates: a root it carries is trusted only when it is one of `trust`.
 */
async function trustedRoot(
  signer: pkijs.Certificate,
  carried: readonly pkijs.Certificate[],
  genTime: Date,
  trust: TrustSet,
): Promise<{ root: TrustedRoot } | { why: UntrustedWhy }> {
  // Node types it as always there; it is undefined when the certificate has no extended key usage at all.
  const usages = new X509Certificate(Buffer.from(signer.toSchema().toBER(false))).keyUsage as string[] | undefined;
  if (!usages?.includes(TIME_STAMPING_EKU)) return { why: 'not_tsa' };
  const { certificates, byTbs } = pinned(trust);
  const signerTbs = Buffer.from(signer.tbsView).toString('hex');
  const intermediates = carried.filter((certificate) => Buffer.from(certificate.tbsView).toString('hex') !== signerTbs);
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: certificates, certs: [...intermediates, signer], checkDate: genTime, findIssuer });
  try {
    const result = await engine.verify({ passedWhenNotRevValues: false });
    const top = result.result ? result.certificatePath?.at(-1) : undefined;
    const root = top ? byTbs.get(Buffer.from(top.tbsView).toString('hex')) : undefined;
    if (root) return { root };
  } catch {
    // No path to a trusted root: said below.
  }
  return { why: 'no_root' };
}

/**
 * Checks a timestamp response against the exact bytes it should stamp: granted, the hash of `data` inside, and
 * the TSA's signature valid with the certificate the token carries.
 */
export async function checkTimestamp(tsr: Buffer, data: Buffer, options: { nonce?: Buffer; trust?: TrustSet } = {}): Promise<TokenCheck> {
  const expectedNonce = options.nonce;
  let response: pkijs.TimeStampResp;
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    response = parseResponse(tsr);
    const status = response.status.status;
    if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
      const text = response.status.statusStrings?.map((item) => item.valueBlock.value).join(' ') ?? '';
      return failed({ kind: 'refused', status, said: text || 'none' });
    }
    ({ signed, info } = tokenParts(response));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed({ kind: 'unreadable', detail });
  }
  const certificates = (signed.certificates ?? [])
    .filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate)
    .map((certificate) => Buffer.from(certificate.toSchema().toBER(false)));
  if (expectedNonce !== undefined) {
    const nonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView).toString('hex') : '';
    if (nonce !== positive(expectedNonce).toString('hex')) return failed({ kind: 'other_request' }, certificates);
  }
  try {
    const result = await signed.verify({ signer: 0, data: arrayBuffer(data), extendedMode: true });
    const signer = result.signerCertificate ?? null;
    const tsa = signer ? nameOf(signer) : 'autorité inconnue';
    if (!result.signatureVerified || !signer) return failed({ kind: 'bad_signature' }, certificates, tsa);
    const carried = (signed.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
    const chain = options.trust ? await trustedRoot(signer, carried, info.genTime, options.trust) : null;
    return {
      ok: true,
      genTime: info.genTime,
      tsa,
      certificateSha256: createHash('sha256').update(Buffer.from(signer.toSchema().toBER(false))).digest('hex'),
      certificates,
      fault: null,
      root: chain && 'root' in chain ? chain.root : null,
      untrustedWhy: chain && 'why' in chain ? chain.why : null,
    };
  } catch (error) {
    const message = error instanceof pkijs.SignedDataVerifyError ? error.message : error instanceof Error ? error.message : String(error);
    const otherContent = /TSTInfo verification/.test(message);
    return failed(otherContent ? { kind: 'other_content' } : { kind: 'invalid', detail: message }, certificates);
  }
}

export interface StampOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** When given, an answer whose chain reaches no trusted root is refused as such (and said). */
  trust?: TrustSet;
}

/** Why a token does not hold, as `tsa.invalid` words it. */
const faultParams = (fault: TokenFault | null) => ({
  fault: fault?.kind ?? 'none',
  status: fault?.status ?? '',
  said: fault?.said ?? 'none',
  detail: fault?.detail ?? '',
});

/** Asks one TSA to stamp `data`; the response, checked, or why not (a `tsa.…` message). Never throws. */
export async function requestTimestamp(
  url: string,
  data: Buffer,
  options: StampOptions = {},
): Promise<{ tsr: Buffer; check: TokenCheck } | { error: CoreMessage }> {
  const nonce = randomBytes(8);
  const doFetch = options.fetch ?? fetch;
  let body: Buffer;
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: timestampRequest(data, nonce),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    if (!response.ok) return { error: coreMessage('tsa.http', { url, status: response.status }) };
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { error: coreMessage('tsa.unreachable', { url, reason }) };
  }
  const check = await checkTimestamp(body, data, { nonce, ...(options.trust ? { trust: options.trust } : {}) });
  if (!check.ok) return { error: coreMessage('tsa.invalid', { url, ...faultParams(check.fault) }) };
  // Kept, it would make every later verification fail: refused now, with what to do.
  if (check.untrustedWhy) return { error: coreMessage('tsa.untrusted', { url, why: check.untrustedWhy }) };
  return { tsr: body, check };
}

export function pemCertificate(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
