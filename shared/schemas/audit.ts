import * as z from 'zod';
import { SubmissionStatus } from './submission-status.js';

/** What a Department reviewer can do with a stored file. */
export const ReviewAction = z.enum(['approve', 'return', 'assign', 'not_report', 'move']);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** The longest reason or message a reviewer may write (it is mailed and shown as written). */
export const MAX_REASON_CHARS = 2000;

/** One decision on a submission, kept on it for good: who, when, what, why. */
export const AuditEntry = z.object({
  action: ReviewAction,
  by: z.object({ sub: z.string().min(1), email: z.string() }),
  at: z.string().datetime({ offset: true }),
  /** Why, in the reviewer's words; for `return` the message the unit reads. */
  reason: z.string().max(MAX_REASON_CHARS),
  from: SubmissionStatus,
  to: SubmissionStatus,
  /**
   * `assign`: on the unmatched file, the submission made for the unit; on that new submission,
   * the unmatched file it came from.
   */
  relatedSubmissionId: z.string().optional(),
  /** `assign`: the unit and round the file was given to; `move`: the round it was moved to. */
  unitCode: z.string().optional(),
  roundId: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The Department's message to the unit, while the file stands returned for correction. */
export function returnMessage(s: { status: string; audit?: AuditEntry[] }): string | null {
  if (s.status !== 'returned') return null;
  return s.audit?.findLast((a) => a.action === 'return')?.reason ?? null;
}

/** Accepted by ingest's own checks, or approved (or assigned) by the Department's staff. */
export function acceptedBy(s: {
  status: string;
  audit?: AuditEntry[];
}): 'automatic' | 'staff' | null {
  if (s.status !== 'accepted') return null;
  return s.audit?.at(-1)?.to === 'accepted' ? 'staff' : 'automatic';
}
