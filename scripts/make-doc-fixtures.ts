// Regenerates test/fixtures/doc/ (npx tsx scripts/make-doc-fixtures.ts): generated reports written
// in Word (scripts/report-docx.ts) and saved as Word 97–2003 .doc by LibreOffice (soffice must be
// installed; CI only reads the committed files), with each report's truth beside them. One is
// typed in TCVN3 with a .VnTime font, as old offices still do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nationalRegistry } from '../bin/registry.js';
import { uniquelyNamedUnits } from './generated-score.js';
import { encodeTcvn3 } from './legacy-encode.js';
import { WORD_FORMATS, type WordStyle, wordReport } from './report-docx.js';
import { docxFromText } from './report-files.js';
import { type GeneratedReport, generateReport, rngOf, type Truth } from './report-generator.js';

const dir = 'test/fixtures/doc';
const base: WordStyle = {
  numbering: 'typed',
  format: WORD_FORMATS[0],
  headingStyle: false,
  figures: 'table',
  footnote: true,
  splitRuns: true,
  textBox: false,
  subItems: false,
};

/** Name, seed, how it is written. */
const FIXTURES: Array<[string, number, (g: GeneratedReport) => Promise<Buffer>]> = [
  ['bang-chu-thich', 7, (g) => wordReport(g, base)],
  ['dong-so-lieu', 12, (g) => wordReport(g, { ...base, figures: 'lines', footnote: false })],
  ['muc-con', 23, (g) => wordReport(g, { ...base, subItems: true, splitRuns: false })],
  ['tcvn3', 31, (g) => docxFromText(encodeTcvn3(g.text), '.VnTime')],
];

/** A .docx saved as .doc by LibreOffice ("MS Word 97" filter). */
function toDoc(docx: Buffer): Buffer {
  const tmp = mkdtempSync(join(tmpdir(), 'tonghop-doc-'));
  try {
    writeFileSync(join(tmp, 'r.docx'), docx);
    execFileSync(
      'soffice',
      ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', tmp, join(tmp, 'r.docx')],
      {
        stdio: 'ignore',
      },
    );
    return readFileSync(join(tmp, 'r.doc'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const units = uniquelyNamedUnits(nationalRegistry());
const truths: Record<string, Truth> = {};
for (const [name, seed, write] of FIXTURES) {
  const g = generateReport(rngOf(seed), units);
  writeFileSync(join(dir, `${name}.doc`), toDoc(await write(g)));
  truths[name] = g.truth;
}
writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(truths, null, 2)}\n`);
console.log('written to', dir);
