import type { TrustedCertificate } from '../schemas/trusted-certificate.js';

/** Each Department's trust list: the certificates (root or intermediate CAs) it trusts. */
export interface TrustStore {
  /** The certificates on the list now (removed ones left out). */
  list(provinceCode: string): Promise<TrustedCertificate[]>;
  /** Adds certificates (one already listed is written again, unchanged); returns how many. */
  add(provinceCode: string, certificates: TrustedCertificate[]): Promise<number>;
  /**
   * Takes one certificate off the list (kept as removed, never deleted); false when it is not
   * on the list. Importing it again puts it back.
   */
  remove(provinceCode: string, sha256: string, by: { at: string; email: string }): Promise<boolean>;
}

/** The DER bytes of a trust list, as the signature verifier takes them. */
export const trustDers = (list: TrustedCertificate[]): Uint8Array[] =>
  list.map((c) => new Uint8Array(Buffer.from(c.der, 'base64')));
