import * as z from 'zod';

/**
 * One digital signature of a signed file, as verified offline. Part of the public contract of
 * `tonghop parse --json` (`signatures`). Revocation (CRL/OCSP) is never checked: offline it cannot be.
 */
export const Signature = z.object({
  /** The signing certificate's common name (CN) as written: a person or an organisation. */
  signer: z.string().nullable(),
  /** The certificate's organisation (OU, else O) as written, e.g. "UỶ BAN NHÂN DÂN XÃ …". */
  organization: z.string().nullable(),
  /** When it was signed (ISO 8601), from `signedAtSource`; null when the file does not say. */
  signedAt: z.string().nullable(),
  /** cms: the signed signing-time attribute; timestamp: a timestamp token; dictionary: only /M. */
  signedAtSource: z.enum(['cms', 'timestamp', 'dictionary']).nullable(),
  /**
   * Integrity: the digest over the signed bytes matches and the signature over the signed
   * attributes verifies with the certificate's key. null when it could not be checked at all.
   */
  valid: z.boolean().nullable(),
  /** The signed bytes are the whole file as received. */
  coversWholeDocument: z.boolean(),
  /**
   * Something other than a later signature was added after this one (an incremental update):
   * a first signature followed only by a second is not changed.
   */
  changedAfter: z.boolean(),
  /** The certificate chains to a certificate of the Department's trust list (at `signedAt`). */
  chainsToTrustList: z.boolean(),
  /** Why it is not valid, or what could not be checked: Vietnamese, for people; null when none. */
  problem: z.string().nullable(),
  /** In an edXML package: the attachment the signature is on. */
  file: z.string().optional(),
});
export type Signature = z.infer<typeof Signature>;
