// Certificates a Department imports into its trust list: PEM (one or several) or DER files,
// read with @peculiar/x509. A file that holds no certificate is refused in Vietnamese.
import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { TrustedCertificate } from '../../schemas/trusted-certificate.js';

/** A trust-list file is a few certificates; anything larger is not one. */
export const MAX_TRUST_FILE_BYTES = 512 * 1024;
const MAX_CERTIFICATES = 50;

export class TrustFileProblem extends Error {
  override readonly name = 'TrustFileProblem';
}

function ders(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN')) return [bytes];
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map(
    (b) => new Uint8Array(Buffer.from(b.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64')),
  );
}

/** The certificates of one file, ready for the list; throws TrustFileProblem when there are none. */
export function certificatesOf(
  fileName: string,
  bytes: Uint8Array,
  importedBy: string,
  now = new Date(),
): TrustedCertificate[] {
  if (bytes.length > MAX_TRUST_FILE_BYTES)
    throw new TrustFileProblem(`Tệp "${fileName}" quá lớn để là tệp chứng thư số.`);
  const found = ders(bytes);
  if (!found.length || found.length > MAX_CERTIFICATES)
    throw new TrustFileProblem(`Tệp "${fileName}" không chứa chứng thư số (PEM hoặc DER).`);
  return found.map((der) => {
    let cert: x509.X509Certificate;
    try {
      cert = new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
    } catch {
      throw new TrustFileProblem(`Tệp "${fileName}" không phải chứng thư số X.509 đọc được.`);
    }
    return {
      sha256: createHash('sha256').update(der).digest('hex'),
      subject: cert.subject,
      issuer: cert.issuer,
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      der: Buffer.from(der).toString('base64'),
      importedAt: now.toISOString(),
      importedBy,
    };
  });
}
