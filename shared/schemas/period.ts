import * as z from 'zod';

// The period a report covers, and the period a round asks for: six months, nine months, a year,
// a quarter, a month, or dates "từ ngày … đến ngày …" that fit none of them.

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PeriodKind = z.enum([
  'half_first',
  'half_second',
  'nine_months',
  'year',
  'quarter',
  'month',
  'range',
]);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const Period = z.object({
  kind: PeriodKind,
  /** The year it belongs to; null when the words give none ("6 tháng cuối năm"). */
  year: z.number().int().min(1900).max(2999).nullable(),
  quarter: z.number().int().min(1).max(4).optional(),
  month: z.number().int().min(1).max(12).optional(),
  /** A `range`'s first and last day, as written. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type Period = z.infer<typeof Period>;

/** A report's period as read, with the words and the place it was read from. */
export const ReportPeriod = Period.extend({
  /** The words as the document has them ("6 tháng đầu năm 2026"). */
  text: z.string().max(200),
  source: z.enum(['title', 'preamble', 'closing']),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "6 tháng đầu năm 2026", "quý III năm 2026", "từ ngày 15/12/2025 đến ngày 14/6/2026". */
export function periodText(p: Period): string {
  const year = p.year === null ? '' : ` ${p.year}`;
  switch (p.kind) {
    case 'half_first':
      return `6 tháng đầu năm${year}`;
    case 'half_second':
      return `6 tháng cuối năm${year}`;
    case 'nine_months':
      return `9 tháng đầu năm${year}`;
    case 'year':
      return p.year === null ? 'năm' : `năm ${p.year}`;
    case 'quarter':
      return `quý ${ROMAN[(p.quarter ?? 1) - 1]}${p.year === null ? '' : ` năm ${p.year}`}`;
    case 'month':
      return `tháng ${p.month}${p.year === null ? '' : ` năm ${p.year}`}`;
    case 'range':
      return `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
  }
}

function dmy(iso: string | undefined): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
