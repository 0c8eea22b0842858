import { decisiveReason, isTechnical } from '../../shared/ingest/decisive-reason.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import { returnMessage } from '../../shared/schemas/audit.js';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { RoundView } from '../unit-data.js';
import { adviceFor } from './advice.js';
import { STATUS_LABEL } from './format.js';

/** The one line a person reads first about a file: what happened, then what to do. */
export interface StatusLine {
  /** The CSS class of the status badge. */
  kind: string;
  label: string;
  /** One sentence or two: what happened and what to do next. */
  text: string;
}

/**
 * The finding that decides what a unit does (shared/ingest/decisive-reason.ts): never a remark on
 * how the file was read (OCR done, an encoding converted), which is nothing to fix.
 */
export function leadingProblem(s: Pick<Submission, 'diagnostics'>): Diagnostic | null {
  const d = decisiveReason(s.diagnostics);
  return d && !isTechnical(d) ? d : null;
}

/** One stored file's first line. Notes (OCR done, encoding converted) are never a thing to fix. */
export function fileLine(s: Submission): StatusLine {
  const label = STATUS_LABEL[s.status];
  const problem = leadingProblem(s);
  const returned = returnMessage(s);
  switch (s.status) {
    case 'accepted':
      return { kind: s.status, label, text: 'Báo cáo được tính; đơn vị không cần làm gì thêm.' };
    case 'ocr_pending':
      return {
        kind: s.status,
        label,
        text: 'Đang đọc ảnh chụp; kết quả hiện ở trang này sau ít phút.',
      };
    case 'returned':
      return {
        kind: s.status,
        label,
        text: `Sở KHCN trả lại: ${returned ?? 'cần sửa'}. Việc cần làm: sửa rồi nộp lại bản mới.`,
      };
    case 'rejected':
      return {
        kind: s.status,
        label,
        text: problem
          ? `${problem.message} Việc cần làm: ${adviceFor(problem, s.status)}`
          : 'Tệp không được tính. Việc cần làm: nộp lại đúng văn bản báo cáo.',
      };
    default:
      return {
        kind: s.status,
        label,
        text: problem
          ? `${problem.message} Việc cần làm: ${adviceFor(problem, s.status)}`
          : 'Tệp đã được lưu, chờ cán bộ Sở KHCN xem; đơn vị chưa cần gửi lại.',
      };
  }
}

/** What newer files than the counted one are doing, in words that follow "lần nộp N". */
const WAITING: Record<Submission['status'], string> = {
  accepted: 'được tính',
  needs_review: 'đang chờ Sở xem lại, chưa được tính',
  rejected: 'bị từ chối, không được tính',
  returned: 'bị Sở trả lại để sửa',
  ocr_pending: 'đang được đọc',
};

/**
 * A round's state for a commune: what counts and what waits. Overdue without a report is said as
 * such (not a plain grey "Chưa nộp"); a newer file that does not count is named beside the one that does.
 */
export function roundLine(v: RoundView, now: Date): StatusLine {
  const overdue = daysFromDeadline(now, v.round.deadline) > 0;
  const newest = v.versions[0];
  if (!newest)
    return overdue
      ? {
          kind: 'overdue',
          label: 'Quá hạn, chưa nộp',
          text: 'Đơn vị chưa nộp báo cáo; hãy nộp ngay.',
        }
      : {
          kind: 'missing',
          label: STATUS_LABEL.missing,
          text: 'Đơn vị chưa nộp báo cáo cho kỳ này.',
        };
  const counted = v.counted;
  const label = STATUS_LABEL[v.status];
  if (counted && counted !== newest)
    return {
      kind: 'accepted',
      label,
      text: `Lần nộp ${counted.version} được tính; lần nộp ${newest.version} (mới nhất) ${WAITING[newest.status]}.`,
    };
  if (counted) return { kind: 'accepted', label, text: `Lần nộp ${counted.version} được tính.` };
  const line = fileLine(newest);
  return { ...line, kind: overdue && v.status !== 'needs_review' ? 'overdue' : line.kind };
}
