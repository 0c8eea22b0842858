import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalRegistry } from '../../bin/registry.js';
import { scoreReport, uniquelyNamedUnits } from '../../scripts/generated-score.js';
import { rngOf } from '../../scripts/report-generator.js';
import { generateWildDoc } from '../../scripts/wild-generator.js';
import { TEXT_MODES, wildDocx, wildText } from '../../scripts/wild-render.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { readReport } from '../../shared/reader/read-report.js';

// Documents in the variety real commune offices produce (scripts/wild-generator.ts: issuer on one
// to three lines, number and date forms with blanks, titles opening "Thực hiện …", several
// addressees, "Triển khai …"/nested requests, headings "II/", "Phần thứ hai", bare capitals over
// restarting Word lists, figures in prose and tables, every signature rule) read as text in five
// layouts and as DOCX: no field is ever wrong (null is allowed), and the parts and figures an
// officer reads are found.
const registry = nationalRegistry();
const units = uniquelyNamedUnits(registry);

async function read(bytes: Buffer, name: string) {
  const content = await readFileContent(name, bytes);
  if (content.kind !== 'text') throw new Error(`${name} not read as text`);
  return readReport(content.text, { registry, document: content.document });
}

describe('a commune document as offices really lay it out', () => {
  it('as text, in any layout: nothing wrong; its parts and nine figures in ten are read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...TEXT_MODES),
        async (seed, mode) => {
          const d = generateWildDoc(rngOf(seed), units);
          const r = await read(Buffer.from(wildText(d, mode), 'utf8'), 'van-ban.txt');
          const s = scoreReport(r, d.truth);
          expect(s.wrong, s.problems.join('; ')).toBe(0);
          const kinds = new Set(r.sections.map((x) => x.kind));
          for (const k of d.truth.sectionKinds)
            expect(kinds.has(k as never), `${k} (${mode})`).toBe(true);
          expect(s.indicators).toBeGreaterThanOrEqual(Math.floor(s.indicatorTotal * 0.75));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('as DOCX, headings typed or numbered by a multi-level Word list: nothing wrong', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom('word' as const, 'typed' as const),
        async (seed, numbering) => {
          const d = generateWildDoc(rngOf(seed), units);
          const r = await read(await wildDocx(d, numbering), 'van-ban.docx');
          const s = scoreReport(r, d.truth);
          expect(s.wrong, s.problems.join('; ')).toBe(0);
          const kinds = new Set(r.sections.map((x) => x.kind));
          for (const k of d.truth.sectionKinds) expect(kinds.has(k as never), k).toBe(true);
        },
      ),
      // A part's restarting sub-list naming one kind twice ("1. Nguyên nhân khách quan", "2. Nguyên
      // nhân chủ quan") was taken for the report's parts, and the parts in capitals lost.
      { numRuns: 25, examples: [[2147483620, 'word']] },
    );
  });
});
