import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import { Report } from '../../shared/schemas/report.js';
import { readExampleSource, registry2025 } from '../helpers/fixtures.js';

const seeds = [
  'xa-dien-chau-ocr.txt',
  'phuong-truong-vinh-ke-hoach.txt',
  'xa-yen-thanh-cong-van.txt',
  'phuong-vinh-hung-no-header.txt',
].map(readExampleSource);

// Damage like a scanner's: characters dropped, swapped, doubled, lines cut and joined.
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4, unit: 'binary' })), {
      maxLength: 40,
    }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, del, ins] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + ins + t.slice(i + del);
    }
    return t;
  });

describe('readReport under random and mutated input', () => {
  it('never throws and always returns a schema-valid Report', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 3000, unit: 'binary' }),
          fc.string({ maxLength: 3000, unit: 'grapheme' }),
          mutated,
        ),
        (text) => {
          const r = readReport(text, { registry: registry2025() });
          expect(Report.safeParse(r).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finishes on pathological input in bounded time (no catastrophic backtracking)', () => {
    const nasty = [
      '1'.repeat(50_000),
      '1.'.repeat(30_000),
      'ngay '.repeat(20_000),
      'I. '.repeat(20_000),
      `${'a/'.repeat(5000)}\n`.repeat(5),
      `${' '.repeat(100_000)}x`,
    ];
    for (const text of nasty) {
      const started = performance.now();
      const r = readReport(text, { registry: registry2025() });
      expect(Report.safeParse(r).success).toBe(true);
      // Generous: a runaway regex takes minutes, not seconds.
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });
});
