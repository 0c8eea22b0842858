// Certificates a Department imports into its trust list: PEM (one or several) or DER files, and
// PKCS#7 bundles (.p7b, .p7c: certificates only), read with @peculiar/x509. A file that holds no
// certificate is refused with one plain reason in Vietnamese.
import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { TrustedCertificate } from '../../schemas/trusted-certificate.js';

/** A trust-list file is a few certificates; anything larger is not one. */
export const MAX_TRUST_FILE_BYTES = 512 * 1024;
/** Certificates in one file, and files in one import at the desk. */
export const MAX_CERTIFICATES = 50;
export const MAX_TRUST_FILES = 20;

export class TrustFileProblem extends Error {
  override readonly name = 'TrustFileProblem';
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PEM_PKCS7 = /-----BEGIN (PKCS7|CMS)-----[\s\S]*?-----END (PKCS7|CMS)-----/;
const unarmour = (block: string) =>
  new Uint8Array(Buffer.from(block.replace(/-----[A-Z0-9 ]+-----|\s+/g, ''), 'base64'));

/** A PKCS#7 bundle's certificates; null when the bytes are not one. */
function bundle(der: Uint8Array): x509.X509Certificate[] | null {
  try {
    const certs = new x509.X509Certificates(der as Uint8Array<ArrayBuffer>);
    return certs.length ? [...certs] : null;
  } catch {
    return null;
  }
}

function single(der: Uint8Array): x509.X509Certificate | null {
  try {
    return new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
  } catch {
    return null;
  }
}

/** Every certificate of the file, whatever its armour; throws TrustFileProblem when none is read. */
function certificatesIn(fileName: string, bytes: Uint8Array): x509.X509Certificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  const unreadable = () =>
    new TrustFileProblem(
      `Tệp "${fileName}" không phải chứng thư số đọc được (cần tệp .cer, .crt, .pem, .der hoặc .p7b).`,
    );
  if (text.includes('-----BEGIN')) {
    const pkcs7 = PEM_PKCS7.exec(text);
    const found = pkcs7
      ? bundle(unarmour(pkcs7[0]))
      : (text.match(PEM_CERT) ?? []).map((b) => single(unarmour(b)));
    if (!found?.length || found.some((c) => c === null)) throw unreadable();
    return found as x509.X509Certificate[];
  }
  const one = single(bytes);
  if (one) return [one];
  const many = bundle(bytes);
  if (!many) throw unreadable();
  return many;
}

/** The certificates of one file, ready for the list; throws TrustFileProblem when there are none. */
export function certificatesOf(
  fileName: string,
  bytes: Uint8Array,
  importedBy: string,
  now = new Date(),
): TrustedCertificate[] {
  if (bytes.length > MAX_TRUST_FILE_BYTES)
    throw new TrustFileProblem(
      `Tệp "${fileName}" lớn hơn ${MAX_TRUST_FILE_BYTES / 1024} KB, không phải tệp chứng thư số.`,
    );
  if (!bytes.length) throw new TrustFileProblem(`Tệp "${fileName}" rỗng (0 byte).`);
  const found = certificatesIn(fileName, bytes);
  if (found.length > MAX_CERTIFICATES)
    throw new TrustFileProblem(
      `Tệp "${fileName}" có hơn ${MAX_CERTIFICATES} chứng thư; danh sách tin cậy chỉ cần chứng thư gốc và trung gian.`,
    );
  return found.map((cert) => {
    const der = new Uint8Array(cert.rawData);
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

export interface CertificateSummary {
  /** The subject's CN and O as written; null when the certificate has none. */
  commonName: string | null;
  organization: string | null;
  issuerCommonName: string | null;
  /** Whether the certificate may issue others (basic constraints cA). */
  authority: boolean;
}

/** What a person needs to recognise a listed certificate. */
export function summarize(c: TrustedCertificate): CertificateSummary {
  const cert = single(new Uint8Array(Buffer.from(c.der, 'base64')));
  const field = (name: x509.Name | undefined, key: string) =>
    name?.getField(key)[0]?.normalize('NFC') ?? null;
  const constraints = cert?.getExtension(x509.BasicConstraintsExtension);
  return {
    commonName: field(cert?.subjectName, 'CN'),
    organization: field(cert?.subjectName, 'O'),
    issuerCommonName: field(cert?.issuerName, 'CN'),
    authority: constraints?.ca ?? false,
  };
}

/** "AB:CD:…" of the SHA-256, as certificate viewers show a fingerprint. */
export const fingerprint = (sha256: string) => (sha256.match(/../g) ?? []).join(':').toUpperCase();
