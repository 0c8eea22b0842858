import type { SubmissionRef } from '../ports/submission-store.js';
import type { Submission } from '../schemas/submission.js';
import { assignFile } from './assign-file.js';
import { moveFile } from './move-file.js';
import { notifyUnit } from './notify-unit.js';
import type { ReviewDeps, ReviewOutcome } from './review-deps.js';
import {
  concurrentDecision,
  decide,
  type Reviewer,
  ReviewRefused,
  type ReviewRequest,
} from './review-rules.js';

/** Loads what the reviewer acts on; staff of one province never touch another's files. */
export async function loadForReview(
  ref: SubmissionRef,
  by: Reviewer,
  deps: Pick<ReviewDeps, 'submissions'>,
): Promise<Submission> {
  const s = ref.provinceCode === by.provinceCode ? await deps.submissions.get(ref) : null;
  if (!s)
    throw new ReviewRefused(
      'submission',
      'Không tìm thấy hồ sơ này trong tỉnh của bạn; vui lòng quay lại danh sách cần xem xét.',
    );
  return s;
}

/**
 * One reviewer's decision on one stored file: approve, return for correction, assign an
 * unmatched file to a unit, or mark it as not a report. The decision and its audit entry are
 * written together, only onto the state the reviewer saw; a returned or assigned file's unit is
 * mailed a link to its portal page. Refusals are ReviewRefused, with the field and what to do.
 */
export async function reviewSubmission(
  ref: SubmissionRef,
  req: ReviewRequest,
  by: Reviewer,
  deps: ReviewDeps,
): Promise<ReviewOutcome> {
  const now = deps.now?.() ?? new Date();
  const s = await loadForReview(ref, by, deps);
  if (req.action === 'assign') return assignFile(s, req, by, now, deps);
  if (req.action === 'move') return moveFile(s, req, by, now, deps);
  const { status, entry } = decide(s, req, by, now);
  const decided = await deps.submissions.applyReview(ref, {
    status,
    entry,
    seen: { status: s.status, decisions: s.audit?.length ?? 0 },
  });
  if (!decided) throw concurrentDecision();
  let mailed = false;
  if (req.action === 'return') {
    const unit = (await deps.units.list(s.provinceCode)).find((u) => u.code === s.unitCode);
    if (unit) mailed = await notifyUnit('return', decided, unit, entry.reason, deps);
  }
  return { submission: decided, assigned: null, mailed };
}
