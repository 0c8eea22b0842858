import type { Indicator } from '../schemas/report.js';

/**
 * The ids of a view's figures, as the unit's confirmation and the pre-sign list name them:
 * "<key>@<line>", "#2", "#3" for further figures of the same key on the same line. Stable as long
 * as the stored reading is (it is never changed).
 */
export function figureIds(indicators: readonly Pick<Indicator, 'key' | 'line'>[]): string[] {
  const seen = new Map<string, number>();
  return indicators.map((i) => {
    const base = `${i.key ?? '-'}@${i.line}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** A figure read from a page image (OCR): it has the page and the box where it stands. */
export const isScanned = (i: Pick<Indicator, 'page' | 'box'>) => i.page !== undefined;
