import * as z from 'zod';

/**
 * What became of one uploaded file. Ingest decides the first three; `returned` is only ever set
 * by the Department (sent back for correction), and a reviewer may move a file between them.
 * `ocr_pending`: a scan or photo waiting for the OCR function, which then sets its final status.
 */
export const SubmissionStatus = z.enum([
  'accepted',
  'needs_review',
  'rejected',
  'returned',
  'ocr_pending',
]);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;
