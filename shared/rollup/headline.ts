import type { IndicatorSummary } from '../schemas/rollup.js';
import { formatNumber, formatPercent } from './format.js';

type Summary = Pick<
  IndicatorSummary,
  | 'kind'
  | 'unit'
  | 'total'
  | 'weighted'
  | 'spread'
  | 'unitsReporting'
  | 'unitsWithRawFigures'
  | 'headline'
>;

const fraction = (w: NonNullable<IndicatorSummary['weighted']>) =>
  `${formatNumber(w.numerator)}/${formatNumber(w.denominator)}`;

/**
 * The figure a document states for an indicator. Counts: the total. Rates: the weighted rate
 * Σ numerators / Σ denominators when most reporting units gave raw figures; otherwise how many
 * units gave what ("98 đơn vị báo cáo; trung vị 94,5%; 1 đơn vị có số liệu gốc: 98,65%"), so that
 * one unit's figures never stand as the province's rate. `count: false` leaves out the number of
 * units reporting, for a table that has its own column.
 */
export function indicatorHeadline(i: Summary, opts: { count?: boolean } = {}): string {
  const reporting =
    opts.count === false ? [] : [`${formatNumber(i.unitsReporting)} đơn vị báo cáo`];
  if (!i.unitsReporting) return 'chưa có đơn vị báo cáo';
  if (i.kind === 'count')
    return [...reporting, `tổng số ${formatNumber(i.total ?? 0)} ${i.unit}`].join('; ');
  const w = i.weighted;
  if (i.headline === 'weighted' && w) {
    const all = w.units === i.unitsReporting;
    const of = all ? '' : `, ${formatNumber(w.units)} đơn vị có số liệu gốc`;
    return [...reporting, `${formatPercent(w.value)} (${fraction(w)}${of})`].join('; ');
  }
  if (i.unitsReporting === 1 && i.spread) {
    const only = formatPercent(i.spread.median.value);
    return [...reporting, w ? `${only} (${fraction(w)})` : only].join('; ');
  }
  const median = i.spread ? `trung vị ${formatPercent(i.spread.median.value)}` : '';
  const raw = w
    ? `${formatNumber(w.units)} đơn vị có số liệu gốc: ${formatPercent(w.value)} (${fraction(w)})`
    : '';
  return [...reporting, median, raw].filter(Boolean).join('; ');
}

/** "(kỳ trước: 97,5%)": the same figure in the previous round of the same kind. */
export function trendText(i: Pick<IndicatorSummary, 'previous' | 'kind'>): string {
  if (!i.previous) return '';
  const v = i.kind === 'rate' ? formatPercent(i.previous.value) : formatNumber(i.previous.value);
  return `\n(kỳ trước: ${v})`;
}
