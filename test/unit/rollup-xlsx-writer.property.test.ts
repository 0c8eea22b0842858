import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmissions } from '../../scripts/sample-rollup.js';
import { rollupXlsx } from '../../shared/rollup/rollup-xlsx.js';
import type { Rollup } from '../../shared/schemas/rollup.js';
import { morningRollup, registry } from '../helpers/rollup-fixtures.js';
import { rollupXlsx as exceljsXlsx } from '../helpers/rollup-xlsx-exceljs.js';

// The rollup's workbook is written as XML text (shared/rollup/xlsx-book.ts). Its oracle is the
// workbook exceljs's streaming writer made from the same rollup (test/helpers): every part but
// the document properties must be the same bytes, for rollups whose report text is anything a
// commune can type, paste or smuggle into a file.

let base: Rollup;
beforeAll(async () => {
  const units = registry.unitsOf('40');
  const submissions = sampleSubmissions(units).filter((_, i) => i >= 100 || i % 15 === 0);
  ({ rollup: base } = await morningRollup(units, submissions));
});

/** Keys whose strings come from reports, files and the unit list: what hostile text reaches. */
const FREE_TEXT = new Set([
  ...['unitName', 'text', 'original', 'section', 'title', 'number', 'fileName', 'fileKey'],
  ...['signatures', 'problems', 'notes', 'alsoReported'],
]);

/** The rollup with its free text replaced, in order, by `texts` (cycled). */
function withTexts(r: Rollup, texts: string[]): Rollup {
  let i = 0;
  const next = () => texts[i++ % texts.length]!;
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key && FREE_TEXT.has(key) ? next() : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(r, null) as Rollup;
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example","bấm")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '-2+3',
  '<script>alert(1)</script> & "x" \'y\'',
  ']]><c r="A1"><f>1+1</f></c>',
  'nul\u0000bell\u0007esc\u001b del\u007f tab\tcr\r\nlf\n',
  'lone \ud800 surrogate \udfff',
  `${'Khó khăn về kinh phí '.repeat(40)}\n${'x'.repeat(300)}`,
];
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    out.set(name, await zip.file(name)!.async('string'));
  return out;
}

describe('the rollup workbook written as XML', () => {
  it('is, part for part, the workbook exceljs wrote, for any report text', async () => {
    await fc.assert(
      fc.asyncProperty(
        // XML cannot carry U+FFFE or U+FFFF; exceljs wrote them (a file Excel refuses), the
        // writer drops them: the next test covers them.
        fc.array(
          text.map((t) => t.replace(/[\ufffe\uffff]/g, '')),
          { minLength: 1, maxLength: 12 },
        ),
        async (texts) => {
          const r = withTexts(base, texts);
          const [ours, theirs] = await Promise.all([
            parts(await rollupXlsx(r, texts[0]!)),
            parts(await exceljsXlsx(r, texts[0]!)),
          ]);
          expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
          for (const [name, xml] of ours)
            if (name !== 'docProps/core.xml') expect(xml, name).toBe(theirs.get(name));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('is well-formed XML, and every text a string cell (no formula), whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(text, fc.constantFrom('\ufffe', 'a\uffffb')), {
          minLength: 1,
          maxLength: 8,
        }),
        async (texts) => {
          const r = withTexts(base, texts);
          const files = await parts(await rollupXlsx(r, texts[0]!));
          for (const [name, xml] of files) {
            if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
            const sax = new SaxesParser({ xmlns: true });
            sax.on('error', (e) => {
              throw new Error(`${name}: ${e.message}`);
            });
            sax.write(xml).close();
            expect(xml, name).not.toMatch(/<f[ >]/);
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('opens in exceljs with each hostile text as the plain string it was', async () => {
    const r = withTexts(base, HOSTILE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await rollupXlsx(r)) as unknown as ArrayBuffer);
    const seen = new Set<string>();
    for (const ws of book.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof c.value === 'string') seen.add(c.value);
        }),
      );
    // XML keeps tab, line feed and carriage return; the other controls are dropped.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped
    const drop = (t: string) => t.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
    for (const h of HOSTILE.slice(0, 6)) expect(seen, h).toContain(drop(h));
    expect(book.worksheets.map((w) => w.name)).toContain('Khó khăn');
  });
});
