// A test PKI made at test time (never shipped): a root, an intermediate, and end-entity
// certificates for organisations and people, with Vietnamese names encoded as UTF8String.
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const YEAR = 365 * 24 * 3600 * 1000;

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  /** DER bytes of the certificate. */
  der: Uint8Array;
  /** The certificate as PEM text. */
  pem: string;
}

let serial = 1;

async function issue(
  subject: string,
  issuer: Issued | null,
  opts: { ca?: boolean; notBefore?: Date; notAfter?: Date } = {},
): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = opts.notBefore ?? new Date(Date.now() - YEAR);
  const notAfter = opts.notAfter ?? new Date(Date.now() + 5 * YEAR);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(Boolean(opts.ca), undefined, true),
    new x509.KeyUsagesExtension(
      opts.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(8, '0'),
    subject,
    issuer: issuer ? issuer.cert.subject : subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    extensions,
  });
  return { cert, keys, der: new Uint8Array(cert.rawData), pem: cert.toString('pem') };
}

export interface TestPki {
  root: Issued;
  intermediate: Issued;
  /** An organisation's certificate (CN = the People's Committee), issued by the intermediate. */
  organization(name: string, province?: string): Promise<Issued>;
  /** A person's certificate, OU = their unit, issued by the intermediate. */
  person(name: string, unit: string): Promise<Issued>;
  /** A certificate that signs itself: chains to nothing. */
  selfSigned(name: string): Promise<Issued>;
}

const escapeRdn = (v: string) => v.replace(/([,+"\\<>;=])/g, '\\$1');

export async function makeTestPki(): Promise<TestPki> {
  const root = await issue('CN=Test Root CA Chính phủ, O=Ban Cơ yếu Thử nghiệm, C=VN', null, {
    ca: true,
  });
  const intermediate = await issue('CN=Test CA Cấp 2, O=Ban Cơ yếu Thử nghiệm, C=VN', root, {
    ca: true,
  });
  return {
    root,
    intermediate,
    organization: (name, province = 'Tỉnh Thử') =>
      issue(
        `CN=${escapeRdn(name)}, O=${escapeRdn(name)}, L=${escapeRdn(province)}, C=VN`,
        intermediate,
      ),
    person: (name, unit) =>
      issue(
        `CN=${escapeRdn(name)}, OU=${escapeRdn(unit)}, O=${escapeRdn(unit)}, C=VN`,
        intermediate,
      ),
    selfSigned: (name) => issue(`CN=${escapeRdn(name)}, O=${escapeRdn(name)}, C=VN`, null),
  };
}
