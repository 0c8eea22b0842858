import * as z from 'zod';
import { Diagnostic } from './diagnostic.js';
import { Report } from './report.js';

export const SubmissionStatus = z.enum(['accepted', 'needs_review', 'rejected']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** One uploaded file as ingest recorded it; never deleted, re-uploads become new versions. */
export const Submission = z.object({
  /** Derived from province, round, unit and the file's content: the same file twice is one submission. */
  submissionId: z.string(),
  provinceCode: z.string(),
  roundId: z.string(),
  /** The unit the file was sent for; "_" when neither the path nor the document named a known one. */
  unitCode: z.string(),
  version: z.number().int().positive(),
  status: SubmissionStatus,
  diagnostics: z.array(Diagnostic),
  file: z.object({
    bucket: z.string(),
    key: z.string(),
    versionId: z.string().nullable(),
    name: z.string(),
    size: z.number().int().nonnegative(),
    sha256: z.string().nullable(),
    format: z.string().nullable(),
  }),
  /** When the file was uploaded (the S3 event time): decides timeliness. */
  uploadedAt: z.string(),
  processedAt: z.string(),
  report: Report.nullable(),
});
export type Submission = z.infer<typeof Submission>;
