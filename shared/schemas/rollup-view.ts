import * as z from 'zod';
import { DocumentType, Indicator } from './report.js';
import { Signature } from './signature.js';
import { Submission } from './submission.js';

// What the rollup needs of one submission, a few kilobytes where the full report is tens: the
// kind of document, its catalogued figures and the points of its difficulties and proposals.
// Ingest stores it beside the full submission so that a rollup reads only these.

export const RollupPoint = z.object({
  kind: z.enum(['difficulties', 'causes', 'proposals']),
  /** The heading of the section the point was taken from. */
  section: z.string(),
  /** The point as the Department reads it: repaired by the reader where OCR damaged it. */
  text: z.string(),
  /**
   * The point as the file had it. Views stored before the reader repaired words lack it: their
   * text is as read, and the rollup repairs it when it quotes it.
   */
  original: z.string().optional(),
});
export type RollupPoint = z.infer<typeof RollupPoint>;

export const RollupView = z.object({
  documentType: DocumentType,
  number: z.string().nullable(),
  title: z.string().nullable(),
  /** The figures that map to the indicator catalogue, with their lines. */
  indicators: z.array(Indicator),
  points: z.array(RollupPoint),
  /** The file's digital signatures as verified (absent in views stored before them). */
  signatures: z.array(Signature).optional(),
});
export type RollupView = z.infer<typeof RollupView>;

/** A stored submission as the rollup reads it: everything but the report, and its view. */
export const RollupSubmission = Submission.omit({ report: true }).extend({
  view: RollupView.nullable(),
});
export type RollupSubmission = z.infer<typeof RollupSubmission>;
