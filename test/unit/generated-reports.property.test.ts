import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedSet, scoreReport, uniquelyNamedUnits } from '../../scripts/generated-score.js';
import { differences } from '../../scripts/report-compare.js';
import { TEXT_DAMAGES, type TextDamage } from '../../scripts/report-damage.js';
import { generateReport, rngOf } from '../../scripts/report-generator.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
// Generated once: the units whose names the country does not repeat.
const units = uniquelyNamedUnits(registry);
const report = fc.integer().map((seed) => generateReport(rngOf(seed), units));
const read = (text: string) => readReport(text, { registry });

describe('generated reports with known truth', () => {
  it('a clean generated report is read exactly: every field, every request, every figure', () => {
    fc.assert(
      fc.property(report, (g) => {
        const s = scoreReport(read(g.text), g.truth);
        expect(s.problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a generated set of 300 scores every field with none wrong', () => {
    const set = generatedSet(300, 2026);
    let wrong = 0;
    let correct = 0;
    let total = 0;
    for (const g of set) {
      const s = scoreReport(read(g.text), g.truth);
      wrong += s.wrong;
      correct += s.correct;
      total += s.total;
    }
    expect(wrong).toBe(0);
    expect(correct / total).toBeGreaterThanOrEqual(0.99);
  });
});

describe('metamorphic: damaged copies read the same, or null with a diagnostic', () => {
  it.each(Object.keys(TEXT_DAMAGES) as TextDamage[])('%s', (damage) => {
    fc.assert(
      fc.property(report, fc.integer(), (g, seed) => {
        const clean = read(g.text);
        const damaged = read(TEXT_DAMAGES[damage](rngOf(seed), g.text));
        expect(differences(clean, damaged)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('damages compose: OCR confusions on re-wrapped, column-merged text', () => {
    fc.assert(
      fc.property(report, fc.integer(), (g, seed) => {
        const rng = rngOf(seed);
        const text = TEXT_DAMAGES.ocr(
          rng,
          TEXT_DAMAGES.rewrap(rng, TEXT_DAMAGES.columns(rng, g.text)),
        );
        expect(differences(read(g.text), read(text))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
