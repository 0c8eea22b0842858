// The signatures of a signed PDF: each dictionary found by its ByteRange, its CMS verified over
// the bytes it names, its certificate chained to the Department's trust list, and what the file
// holds after it (a later signature is normal; anything else is content added after signing).
import type { Signature } from '../../schemas/signature.js';
import { certificateNames } from './certificate-names.js';
import { chainsTo, trustAnchors } from './chain.js';
import { type FoundSignature, locateSignatures } from './locate.js';
import { verifyCms } from './verify-cms.js';

/** The certificates (DER) a file's signatures are chained to: the Department's trust list. */
export type TrustList = readonly Uint8Array[];

/** Bytes after the last %%EOF that count as nothing (line ends, padding some writers add). */
const TAIL = /^[\s\0]*$/;

function signedBytes(pdf: Uint8Array, [a, b, c, d]: FoundSignature['byteRange']): Uint8Array {
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}

function emptyAfter(pdf: Uint8Array, end: number): boolean {
  return pdf.length - end <= 4096 && TAIL.test(Buffer.from(pdf.subarray(end)).toString('latin1'));
}

/** Whether the bytes from `end` on are empty, or each incremental update is closed by a signature. */
function onlySignaturesAfter(pdf: Uint8Array, end: number, ends: Set<number>): boolean {
  const rest = Buffer.from(pdf.buffer, pdf.byteOffset + end, pdf.byteLength - end);
  let from = 0;
  for (let at = rest.indexOf('%%EOF'); at >= 0; at = rest.indexOf('%%EOF', at + 5)) {
    let close = at + 5;
    while (close < rest.length && (rest[close] === 0x0d || rest[close] === 0x0a)) close++;
    // An update's end is where a later signature's signed bytes end (with or without its EOL).
    const closed = [at + 5, at + 6, close].some((e) => ends.has(end + e));
    if (!closed) return false;
    from = close;
  }
  return (
    TAIL.test(rest.toString('latin1', from, Math.min(rest.length, from + 4096))) &&
    rest.length - from <= 4096
  );
}

/** Verifies every signature of `pdf`; an empty array when it has none. */
export async function verifyPdfSignatures(pdf: Uint8Array, trust: TrustList): Promise<Signature[]> {
  const found = locateSignatures(pdf);
  if (!found.length) return [];
  const anchors = trustAnchors(trust);
  const ends = new Set(found.filter((f) => !f.problem).map((f) => f.end));
  const out: Signature[] = [];
  for (const f of found) {
    const covers = !f.problem && emptyAfter(pdf, f.end);
    const base: Signature = {
      signer: null,
      organization: null,
      signedAt: f.claimedAt,
      signedAtSource: f.claimedAt ? 'dictionary' : null,
      valid: f.problem ? false : null,
      coversWholeDocument: covers,
      changedAfter: f.problem ? false : !covers && !onlySignaturesAfter(pdf, f.end, ends),
      chainsToTrustList: false,
      problem: f.problem,
    };
    if (!f.cms) {
      out.push(base);
      continue;
    }
    const cms = await verifyCms(f.cms, signedBytes(pdf, f.byteRange)).catch(() => null);
    if (!cms) {
      out.push({ ...base, problem: 'Không đọc được chữ ký số (cấu trúc CMS bị hỏng).' });
      continue;
    }
    const names = cms.signerCertificate ? certificateNames(cms.signerCertificate) : null;
    const signedAt = cms.signedAt ?? (f.claimedAt ? new Date(f.claimedAt) : null);
    out.push({
      ...base,
      signer: names?.commonName ?? null,
      organization: names?.organizationalUnit ?? names?.organization ?? null,
      signedAt: signedAt ? signedAt.toISOString() : null,
      signedAtSource: cms.signedAtSource ?? base.signedAtSource,
      valid: cms.valid,
      chainsToTrustList: cms.signerCertificate
        ? await chainsTo(cms.signerCertificate, cms.certificates, anchors, signedAt ?? new Date())
        : false,
      problem: cms.problem,
    });
  }
  return out;
}
