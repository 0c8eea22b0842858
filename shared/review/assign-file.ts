import { createHash } from 'node:crypto';
import { UNRESOLVED_ROUND } from '../ingest/upload-key.js';
import { roundById } from '../rounds/rounds.js';
import type { AuditEntry } from '../schemas/audit.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { notifyUnit } from './notify-unit.js';
import type { ReviewDeps, ReviewOutcome } from './review-deps.js';
import {
  checkedReason,
  concurrentDecision,
  isUnmatched,
  type Reviewer,
  ReviewRefused,
  type ReviewRequest,
  settledBy,
} from './review-rules.js';

/** What ingest said about not finding the unit or round: no longer true once a person has. */
const RESOLVED_BY_ASSIGNING = new Set([
  'unit.unresolved',
  'unit.otherProvince',
  'unit.unknown',
  'round.unresolved',
]);

type AssignRequest = Extract<ReviewRequest, { action: 'assign' }>;

async function target(
  s: Submission,
  req: AssignRequest,
  deps: ReviewDeps,
): Promise<{ unit: Unit; roundId: string }> {
  const roundId = (req.roundId ?? '').trim() || s.roundId;
  if (roundId === UNRESOLVED_ROUND || !(await roundById(deps.rounds, s.provinceCode, roundId)))
    throw new ReviewRefused(
      'roundId',
      `Tỉnh không có kỳ báo cáo "${roundId}"; vui lòng chọn kỳ báo cáo trong danh sách.`,
    );
  const code = req.unitCode.trim();
  const unit = (await deps.units.list(s.provinceCode)).find((u) => u.code === code);
  if (!unit)
    throw new ReviewRefused(
      'unitCode',
      `Mã đơn vị "${code}" không thuộc tỉnh ${s.provinceCode}; vui lòng chọn đơn vị trong danh sách.`,
    );
  return { unit, roundId };
}

/**
 * Gives an unmatched file to a unit: the file becomes that unit's submission for the round,
 * accepted on the reviewer's word (so it counts), with its original upload time; the unmatched
 * record keeps an audit entry pointing to it, and the unit is told. Asking again for the same
 * unit and round finishes an assignment a failure interrupted, and changes nothing else.
 */
export async function assignFile(
  s: Submission,
  req: AssignRequest,
  by: Reviewer,
  now: Date,
  deps: ReviewDeps,
): Promise<ReviewOutcome> {
  const settled = settledBy(s);
  const { unit, roundId } = await target(s, req, deps);
  const resumed =
    settled?.action === 'assign' && settled.unitCode === unit.code && settled.roundId === roundId;
  if (!isUnmatched(s) || (settled && !resumed))
    throw new ReviewRefused(
      'action',
      'Chỉ gán được tệp chưa xác định đơn vị và chưa được xử lý; vui lòng tải lại trang.',
    );
  const reason = checkedReason(req);
  const submissionId = createHash('sha256')
    .update([s.submissionId, unit.code, roundId].join('\u0000'))
    .digest('hex')
    .slice(0, 24);
  const entry: AuditEntry = {
    action: 'assign',
    by: { sub: by.sub, email: by.email },
    at: settled?.at ?? now.toISOString(),
    reason: settled?.reason ?? reason,
    from: s.status,
    to: s.status,
    unitCode: unit.code,
    roundId,
    relatedSubmissionId: submissionId,
  };
  let original = s;
  if (!resumed) {
    const seen = { status: s.status, decisions: s.audit?.length ?? 0 };
    const claimed = await deps.submissions.applyReview(s, { status: s.status, entry, seen });
    if (!claimed) throw concurrentDecision();
    original = claimed;
  }
  const { version: _v, audit: _a, ...file } = s;
  const recorded = await deps.submissions.record({
    ...file,
    submissionId,
    unitCode: unit.code,
    roundId,
    status: 'accepted',
    diagnostics: s.diagnostics.filter((d) => !RESOLVED_BY_ASSIGNING.has(d.code ?? '')),
    audit: [{ ...entry, to: 'accepted', relatedSubmissionId: s.submissionId }],
  });
  const mailed = recorded.created
    ? await notifyUnit('assign', recorded.submission, unit, entry.reason, deps)
    : false;
  return { submission: original, assigned: recorded.submission, mailed };
}
