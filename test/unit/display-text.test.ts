import { describe, expect, it } from 'vitest';
import { nationalRegistry } from '../../bin/registry.js';
import { reportText } from '../../scripts/report-text.js';
import { damageText, syllableAccuracy } from '../../scripts/word-fixtures.js';
import { withDisplayText } from '../../shared/reader/display-text.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { readExampleSource } from '../helpers/fixtures.js';

// What people read of a report goes through word repair; the figures, dates and numbers the
// reader finds are the same whatever the damage, and the text as read is kept beside each field.
const registry = nationalRegistry();
const context = { registry, provinceCode: '40' };
const units = registry.unitsOf('40').slice(0, 4);
// Numbers standing as words; digits inside a word ("d6i") are OCR damage repair may mend.
const numbers = (s: string) => s.match(/(?<![\p{L}\d])\d[\d.,/%-]*(?![\p{L}\d])/gu) ?? [];

describe('display text of a report', () => {
  it.each(units.map((u) => [u.name, u] as const))(
    'typed report of %s: nothing repaired',
    (_, unit) => {
      const report = readReport(reportText(unit), context);
      expect(report.titleOriginal).toBeUndefined();
      expect(report.signer.nameOriginal).toBeUndefined();
      for (const s of report.sections) {
        expect(s.headingOriginal).toBeUndefined();
        expect(s.textOriginal).toBeUndefined();
      }
    },
  );

  it.each(units.map((u, i) => [u.name, u, i] as const))(
    'OCR-damaged report of %s: display fields repaired, originals kept, figures unchanged',
    (_, unit, seed) => {
      const cleanText = reportText(unit);
      const clean = readReport(cleanText, context);
      const text = damageText(cleanText, 'ocr-heavy', seed + 1);
      const damaged = readReport(text, context);
      // The report as read before repair: the originals put back. Repairing it again gives the
      // same report, so repair touched nothing but the display fields.
      const asRead: Report = {
        ...damaged,
        title: damaged.titleOriginal ?? damaged.title,
        signer: {
          name: damaged.signer.nameOriginal ?? damaged.signer.name,
          title: damaged.signer.title,
        },
        sections: damaged.sections.map(({ headingOriginal, textOriginal, ...s }) => ({
          ...s,
          heading: headingOriginal ?? s.heading,
          text: textOriginal ?? s.text,
        })),
      };
      delete asRead.titleOriginal;
      expect(withDisplayText(asRead, text, registry)).toEqual(damaged);
      expect(damaged.titleOriginal).toBeDefined();
      expect(syllableAccuracy(clean.title!, damaged.title!)).toBeGreaterThan(
        syllableAccuracy(clean.title!, damaged.titleOriginal!),
      );
      for (const s of damaged.sections) {
        if (s.textOriginal !== undefined) expect(numbers(s.text)).toEqual(numbers(s.textOriginal));
        if (s.headingOriginal !== undefined)
          expect(numbers(s.heading)).toEqual(numbers(s.headingOriginal));
      }
      expect(damaged.sections.some((s) => s.textOriginal !== undefined)).toBe(true);
    },
  );

  it("the document's own unit keeps its registry spelling where OCR lost its diacritics", () => {
    const r = readReport(readExampleSource('xa-dien-chau-ocr.txt'), context);
    const proposals = r.sections.find((s) => s.kind === 'proposals')!;
    expect(proposals.textOriginal).toMatch(/UBND xa Dién Chau/);
    expect(proposals.text).toMatch(/UBND xã Diễn Châu/);
    expect(proposals.heading).toBe('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(proposals.text).toMatch(/hỗ trợ tập huấn kỹ năng số cho cán bộ/);
  });

  it('text without diacritics reads as Vietnamese in the title and headings', () => {
    const cleanText = reportText(units[0]!);
    const clean = readReport(cleanText, context);
    const stripped = readReport(damageText(cleanText, 'stripped', 1), context);
    expect(syllableAccuracy(clean.title!, stripped.title!)).toBeGreaterThanOrEqual(0.8);
    const headings = (r: typeof clean) => r.sections.map((s) => s.heading).join('\n');
    expect(syllableAccuracy(headings(clean), headings(stripped))).toBeGreaterThanOrEqual(0.8);
  });
});
