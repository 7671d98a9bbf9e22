// A time-stamp token made without an authority: a TSTInfo for the given bytes and time, signed with any key and
// certificate (pkijs, no signed attributes). What a forger holding a certificate under a trusted root, but not a
// time-stamping one, would try.
import { createHash, createPrivateKey, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

const arrayBuffer = (data: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
};

function certificates(chain: string): pkijs.Certificate[] {
  return (chain.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map((pem) =>
    pkijs.Certificate.fromBER(arrayBuffer(Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'))),
  );
}

/** A TimeStampResp (granted) whose token says `data` existed at `genTime`, signed by the first certificate of `chain`. */
export async function forgeToken(data: Buffer, genTime: Date, chain: string, keyPem: string): Promise<Buffer> {
  const certs = certificates(chain);
  const [signer] = certs;
  if (!signer) throw new Error('no certificate');
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha256').update(data).digest()) }),
    }),
    serialNumber: new asn1js.Integer({ value: 7 }),
    genTime,
  });
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: TST_INFO_OID,
      eContent: new asn1js.OctetString({ valueHex: info.toSchema().toBER(false) }),
    }),
    signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }) })],
    certificates: certs,
  });
  const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  await signed.sign(key as Parameters<pkijs.SignedData['sign']>[0], 0, 'SHA-256');
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) }),
  });
  return Buffer.from(response.toSchema().toBER(false));
}
