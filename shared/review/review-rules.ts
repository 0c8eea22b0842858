import { UNRESOLVED_UNIT } from '../ingest/upload-key.js';
import { type AuditEntry, MAX_REASON_CHARS, type ReviewAction } from '../schemas/audit.js';
import type { Submission, SubmissionStatus } from '../schemas/submission.js';

/** Who decides: the signed-in staff member. */
export interface Reviewer {
  sub: string;
  email: string;
  provinceCode: string;
}

/** A decision as the reviewer asks for it; `reason` is what they typed (trimmed here). */
export type ReviewRequest =
  | { action: 'approve'; reason?: string }
  | { action: 'return'; reason: string }
  | { action: 'not_report'; reason: string }
  | { action: 'assign'; unitCode: string; roundId?: string; reason?: string }
  | { action: 'move'; roundId: string; reason?: string };

/** A decision that cannot be taken, with the form field it concerns and what to do. */
export class ReviewRefused extends Error {
  override readonly name = 'ReviewRefused';
  constructor(
    readonly field: 'action' | 'reason' | 'unitCode' | 'roundId' | 'submission',
    message: string,
  ) {
    super(message);
  }
}

/** A file no unit could be matched to: it waits for a reviewer to assign it or set it aside. */
export const isUnmatched = (s: Pick<Submission, 'unitCode'>) => s.unitCode === UNRESOLVED_UNIT;

/** A report of another period than its round's (period.mismatch, period.otherRound). */
export const isOtherPeriod = (s: Pick<Submission, 'diagnostics'>) =>
  s.diagnostics.some((d) => d.code === 'period.mismatch' || d.code === 'period.otherRound');

/** The move that took this file to the round it belongs to, if it was moved. */
export const movedBy = (s: Pick<Submission, 'audit'>) =>
  s.audit?.findLast((a) => a.action === 'move' && a.to === 'rejected') ?? null;

/** The last decision that settled an unmatched file (assigned or set aside), if any. */
export const settledBy = (s: Pick<Submission, 'audit'>) =>
  s.audit?.findLast((a) => a.action === 'assign' || a.action === 'not_report') ?? null;

/** Which actions a reviewer may take on a submission in its present state. */
export function allowedActions(
  s: Pick<Submission, 'status' | 'unitCode' | 'audit'> & Partial<Pick<Submission, 'diagnostics'>>,
): ReviewAction[] {
  if (isUnmatched(s)) return settledBy(s) ? [] : ['assign', 'not_report'];
  const out: ReviewAction[] = [];
  if (s.diagnostics && isOtherPeriod({ diagnostics: s.diagnostics }) && !movedBy(s))
    out.push('move');
  if (s.status !== 'accepted') out.push('approve');
  if (s.status !== 'returned') out.push('return');
  if (s.audit?.at(-1)?.action !== 'not_report') out.push('not_report');
  return out;
}

const TARGET: Record<Exclude<ReviewAction, 'assign' | 'move'>, SubmissionStatus> = {
  approve: 'accepted',
  return: 'returned',
  not_report: 'rejected',
};

const ACTION_NAME: Record<ReviewAction, string> = {
  approve: 'duyệt',
  return: 'trả lại để sửa',
  assign: 'gán cho đơn vị',
  not_report: 'đánh dấu không phải báo cáo',
  move: 'chuyển sang kỳ khác',
};

/** The reason as it will be kept: trimmed, required where the unit or the record needs it. */
export function checkedReason(req: ReviewRequest): string {
  const reason = (req.reason ?? '').replace(/\r\n?/g, '\n').trim();
  if (reason.length > MAX_REASON_CHARS)
    throw new ReviewRefused(
      'reason',
      `Lý do dài ${reason.length} ký tự, quá giới hạn ${MAX_REASON_CHARS}; vui lòng viết ngắn lại.`,
    );
  if ((req.action === 'return' || req.action === 'not_report') && reason.length < 3)
    throw new ReviewRefused(
      'reason',
      req.action === 'return'
        ? 'Vui lòng ghi nội dung đơn vị cần sửa: đơn vị sẽ nhận được lời nhắn này.'
        : 'Vui lòng ghi lý do tệp này không phải báo cáo.',
    );
  return reason;
}

/**
 * The audit entry and new status of a decision on `s`, or ReviewRefused when the decision does
 * not apply to its present state. `assign` is decided by assignFile, which makes a new record.
 */
export function decide(
  s: Submission,
  req: Exclude<ReviewRequest, { action: 'assign' | 'move' }>,
  by: Reviewer,
  now: Date,
): { status: SubmissionStatus; entry: AuditEntry } {
  if (!allowedActions(s).includes(req.action))
    throw new ReviewRefused(
      'action',
      `Không thể ${ACTION_NAME[req.action]} hồ sơ đang ở trạng thái này; ` +
        'vui lòng tải lại trang để xem trạng thái mới nhất.',
    );
  const status = TARGET[req.action];
  const entry: AuditEntry = {
    action: req.action,
    by: { sub: by.sub, email: by.email },
    at: now.toISOString(),
    reason: checkedReason(req),
    from: s.status,
    to: status,
  };
  return { status, entry };
}

/** Another reviewer decided between this one's reading and writing. */
export const concurrentDecision = () =>
  new ReviewRefused(
    'submission',
    'Hồ sơ vừa được người khác xử lý; vui lòng tải lại trang để xem quyết định mới nhất.',
  );
