import type { DepartmentStore } from '../ports/department-store.js';
import type { MailOutbox } from '../ports/mail.js';
import type { RoundStore } from '../ports/round-store.js';
import { roundById } from '../rounds/rounds.js';
import type { MailJob } from '../schemas/mail.js';
import type { Submission } from '../schemas/submission.js';
import type { Department, Unit } from '../schemas/unit.js';
import type { UnitRegistry } from '../units/registry.js';
import { receiptMail } from './templates.js';

/** The receipt for a stored submission, or null when the unit has no contact to send it to. */
export function receiptJob(
  submission: Submission,
  unit: Unit | undefined,
  roundTitle: string,
  department: Department | null,
  portalUrl: string,
): MailJob | null {
  if (!unit?.emails.length) return null;
  const mail = receiptMail({ submission, unit, roundTitle, department, portalUrl });
  return {
    kind: 'receipt',
    ledgerKey: `RECEIPT#${submission.submissionId}`,
    provinceCode: submission.provinceCode,
    roundId: submission.roundId,
    unitCode: unit.code,
    offsetDays: null,
    to: unit.emails,
    ...mail,
  };
}

export interface ReceiptDeps {
  registry: UnitRegistry;
  departments: DepartmentStore;
  rounds: RoundStore;
  outbox: MailOutbox;
  /** The portal's address, for the link to the unit's page. */
  portalUrl: string;
}

/**
 * Queues the receipt of a stored submission for the sender, like every other mail: its ledger
 * entry keeps it to one however often the file is recorded; throws on a transient failure.
 */
export async function queueReceipt(
  submission: Submission,
  deps: ReceiptDeps,
): Promise<'queued' | 'no_contact'> {
  const unit = deps.registry.byCode(submission.unitCode);
  if (!unit?.emails.length) return 'no_contact';
  const [round, department] = await Promise.all([
    roundById(deps.rounds, submission.provinceCode, submission.roundId),
    deps.departments.get(submission.provinceCode),
  ]);
  const title = round?.title ?? `kỳ báo cáo ${submission.roundId}`;
  const job = receiptJob(submission, unit, title, department, deps.portalUrl);
  if (!job) return 'no_contact';
  await deps.outbox.enqueue([job]);
  return 'queued';
}
