import * as z from 'zod';
import { ProvinceCode } from './unit.js';

export const RoundId = z
  .string()
  .regex(/^\d{4}-[A-Z0-9]{1,8}$/, 'kỳ báo cáo có dạng <năm>-<mã>, ví dụ 2026-H1, 2025-9M');

/** Days relative to the deadline's day: negative before, 0 on the day, positive when overdue. */
export const DEFAULT_REMINDER_OFFSETS = [-14, -7, -3, -1, 0, 1, 3, 7];

/** A reporting round (kỳ báo cáo) of one province. */
export const Round = z.object({
  provinceCode: ProvinceCode,
  roundId: RoundId,
  title: z.string().min(1),
  /** The last instant a report is on time, ISO 8601 with the +07:00 offset. */
  deadline: z.string().datetime({ offset: true }),
  /** Number and symbol of the documents that opened the round ("1464/SKHCN-KH&ĐMST"). */
  requests: z.array(z.string()).default([]),
  reminderOffsets: z.array(z.number().int().min(-60).max(60)).default(DEFAULT_REMINDER_OFFSETS),
  kind: z.enum(['standing', 'adhoc']),
});
export type Round = z.infer<typeof Round>;
