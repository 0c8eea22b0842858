import * as z from 'zod';
import { Period } from './period.js';
import { ProvinceCode } from './unit.js';

export const RoundId = z
  .string()
  .regex(/^\d{4}-[A-Z0-9]{1,8}$/, 'kỳ báo cáo có dạng <năm>-<mã>, ví dụ 2026-H1, 2025-9M');

/** Days relative to the deadline's day: negative before, 0 on the day, positive when overdue. */
export const DEFAULT_REMINDER_OFFSETS = [-14, -7, -3, -1, 0, 1, 3, 7];

/** The Department's letter asking for the reports: "Công văn số 1464/SKHCN-KH&ĐMST ngày …". */
export const RequestLetter = z.object({
  number: z.string().trim().min(1, 'cần số hiệu công văn').max(80),
  /** The letter's date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày công văn có dạng năm-tháng-ngày'),
  issuer: z.string().trim().min(1, 'cần cơ quan ban hành').max(200),
});
export type RequestLetter = z.infer<typeof RequestLetter>;

/** A reporting round (kỳ báo cáo) of one province. */
export const Round = z.object({
  provinceCode: ProvinceCode,
  roundId: RoundId,
  title: z.string().min(1),
  /** The last instant a report is on time, ISO 8601 with the +07:00 offset. */
  deadline: z.string().datetime({ offset: true }),
  /** Number and symbol of the documents that opened the round ("1464/SKHCN-KH&ĐMST"). */
  requests: z.array(z.string()).default([]),
  reminderOffsets: z
    .array(z.number().int().min(-60).max(60))
    .min(1)
    .default(DEFAULT_REMINDER_OFFSETS),
  kind: z.enum(['standing', 'adhoc']),
  /** The request letter (công văn) that opened an ad-hoc round. */
  letter: RequestLetter.optional(),
  /**
   * The period the round asks reports on, when neither its id (2026-H1, 2026-FY, 2026-9M, 2026-Q3,
   * 2026-T05) nor its title says it; see shared/rounds/round-period.ts.
   */
  period: Period.optional(),
  /** When the Department closed it: no more reminders or drafts; uploads are still recorded. */
  closedAt: z.string().datetime({ offset: true }).optional(),
});
export type Round = z.infer<typeof Round>;
