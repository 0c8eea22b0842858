// Scores the reader on generated reports (clean and damaged) against their truth, field by field,
// the way the evaluation scores real reports: `npx tsx scripts/generated-score.ts [count] [seed]`.
// With `--write DIR` it writes the files and an expected.json for the evaluation's score.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nationalRegistry } from '../bin/registry.js';
import { readFileContent } from '../shared/files/read-file.js';
import { readReport } from '../shared/reader/read-report.js';
import type { Report } from '../shared/schemas/report.js';
import type { Unit } from '../shared/schemas/unit.js';
import { fold } from '../shared/text/fold.js';
import type { UnitRegistry } from '../shared/units/registry.js';
import { type GeneratedReport, generateReport, rngOf, type Truth } from './report-generator.js';

const key = (s: unknown) =>
  fold(String(s ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
const docNo = (s: unknown) => key(s).replace(/\s+/g, '');

export interface FieldScore {
  correct: number;
  total: number;
  wrong: number;
  indicators: number;
  indicatorTotal: number;
  problems: string[];
}

/** The evaluation's comparison, field by field. */
export function scoreReport(r: Report, t: Truth): FieldScore {
  const s: FieldScore = {
    correct: 0,
    total: 0,
    wrong: 0,
    indicators: 0,
    indicatorTotal: 0,
    problems: [],
  };
  const check = (
    name: string,
    want: unknown,
    got: unknown,
    eq: (a: unknown, b: unknown) => boolean,
  ) => {
    s.total++;
    if (want === null) {
      if (got === null || got === undefined || got === '') s.correct++;
      else {
        s.wrong++;
        s.problems.push(`${name}: invented ${JSON.stringify(got)}`);
      }
      return;
    }
    if (got === null || got === undefined || got === '') s.problems.push(`${name}: missing`);
    else if (eq(want, got)) s.correct++;
    else {
      s.wrong++;
      s.problems.push(`${name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
  };
  const same = (a: unknown, b: unknown) => key(a) === key(b);
  const contains = (a: unknown, b: unknown) => key(b).includes(key(a));
  check('documentType', t.documentType, r.documentType, (a, b) => a === b);
  check('number', t.number, r.number, (a, b) => docNo(a) === docNo(b));
  check('issuedOn', t.issuedOn, r.issuedOn, (a, b) => a === b);
  check('issuer.level', t.issuer.level, r.issuer.level, (a, b) => a === b);
  check('issuer.name', t.issuer.name, r.issuer.name, same);
  check('province', t.province, r.province, same);
  check('title', t.titleContains, r.title, contains);
  check('signer.name', t.signer.name, r.signer.name, same);
  check('signer.title', t.signer.title, r.signer.title, same);
  const refs = r.requestedBy.map((x) => docNo(x.number));
  for (const n of t.requestedBy)
    check(`requestedBy ${n}`, n, refs.find((g) => g === docNo(n)) ?? null, () => true);
  const extra = refs.filter((g) => !t.requestedBy.some((n) => docNo(n) === g));
  if (extra.length) {
    s.wrong += extra.length;
    s.problems.push(`requestedBy extra ${extra.join(', ')}`);
  }
  const kinds = new Set(r.sections.map((x) => x.kind));
  for (const k of t.sectionKinds)
    check(`section ${k}`, k, kinds.has(k as never) ? k : null, () => true);
  for (const v of t.indicatorValues) {
    s.indicatorTotal++;
    if (r.indicators.some((i) => Math.abs(i.value - v) < 0.005)) s.indicators++;
    else s.problems.push(`indicator ${v} missing`);
  }
  for (const [n, d] of t.indicatorFractions) {
    s.indicatorTotal++;
    if (r.indicators.some((i) => i.numerator === n && i.denominator === d)) s.indicators++;
    else s.problems.push(`indicator ${n}/${d} missing`);
  }
  return s;
}

/** Fields and figures counted over a set of documents (their problems listed apart). */
export type Tally = Omit<FieldScore, 'problems'>;

export const emptyTally = (): Tally => ({
  correct: 0,
  total: 0,
  wrong: 0,
  indicators: 0,
  indicatorTotal: 0,
});

export function addTally(into: Tally, s: Tally): void {
  into.correct += s.correct;
  into.total += s.total;
  into.wrong += s.wrong;
  into.indicators += s.indicators;
  into.indicatorTotal += s.indicatorTotal;
}

/** A generated file read as its upload would be, through the upload's decoder (`tonghop parse`). */
export async function readAsUpload(
  format: 'txt' | 'docx' | 'pdf',
  bytes: Uint8Array,
  registry: UnitRegistry,
): Promise<Report> {
  const content = await readFileContent(`van-ban.${format}`, bytes);
  if (content.kind !== 'text') throw new Error(`${format} not read as text`);
  return readReport(content.text, { registry, document: content.document });
}

/** Units whose name occurs once in the country: the truth of an ambiguous name depends on the province. */
export function uniquelyNamedUnits(registry: UnitRegistry): Unit[] {
  const all = registry.provinces().flatMap((p) => registry.unitsOf(p.code));
  const seen = new Map<string, number>();
  for (const u of all) seen.set(key(u.name), (seen.get(key(u.name)) ?? 0) + 1);
  return all.filter((u) => seen.get(key(u.name)) === 1);
}

export function generatedSet(count: number, seed: number): GeneratedReport[] {
  const units = uniquelyNamedUnits(nationalRegistry());
  const rng = rngOf(seed);
  return Array.from({ length: count }, () => generateReport(rng, units));
}

function main(): void {
  const args = process.argv.slice(2);
  const write = args.indexOf('--write');
  const dir = write >= 0 ? args.splice(write, 2)[1] : undefined;
  const [count = 200, seed = 1] = args.map(Number);
  const registry = nationalRegistry();
  const set = generatedSet(count, seed);
  const total = { correct: 0, total: 0, wrong: 0, indicators: 0, indicatorTotal: 0 };
  const byProblem = new Map<string, number>();
  set.forEach((g, i) => {
    const s = scoreReport(readReport(g.text, { registry }), g.truth);
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += s[k];
    for (const p of s.problems) {
      const kind = p.replace(/ [\d/]+[A-ZĐ&-]*|".*$/g, '').slice(0, 60);
      byProblem.set(kind, (byProblem.get(kind) ?? 0) + 1);
      if (process.env.VERBOSE) console.log(`#${i} ${p}`);
    }
  });
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const expected: Record<string, Truth> = {};
    set.forEach((g, i) => {
      const name = `generated-${seed}-${i}.txt`;
      writeFileSync(join(dir, name), g.text);
      expected[name] = g.truth;
    });
    writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 1));
  }
  for (const [p, n] of [...byProblem].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${p}`);
  console.log(
    `score: ${total.correct}/${total.total} fields correct, ${total.wrong} wrong, ` +
      `indicators ${total.indicators}/${total.indicatorTotal}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
