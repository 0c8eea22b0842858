import type { TrustedCertificate } from '../schemas/trusted-certificate.js';

/** Each Department's trust list: the certificates (root or intermediate CAs) it trusts. */
export interface TrustStore {
  list(provinceCode: string): Promise<TrustedCertificate[]>;
  /** Adds certificates (one already listed is written again, unchanged); returns how many. */
  add(provinceCode: string, certificates: TrustedCertificate[]): Promise<number>;
}

/** The DER bytes of a trust list, as the signature verifier takes them. */
export const trustDers = (list: TrustedCertificate[]): Uint8Array[] =>
  list.map((c) => new Uint8Array(Buffer.from(c.der, 'base64')));
