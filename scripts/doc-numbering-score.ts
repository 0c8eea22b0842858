// Measures .doc files whose headings Word numbers: generated reports written in Word with
// automatic numbering (scripts/report-docx.ts) in several label styles, saved as Word 97–2003 by
// LibreOffice (soffice must be installed; converted once into a cache directory), then read and
// scored against their truth: `npx tsx scripts/doc-numbering-score.ts [seeds] [cacheDir]`.
// Prints, per label style, the files that yield all their sections, and fields correct/wrong.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LevelFormat } from 'docx';
import { nationalRegistry } from '../bin/registry.js';
import { readFileContent } from '../shared/files/read-file.js';
import { readReport } from '../shared/reader/read-report.js';
import { scoreReport, uniquelyNamedUnits } from './generated-score.js';
import { WORD_FORMATS, type WordStyle, wordReport } from './report-docx.js';
import { generateReport, rngOf } from './report-generator.js';

type Format = WordStyle['format'];
/** The generator's formats and three more offices use: "a)", "Mục 1.", "1.1." as the top label. */
const FORMATS: Array<[string, Format]> = [
  ...WORD_FORMATS.map((f): [string, Format] => [`${f.format} ${f.text}`, f]),
  ['lowerLetter %1)', { format: LevelFormat.LOWER_LETTER, text: '%1)' } as unknown as Format],
  ['decimal Mục %1.', { format: LevelFormat.DECIMAL, text: 'Mục %1.' } as unknown as Format],
  ['decimal %1.1.', { format: LevelFormat.DECIMAL, text: '%1.1.' } as unknown as Format],
];

const seeds = Number(process.argv[2] ?? 4);
const cache = process.argv[3] ?? '/tmp/tonghop-doc-numbering';
mkdirSync(cache, { recursive: true });
const registry = nationalRegistry();
const units = uniquelyNamedUnits(registry);

const styleOf = (format: Format, seed: number): WordStyle => ({
  numbering: 'word',
  format,
  headingStyle: seed % 2 === 1,
  figures: seed % 3 === 0 ? 'table' : 'lines',
  footnote: seed % 2 === 0,
  splitRuns: true,
  textBox: false,
  subItems: seed % 4 >= 2,
});

const jobs = FORMATS.flatMap(([name, format], f) =>
  Array.from({ length: seeds }, (_, seed) => ({ name, file: `f${f}-s${seed}`, format, seed })),
);
const missing = [];
for (const j of jobs) {
  if (existsSync(join(cache, `${j.file}.doc`))) continue;
  const g = generateReport(rngOf(1000 + j.seed), units);
  writeFileSync(join(cache, `${j.file}.docx`), await wordReport(g, styleOf(j.format, j.seed)));
  missing.push(join(cache, `${j.file}.docx`));
}
if (missing.length)
  execFileSync(
    'soffice',
    ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', cache, ...missing],
    {
      stdio: 'ignore',
    },
  );

const byStyle = new Map<
  string,
  { files: number; allSections: number; correct: number; total: number; wrong: number }
>();
for (const j of jobs) {
  const g = generateReport(rngOf(1000 + j.seed), units);
  const content = await readFileContent('bao-cao.doc', readFileSync(join(cache, `${j.file}.doc`)));
  const s = byStyle.get(j.name) ?? { files: 0, allSections: 0, correct: 0, total: 0, wrong: 0 };
  byStyle.set(j.name, s);
  s.files++;
  if (content.kind !== 'text') continue;
  const r = readReport(content.text, { registry, document: content.document });
  const score = scoreReport(r, g.truth);
  s.correct += score.correct;
  s.total += score.total;
  s.wrong += score.wrong;
  const kinds = r.sections.map((x) => x.kind).join(',');
  if (kinds === g.truth.sectionKinds.join(',')) s.allSections++;
  if (score.wrong) console.log(j.file, score.problems.join('; '));
}
const sum = { files: 0, allSections: 0, correct: 0, total: 0, wrong: 0 };
const line = (name: string, s: typeof sum) =>
  `${name.padEnd(22)} all sections ${s.allSections}/${s.files}, fields ${s.correct}/${s.total}, ${s.wrong} wrong`;
for (const [name, s] of byStyle) {
  console.log(line(name, s));
  for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k];
}
console.log(line('total', sum));
