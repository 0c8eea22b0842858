import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreReport, uniquelyNamedUnits } from '../../scripts/generated-score.js';
import { WORD_FORMATS, type WordStyle, wordReport } from '../../scripts/report-docx.js';
import { generateReport, rngOf } from '../../scripts/report-generator.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
const units = uniquelyNamedUnits(registry);

const style: fc.Arbitrary<WordStyle> = fc.record({
  numbering: fc.constantFrom('typed' as const, 'word' as const),
  format: fc.constantFrom(...WORD_FORMATS),
  headingStyle: fc.boolean(),
  figures: fc.constantFrom('lines' as const, 'table' as const),
  footnote: fc.boolean(),
  splitRuns: fc.boolean(),
  textBox: fc.boolean(),
  subItems: fc.boolean(),
});

async function readWord(bytes: Buffer): Promise<Report> {
  const content = await readFileContent('bao-cao.docx', bytes);
  if (content.kind !== 'text') throw new Error('not text');
  return readReport(content.text, { registry, document: content.document });
}

/** The figures as the rollup takes them: catalogue key, value, numerator, denominator. */
const figures = (r: Report) =>
  r.indicators
    .filter((i) => i.key)
    .map((i) => [i.key, i.value, i.numerator, i.denominator])
    .sort();

describe('generated reports written in Word are read like their truth', () => {
  it('every numbering style × section order × figure layout × footnote/split runs/text box', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), style, async (seed, s) => {
        const g = generateReport(rngOf(seed), units);
        const r = await readWord(await wordReport(g, s));
        expect(scoreReport(r, g.truth).problems).toEqual([]);
        expect(r.sections.map((x) => x.kind)).toEqual(g.truth.sectionKinds);
      }),
      { numRuns: 60 },
    );
  });

  it('every DOCX with Word numbering yields its sections, headings labelled as Word shows them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), style, async (seed, s) => {
        const g = generateReport(rngOf(seed), units);
        const r = await readWord(await wordReport(g, { ...s, numbering: 'word' }));
        expect(r.sections.length).toBe(g.parts.sections.length);
        r.sections.forEach((x, i) => {
          expect(x.heading).toContain(g.parts.sections[i]!.words);
          expect(x.heading.startsWith(g.parts.sections[i]!.words)).toBe(false);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('metamorphic: the same report with its figures as lines or as a table gives the same figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), style, async (seed, s) => {
        const g = generateReport(rngOf(seed), units);
        const asLines = await readWord(await wordReport(g, { ...s, figures: 'lines' }));
        const asTable = await readWord(await wordReport(g, { ...s, figures: 'table' }));
        expect(figures(asTable)).toEqual(figures(asLines));
        // A figure read from a table row stands on that row's line of the text.
        const content = await readFileContent(
          'b.docx',
          await wordReport(g, { ...s, figures: 'table' }),
        );
        const lines = content.kind === 'text' ? content.text.split('\n') : [];
        for (const i of asTable.indicators)
          expect(lines[i.line - 1]).toContain(i.label.slice(0, 10));
      }),
      { numRuns: 30 },
    );
  });
});
