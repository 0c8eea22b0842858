import type { AuditEntry } from '../schemas/audit.js';
import type { Diagnostic } from '../schemas/diagnostic.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import type { Signature } from '../schemas/signature.js';
import type { Submission, SubmissionStatus } from '../schemas/submission.js';

export type NewSubmission = Omit<Submission, 'version'>;

export interface RecordResult {
  /** False when this exact file was already recorded for the unit and round. */
  created: boolean;
  submission: Submission;
}

/** What names one stored submission (its table key). */
export type SubmissionRef = Pick<
  Submission,
  'provinceCode' | 'roundId' | 'unitCode' | 'submissionId'
>;

/** A reviewer's decision: the new status and its audit entry, applied only to what was seen. */
export interface ReviewChange {
  status: SubmissionStatus;
  entry: AuditEntry;
  /** The status and number of audit entries the reviewer saw; anything else means someone was first. */
  seen: { status: SubmissionStatus; decisions: number };
}

/** The submissions table; one adapter (DynamoDB) implements it. */
export interface SubmissionStore {
  /** Records a submission with the unit's next version number, or returns the one already there. */
  record(submission: NewSubmission): Promise<RecordResult>;
  /** All submissions of a province and round (one Query). */
  listRound(provinceCode: string, roundId: string): Promise<Submission[]>;
  /**
   * The same submissions as the rollup reads them (their compact views, kilobytes each, kept
   * beside the full ones): a store without views leaves it out and the rollup reads listRound.
   */
  listRoundViews?(provinceCode: string, roundId: string): Promise<RollupSubmission[]>;
  /** One unit's submissions across rounds, oldest first. */
  unitHistory(unitCode: string): Promise<Submission[]>;
  get(ref: SubmissionRef): Promise<Submission | null>;
  /**
   * Sets the status and appends the audit entry in one conditional write; null when the
   * submission is gone or no longer as `seen` (another reviewer decided meanwhile).
   */
  applyReview(ref: SubmissionRef, change: ReviewChange): Promise<Submission | null>;
  /**
   * The file's signatures verified again (the trust list changed) and the diagnostics they give,
   * in the report and in the rollup's view; the status is left as it is. False when it is gone.
   */
  updateSignatures(
    ref: SubmissionRef,
    change: { signatures: Signature[]; diagnostics: Diagnostic[] },
  ): Promise<boolean>;
}
