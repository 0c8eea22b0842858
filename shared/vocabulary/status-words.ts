import type { DocumentType } from '../schemas/report.js';
import type { UnitState } from '../schemas/rollup.js';
import type { SubmissionStatus } from '../schemas/submission.js';

// The Vietnamese a person reads for each status, in one place: mails, the CLI, the rollup files
// and the portal say the same thing. Lower case, as they stand mid-sentence; `capitalize` for a
// table cell or a title.

/** A stored submission's status. */
export const SUBMISSION_STATUS_WORDS: Record<SubmissionStatus, string> = {
  accepted: 'đã tiếp nhận',
  needs_review: 'cần xem lại',
  rejected: 'bị từ chối',
  returned: 'bị Sở trả lại để sửa',
  ocr_pending: 'đang nhận dạng bản quét',
};

/** A unit that has sent nothing for the round. */
export const MISSING_WORD = 'chưa nộp';

/** A file uploaded but not recorded yet. */
export const PENDING_WORD = 'đang xử lý';

/** A unit's standing in a round: its latest submission's status, or nothing sent. */
export const ROUND_STATUS_WORDS: Record<SubmissionStatus | 'missing', string> = {
  ...SUBMISSION_STATUS_WORDS,
  missing: MISSING_WORD,
};

/** Whether a unit's first accepted report came by the deadline. */
export const TIMELINESS_WORDS = {
  on_time: 'đúng hạn',
  late: 'muộn',
  missing: MISSING_WORD,
} as const;

/** A unit's state in the rollup: timeliness when accepted, else its latest status. */
export const UNIT_STATE_WORDS: Record<UnitState, string> = {
  on_time: TIMELINESS_WORDS.on_time,
  late: TIMELINESS_WORDS.late,
  needs_review: SUBMISSION_STATUS_WORDS.needs_review,
  rejected: SUBMISSION_STATUS_WORDS.rejected,
  returned: SUBMISSION_STATUS_WORDS.returned,
  missing: MISSING_WORD,
};

/** What kind of document the reader found a file to be. */
export const DOCUMENT_KIND_WORDS: Record<DocumentType, string> = {
  BAO_CAO: 'báo cáo',
  KE_HOACH: 'kế hoạch',
  CONG_VAN: 'công văn',
  OTHER: 'văn bản khác',
};

/**
 * Titles of the counts of units by state, by the count's field name: the columns of the rollup's
 * and the board's sheets and the figures on the rollup page and the portal's board.
 */
export const COUNT_TITLES = {
  expected: 'Phải nộp',
  reported: 'Đã nộp hợp lệ',
  onTime: capitalize(TIMELINESS_WORDS.on_time),
  late: capitalize(TIMELINESS_WORDS.late),
  approvedByStaff: 'Sở duyệt',
  needsReview: capitalize(SUBMISSION_STATUS_WORDS.needs_review),
  returned: 'Trả lại để sửa',
  rejected: capitalize(SUBMISSION_STATUS_WORDS.rejected),
  missing: capitalize(MISSING_WORD),
  reportingRate: 'Tỷ lệ đã nộp',
  timelinessRate: `Tỷ lệ ${TIMELINESS_WORDS.on_time}`,
} as const;

/** "đã tiếp nhận" → "Đã tiếp nhận", with Vietnamese case rules. */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** A map of words as labels or table cells: each capitalized. */
export function titled<K extends string>(words: Record<K, string>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(words).map(([k, v]) => [k, capitalize(v)]),
  ) as Record<K, string>;
}

/** Where a unit stands on confirming the figures read from its report (the desk's board, its XLSX). */
export const FIGURES_STATE_WORDS = {
  confirmed: 'đã xác nhận',
  corrected: 'đã sửa',
  pending: 'chưa xác nhận',
} as const;
