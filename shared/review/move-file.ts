import { createHash } from 'node:crypto';
import { UNRESOLVED_ROUND } from '../ingest/upload-key.js';
import { checkPeriod } from '../rounds/round-period.js';
import { roundById } from '../rounds/rounds.js';
import type { AuditEntry } from '../schemas/audit.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { ReviewDeps, ReviewOutcome } from './review-deps.js';
import {
  checkedReason,
  concurrentDecision,
  isOtherPeriod,
  movedBy,
  type Reviewer,
  ReviewRefused,
  type ReviewRequest,
} from './review-rules.js';

type MoveRequest = Extract<ReviewRequest, { action: 'move' }>;

const PERIOD_CODES = new Set(['period.mismatch', 'period.otherRound', 'period.missing']);

async function targetRound(s: Submission, req: MoveRequest, deps: ReviewDeps): Promise<Round> {
  const roundId = req.roundId.trim();
  const round =
    roundId && roundId !== UNRESOLVED_ROUND && roundId !== s.roundId
      ? await roundById(deps.rounds, s.provinceCode, roundId)
      : null;
  if (!round)
    throw new ReviewRefused(
      'roundId',
      `Vui lòng chọn kỳ báo cáo khác kỳ ${s.roundId} trong danh sách để chuyển báo cáo sang.`,
    );
  return round;
}

/** The file as the target round's submission: the period checked again against that round. */
function movedSubmission(s: Submission, round: Round, entry: AuditEntry) {
  const { version: _v, audit: _a, ...file } = s;
  const period = s.report ? checkPeriod(s.report, round) : null;
  const diagnostics = [
    ...(period ? [period] : []),
    ...s.diagnostics.filter((d) => !PERIOD_CODES.has(d.code ?? '')),
  ];
  // Held again only by what the move does not settle (another unit named, a date to check…).
  const status: Submission['status'] = diagnostics.some((d) => d.level === 'error')
    ? 'needs_review'
    : 'accepted';
  const submissionId = createHash('sha256')
    .update([s.submissionId, 'move', round.roundId].join('\u0000'))
    .digest('hex')
    .slice(0, 24);
  return {
    ...file,
    submissionId,
    roundId: round.roundId,
    status,
    diagnostics,
    audit: [{ ...entry, to: status, relatedSubmissionId: s.submissionId }],
  };
}

/**
 * Moves a report of another period to the round it belongs to, in one action: the file becomes
 * the unit's submission of that round (its upload time kept, its period checked again there);
 * the record in the wrong round is set aside with an entry pointing to it, so that it counts
 * for nothing there and the unit is still reminded of the report that round asks for. The desk
 * log says who moved what where. Asking again finishes a move a failure interrupted.
 */
export async function moveFile(
  s: Submission,
  req: MoveRequest,
  by: Reviewer,
  now: Date,
  deps: ReviewDeps,
): Promise<ReviewOutcome> {
  const round = await targetRound(s, req, deps);
  const earlier = movedBy(s);
  const resumed = earlier?.roundId === round.roundId;
  if (!isOtherPeriod(s) || (earlier && !resumed))
    throw new ReviewRefused(
      'action',
      'Chỉ chuyển được báo cáo không đúng kỳ và chưa được chuyển; vui lòng tải lại trang.',
    );
  const entry: AuditEntry = {
    action: 'move',
    by: { sub: by.sub, email: by.email },
    at: earlier?.at ?? now.toISOString(),
    reason: earlier?.reason ?? checkedReason(req),
    from: s.status,
    to: 'rejected',
    roundId: round.roundId,
  };
  const moved = movedSubmission(s, round, entry);
  let original = s;
  if (!resumed) {
    const seen = { status: s.status, decisions: s.audit?.length ?? 0 };
    const withLink = { ...entry, relatedSubmissionId: moved.submissionId };
    const claimed = await deps.submissions.applyReview(s, {
      status: 'rejected',
      entry: withLink,
      seen,
    });
    if (!claimed) throw concurrentDecision();
    original = claimed;
  }
  const recorded = await deps.submissions.record(moved);
  if (recorded.created)
    await deps.deskLog?.append({
      provinceCode: s.provinceCode,
      at: now.toISOString(),
      by: { sub: by.sub, email: by.email },
      action: 'submission_moved',
      subject: `${s.unitCode} ${s.roundId} → ${round.roundId}`,
      detail: `${s.file.name}: ${s.roundId} → ${round.roundId}${entry.reason ? ` (${entry.reason})` : ''}`,
    });
  return { submission: original, assigned: recorded.submission, mailed: false };
}
