import * as z from 'zod';

/**
 * One uploaded object as an S3 event names it (key already decoded). Ingest hands exactly this, as
 * JSON, to the OCR queue when a file needs OCR; the OCR function parses it back with this schema.
 */
export const ObjectRef = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  size: z.number().int().nonnegative(),
  versionId: z.string().nullable(),
  eTag: z.string().nullable(),
  sequencer: z.string().nullable(),
  /** When S3 accepted the upload. */
  eventTime: z.iso.datetime(),
});
export type ObjectRef = z.infer<typeof ObjectRef>;
