import type { CellValue } from 'exceljs';

// A cell as the form shows it, in Vietnamese notation ("1.234", "74,28", "91,5%"), so that the
// reader's number rule (shared/reader/numbers.ts) reads back exactly the value stored. A formula
// is shown by the result Excel saved with it and is never evaluated: without a saved result the
// cell is empty (a missing figure, never a computed guess).

const VN = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10, useGrouping: true });

/** Whether a number format shows percent: a "%" outside quoted literal text. */
export const isPercentFormat = (numFmt: string | undefined): boolean =>
  !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));

export function vnNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return '';
  const percent = isPercentFormat(numFmt);
  // Binary floating point noise (0.1 + 0.2) is no digit anyone typed.
  const shown = Number((percent ? value * 100 : value).toPrecision(12));
  return `${VN.format(shown)}${percent ? '%' : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

type Rich = { richText: Array<{ text: string }> };
type Formula = { formula?: string; sharedFormula?: string; result?: unknown };

export function cellText(value: CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return vnNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return '';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if ('richText' in value) return (value as Rich).richText.map((r) => r.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as Formula).result;
    return result === undefined ||
      (typeof result === 'object' && result !== null && 'error' in result)
      ? ''
      : cellText(result as CellValue, numFmt);
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}
