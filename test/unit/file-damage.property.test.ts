import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniquelyNamedUnits } from '../../scripts/generated-score.js';
import { differences } from '../../scripts/report-compare.js';
import { TEXT_DAMAGES } from '../../scripts/report-damage.js';
import { FILE_DAMAGES, type FileDamage, throughFile } from '../../scripts/report-file-damage.js';
import { generateReport, rngOf } from '../../scripts/report-generator.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
const units = uniquelyNamedUnits(registry);
const read = (text: string) => readReport(text, { registry });

// The file round trips are slower than text damage: fewer runs, each a whole generated report.
describe('metamorphic: a report sent as a file reads as its text, or null with a diagnostic', () => {
  it.each(Object.keys(FILE_DAMAGES) as FileDamage[])('%s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const g = generateReport(rngOf(seed), units);
        const text = await throughFile(kind, g.text);
        expect(differences(read(g.text), read(text))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('damages compose: a PDF of OCR text, a DOCX typed in TCVN3 with its capitals font', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const g = generateReport(rngOf(seed), units);
        const rng = rngOf(seed);
        const pdf = await throughFile('pdf', TEXT_DAMAGES.ocr(rng, g.text));
        const docx = await throughFile('docx', TEXT_DAMAGES.tcvn3Caps(rng, g.text));
        const clean = read(g.text);
        expect(differences(clean, read(pdf))).toEqual([]);
        expect(differences(clean, read(docx))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
