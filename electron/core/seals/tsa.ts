// RFC 3161 trusted timestamps: a time-stamping authority (TSA) signs the hash of a seal with the time, so that
// the seal is proven to exist then, whatever the PC's clock says. The ASN.1 is pkijs's, not ours.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
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
  /** In French, why it does not hold. */
  reason: string | null;
}

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

const failed = (reason: string, certificates: Buffer[] = [], tsa = 'autorité inconnue'): TokenCheck => ({
  ok: false,
  genTime: null,
  tsa,
  certificateSha256: null,
  certificates,
  reason,
});

/**
 * Checks a timestamp response against the exact bytes it should stamp: granted, the hash of `data` inside, and
 * the TSA's signature valid with the certificate the token carries.
 */
export async function checkTimestamp(tsr: Buffer, data: Buffer, expectedNonce?: Buffer): Promise<TokenCheck> {
  let response: pkijs.TimeStampResp;
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    response = parseResponse(tsr);
    const status = response.status.status;
    if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
      const text = response.status.statusStrings?.map((item) => item.valueBlock.value).join(' ') ?? '';
      return failed(`l’autorité a refusé l’horodatage (statut ${status}${text ? ` : ${text}` : ''})`);
    }
    ({ signed, info } = tokenParts(response));
  } catch (error) {
    return failed(`jeton d’horodatage illisible (${error instanceof Error ? error.message : String(error)})`);
  }
  const certificates = (signed.certificates ?? [])
    .filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate)
    .map((certificate) => Buffer.from(certificate.toSchema().toBER(false)));
  if (expectedNonce !== undefined) {
    const nonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView).toString('hex') : '';
    if (nonce !== positive(expectedNonce).toString('hex')) return failed('réponse d’horodatage à une autre demande', certificates);
  }
  try {
    const result = await signed.verify({ signer: 0, data: arrayBuffer(data), extendedMode: true });
    const signer = result.signerCertificate ?? null;
    const tsa = signer ? nameOf(signer) : 'autorité inconnue';
    if (!result.signatureVerified || !signer) return failed('signature de l’autorité invalide', certificates, tsa);
    return {
      ok: true,
      genTime: info.genTime,
      tsa,
      certificateSha256: createHash('sha256').update(Buffer.from(signer.toSchema().toBER(false))).digest('hex'),
      certificates,
      reason: null,
    };
  } catch (error) {
    const message = error instanceof pkijs.SignedDataVerifyError ? error.message : error instanceof Error ? error.message : String(error);
    const reason = /TSTInfo verification/.test(message)
      ? 'le jeton horodate un autre contenu que ce sceau (empreinte différente)'
      : `jeton invalide (${message})`;
    return failed(reason, certificates);
  }
}

export interface StampOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Asks one TSA to stamp `data`; the response, checked, or a French reason. Never throws. */
export async function requestTimestamp(
  url: string,
  data: Buffer,
  options: StampOptions = {},
): Promise<{ tsr: Buffer; check: TokenCheck } | { error: string }> {
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
    if (!response.ok) return { error: `${url} a répondu HTTP ${response.status}` };
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { error: `${url} injoignable (${reason})` };
  }
  const check = await checkTimestamp(body, data, nonce);
  if (!check.ok) return { error: `${url} : ${check.reason ?? 'réponse invalide'}` };
  return { tsr: body, check };
}

export function pemCertificate(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
