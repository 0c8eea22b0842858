import * as z from 'zod';

/** A certificate of a Department's trust list: signatures chained to it count as trusted. */
export const TrustedCertificate = z.object({
  /** SHA-256 of the DER, hex: the certificate's identity in the list. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** The certificate itself, DER in base64. */
  der: z.string(),
  importedAt: z.string(),
  /** Who imported it: an e-mail at the desk, "cli" from `tonghop trust import`. */
  importedBy: z.string(),
  /** Taken off the list at the desk (kept, not deleted: the desk log says who and when). */
  removedAt: z.string().optional(),
  removedBy: z.string().optional(),
});
export type TrustedCertificate = z.infer<typeof TrustedCertificate>;
