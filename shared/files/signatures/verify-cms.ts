// Verifies one CMS signature (PKCS#7 detached, CAdES) over the bytes it signs with pkijs: the
// message digest, the signature over the signed attributes, the signer's certificate and when
// it was signed. Trust (the chain) is decided apart, in chain.ts.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';

export interface CmsResult {
  signerCertificate: pkijs.Certificate | null;
  /** Certificates the CMS carries (the signer's and perhaps its issuers). */
  certificates: pkijs.Certificate[];
  signedAt: Date | null;
  signedAtSource: 'cms' | 'timestamp' | null;
  /** true: digest and signature verify; false: they do not; null: could not be checked. */
  valid: boolean | null;
  problem: string | null;
}

const unreadable = (problem: string): CmsResult => ({
  signerCertificate: null,
  certificates: [],
  signedAt: null,
  signedAtSource: null,
  valid: null,
  problem,
});

function signedDataOf(der: Uint8Array): pkijs.SignedData | null {
  try {
    // asn1js throws on some malformed values (a time that is no time) instead of reporting them.
    const asn1 = asn1js.fromBER(der);
    if (asn1.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== SIGNED_DATA) return null;
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return null;
  }
}

function attributeValue(si: pkijs.SignerInfo, oid: string, unsigned = false) {
  const set = unsigned ? si.unsignedAttrs : si.signedAttrs;
  return set?.attributes.find((a) => a.type === oid)?.values[0];
}

/** The signing-time attribute, else the genTime of a timestamp token (its TSA is not verified). */
function signingTime(si: pkijs.SignerInfo): Pick<CmsResult, 'signedAt' | 'signedAtSource'> {
  const st = attributeValue(si, SIGNING_TIME) as
    | asn1js.UTCTime
    | asn1js.GeneralizedTime
    | undefined;
  if (st && 'toDate' in st) return { signedAt: st.toDate(), signedAtSource: 'cms' };
  const token = attributeValue(si, TIMESTAMP_TOKEN, true);
  if (token) {
    try {
      const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
      const eContent = sd.encapContentInfo.eContent;
      if (eContent) {
        const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
        return { signedAt: tst.genTime, signedAtSource: 'timestamp' };
      }
    } catch {
      // An unreadable token gives no time; the signature itself is judged without it.
    }
  }
  return { signedAt: null, signedAtSource: null };
}

/** Verifies `der` as the signature of `signed` (the concatenated ByteRange). */
export async function verifyCms(der: Uint8Array, signed: Uint8Array): Promise<CmsResult> {
  const sd = signedDataOf(der);
  if (!sd) return unreadable('Không đọc được chữ ký số (không phải CMS/PKCS#7 hợp lệ).');
  const si = sd.signerInfos[0];
  if (!si) return unreadable('Chữ ký số không có thông tin người ký.');
  const certificates = (sd.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const time = signingTime(si);
  const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength);
  try {
    const result = await sd.verify({
      signer: 0,
      data: data as ArrayBuffer,
      checkChain: false,
      extendedMode: true,
    });
    return {
      signerCertificate: result.signerCertificate ?? null,
      certificates,
      ...time,
      valid: result.signatureVerified === true,
      problem: result.signatureVerified ? null : 'Chữ ký số không khớp với nội dung tệp.',
    };
  } catch (e) {
    const failed = e as pkijs.SignedDataVerifyResult;
    const signerCertificate = failed.signerCertificate ?? null;
    if (!signerCertificate)
      return {
        ...unreadable('Chữ ký số không kèm chứng thư số của người ký.'),
        certificates,
        ...time,
      };
    // pkijs says why in English only; a digest that does not match is the one certain verdict.
    const tampered = /digest doesn't match|TSTInfo verification is failed/.test(
      failed.message ?? '',
    );
    return {
      signerCertificate,
      certificates,
      ...time,
      valid: tampered ? false : null,
      problem: tampered
        ? 'Nội dung tệp đã bị thay đổi sau khi ký (chữ ký số không còn khớp).'
        : 'Không kiểm tra được chữ ký số (thuật toán hoặc cấu trúc không được hỗ trợ).',
    };
  }
}
