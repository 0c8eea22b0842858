import { roundById } from '../rounds/rounds.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import type { ReviewDeps } from './review-deps.js';
import { type ReviewMailInput, reviewMailJob } from './review-mail.js';

/**
 * Queues the unit's mail about the latest decision on `s`; the decision's position in the audit
 * keys it in the mail ledger, so it goes out once. False when the unit has no address.
 */
export async function notifyUnit(
  kind: ReviewMailInput['kind'],
  s: Submission,
  unit: Unit,
  message: string,
  deps: ReviewDeps,
): Promise<boolean> {
  const [round, department] = await Promise.all([
    roundById(deps.rounds, s.provinceCode, s.roundId),
    deps.departments.get(s.provinceCode),
  ]);
  const input = {
    kind,
    submission: s,
    unit,
    roundTitle: round?.title ?? `kỳ báo cáo ${s.roundId}`,
    message,
    department,
    portalUrl: deps.portalUrl,
  };
  const job = reviewMailJob(input, s.audit?.length ?? 0);
  if (!job) return false;
  await deps.outbox.enqueue([job]);
  return true;
}
