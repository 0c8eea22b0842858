// Regenerates test/fixtures/doc/ (npx tsx scripts/make-doc-fixtures.ts [name…]): generated reports
// written in Word (scripts/report-docx.ts) and saved as Word 97–2003 .doc by LibreOffice (soffice
// must be installed; CI only reads the committed files), with each report's truth beside them.
// One is typed in TCVN3 with a .VnTime font, as old offices still do; two number their headings
// with Word's automatic numbering, and for those the lines LibreOffice itself shows for the
// numbered paragraphs (label and text, from its own text export) are kept in labels.json as the
// oracle of the labels computed from the list tables. Names given: only those are rewritten.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  [
    'so-tu-dong',
    41,
    (g) => wordReport(g, { ...base, numbering: 'word', format: WORD_FORMATS[1], subItems: true }),
  ],
  [
    'so-tu-dong-kieu',
    47,
    (g) =>
      wordReport(g, {
        ...base,
        numbering: 'word',
        format: WORD_FORMATS[3],
        headingStyle: true,
        figures: 'lines',
      }),
  ],
];

/** The lines LibreOffice shows for a .doc (its text export), trimmed. */
function shownLines(doc: Buffer): string[] {
  const tmp = mkdtempSync(join(tmpdir(), 'tonghop-doc-'));
  try {
    writeFileSync(join(tmp, 'r.doc'), doc);
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        tmp,
        join(tmp, 'r.doc'),
      ],
      {
        stdio: 'ignore',
      },
    );
    return readFileSync(join(tmp, 'r.txt'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

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
const only = process.argv.slice(2);
const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
const truths: Record<string, Truth> = readJson(join(dir, 'truth.json'));
const labels: Record<string, string[]> = readJson(join(dir, 'labels.json'));
/** The numbered paragraphs' words: each section's heading and the sub-item the generator adds. */
const numberedWords = (g: GeneratedReport) => [
  ...g.parts.sections.map((s) => s.words),
  'Công tác chỉ đạo, điều hành',
];
for (const [name, seed, write] of FIXTURES) {
  if (only.length && !only.includes(name)) continue;
  const g = generateReport(rngOf(seed), units);
  const doc = toDoc(await write(g));
  writeFileSync(join(dir, `${name}.doc`), doc);
  truths[name] = g.truth;
  if (!name.startsWith('so-tu-dong')) continue;
  const words = numberedWords(g);
  labels[name] = shownLines(doc).filter((l) => words.some((w) => l.endsWith(w)));
}
writeFileSync(join(dir, 'truth.json'), `${JSON.stringify(truths, null, 2)}\n`);
writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
console.log('written to', dir);
