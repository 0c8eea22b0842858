import type { DepartmentStore } from '../ports/department-store.js';
import type { DeskLog } from '../ports/desk-log.js';
import type { MailOutbox } from '../ports/mail.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import type { UnitStore } from '../ports/unit-store.js';
import type { Submission } from '../schemas/submission.js';

export interface ReviewDeps {
  submissions: SubmissionStore;
  units: Pick<UnitStore, 'list'>;
  rounds: Pick<RoundStore, 'list'>;
  departments: Pick<DepartmentStore, 'get'>;
  outbox: MailOutbox;
  /** The portal's address, for the link in the unit's mail. */
  portalUrl: string;
  now?: () => Date;
  /** Where a move to another round is recorded (the desk log). */
  deskLog?: Pick<DeskLog, 'append'>;
}

export interface ReviewOutcome {
  /** The submission as the decision left it. */
  submission: Submission;
  /** `assign`, `move`: the unit's new submission, the one that counts. */
  assigned: Submission | null;
  /** Whether the unit was mailed (false when it has no contact address). */
  mailed: boolean;
}
