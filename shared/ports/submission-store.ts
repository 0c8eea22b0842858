import type { Submission } from '../schemas/submission.js';

export type NewSubmission = Omit<Submission, 'version'>;

export interface RecordResult {
  /** False when this exact file was already recorded for the unit and round. */
  created: boolean;
  submission: Submission;
}

/** The submissions table; one adapter (DynamoDB) implements it. */
export interface SubmissionStore {
  /** Records a submission with the unit's next version number, or returns the one already there. */
  record(submission: NewSubmission): Promise<RecordResult>;
  /** All submissions of a province and round (one Query). */
  listRound(provinceCode: string, roundId: string): Promise<Submission[]>;
  /** One unit's submissions across rounds, oldest first. */
  unitHistory(unitCode: string): Promise<Submission[]>;
}
