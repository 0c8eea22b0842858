import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmissions } from '../../scripts/sample-rollup.js';
import { formatSameScale } from '../../shared/rollup/format.js';
import { COLORS } from '../../shared/rollup/html-charts.js';
import type { RollupFile } from '../../shared/rollup/rollup-job.js';
import { wrappedLines } from '../../shared/rollup/rollup-xlsx.js';
import { canPrintOffice, overlapping, printedWords } from '../helpers/office-pdf.js';
import { morningRollup, registry } from '../helpers/rollup-fixtures.js';

// The rollup's own pages as a person reads them: one precision and a unit on every value of a
// spread, rows tall enough for their wrapped text, names on coloured tags readable.
let files: Record<string, RollupFile>;
beforeAll(async () => {
  const units = registry.unitsOf('40');
  ({ files } = await morningRollup(units, sampleSubmissions(units)));
});

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the rollup reads well', () => {
  it('a spread has one precision and its unit on every value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('%', 'tổ', null),
        (values, unit) => {
          const shown = formatSameScale(values, unit);
          const decimals = shown.map((s) => /,(\d+)/.exec(s)?.[1]?.length ?? 0);
          expect(new Set(decimals).size).toBe(1);
          for (const s of shown) if (unit) expect(s.endsWith(unit)).toBe(true);
        },
      ),
    );
    expect(formatSameScale([86.7, 88.57, 89.63], '%')).toEqual(['86,70%', '88,57%', '89,63%']);
  });

  it('every row of the XLSX is tall enough for its wrapped cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.xlsx!.bytes) as unknown as ArrayBuffer);
    let checked = 0;
    for (const ws of book.worksheets) {
      const wrapped = ws.columns.filter(
        (c) => c.alignment?.wrapText || c.style?.alignment?.wrapText,
      );
      // The header wraps in every column (bold: a character narrower).
      const head = ws.getRow(1);
      const headLines = Math.max(
        ...ws.columns.map((c) =>
          wrappedLines(String(head.getCell(c.number ?? 1).value ?? ''), (c.width ?? 10) - 1),
        ),
      );
      expect(head.height ?? 15, `${ws.name} header`).toBeGreaterThanOrEqual(headLines * 15);
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const lines = Math.max(
          1,
          ...wrapped.map((c) =>
            wrappedLines(String(row.getCell(c.number ?? 1).value ?? ''), c.width ?? 10),
          ),
        );
        if (lines < 2) return;
        checked++;
        expect(row.height, `${ws.name} row ${n}`).toBeGreaterThanOrEqual(Math.min(lines, 27) * 15);
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  // Where LibreOffice is installed (not in CI), the workbook is printed as a person would open
  // it, and no word may be printed over another: the header and wrapped quotes ran into the rows
  // below on "Chỉ tiêu tổng hợp", "Khó khăn" and "Kiến nghị".
  // Where it is not, the test above checks the sheet's own row heights, header included.
  it('printed by LibreOffice, no text of the XLSX runs over another row', {
    timeout: 240_000,
  }, () => {
    const found = overlapping([
      { page: 1, text: 'tính', x0: 0, y0: 0, x1: 20, y1: 12 },
      { page: 1, text: '%', x0: 5, y0: 6, x1: 12, y1: 18 },
      { page: 1, text: 'Xã', x0: 22, y0: 0, x1: 30, y1: 12 },
    ]);
    expect(found.map(([a, b]) => `${a.text}|${b.text}`)).toEqual(['tính|%']);
    if (!canPrintOffice()) return;
    const words = printedWords(files.xlsx!.bytes, 'xlsx');
    expect(words.length).toBeGreaterThan(1000);
    for (const w of ['Khó', 'Kiến', 'Chỉ']) expect(words.some((x) => x.text === w)).toBe(true);
    expect(overlapping(words).map(([a, b]) => `${a.page}: ${a.text} | ${b.text}`)).toEqual([]);
  });

  it('the HTML says who a proposal goes to in Vietnamese, and white names on tags read at 4.5:1', () => {
    const html = new TextDecoder().decode(files.html!.bytes);
    expect(html).not.toMatch(/Gửi Chưa nêu/);
    for (const [state, color] of Object.entries(COLORS))
      if (state !== 'late') expect(contrast(color, '#ffffff'), state).toBeGreaterThanOrEqual(4.5);
  });
});
