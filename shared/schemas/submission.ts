import * as z from 'zod';
import { AuditEntry } from './audit.js';
import { Diagnostic } from './diagnostic.js';
import { Report } from './report.js';
import { SubmissionStatus } from './submission-status.js';
import { Uploader } from './uploader.js';

export { SubmissionStatus };

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
  /** The Department's decisions on this file, oldest first; absent until the first one. */
  audit: z.array(AuditEntry).optional(),
  /** Who uploaded it through the portal; absent for files written with AWS credentials. */
  uploadedBy: Uploader.optional(),
});
export type Submission = z.infer<typeof Submission>;
