// Scores the reader on documents of kinds it was not written on (scripts/kinds-generator.ts), as
// text, DOCX and PDF, field by field as the evaluation scores real reports:
//   npx tsx scripts/kinds-score.ts [count] [seed] [txt,docx,pdf]
// VERBOSE=1 prints each problem with its document.
import { nationalRegistry } from '../bin/registry.js';
import { readFileContent } from '../shared/files/read-file.js';
import { readReport } from '../shared/reader/read-report.js';
import type { Report } from '../shared/schemas/report.js';
import type { Unit } from '../shared/schemas/unit.js';
import type { UnitRegistry } from '../shared/units/registry.js';
import { type FieldScore, scoreReport } from './generated-score.js';
import { generateKindDoc, type KindDoc, sharesName } from './kinds-generator.js';
import { kindDocx, kindPdf, kindText } from './kinds-render.js';
import { rngOf } from './report-generator.js';

export type KindFormat = 'txt' | 'docx' | 'pdf';

/** Every unit of the registry, and those whose name another province's unit of its level has. */
export function unitPools(registry: UnitRegistry): { units: Unit[]; shared: Unit[] } {
  const units = registry.provinces().flatMap((p) => registry.unitsOf(p.code));
  return { units, shared: units.filter((u) => sharesName(u, units)) };
}

/** One generated document read as an upload of the given format would be (no folder context). */
export async function readKind(
  d: KindDoc,
  format: KindFormat,
  seed: number,
  registry: UnitRegistry,
): Promise<Report> {
  if (format === 'txt') return readReport(kindText(d, rngOf(seed)), { registry });
  const bytes = format === 'docx' ? await kindDocx(d) : await kindPdf(d);
  const content = await readFileContent(`van-ban.${format}`, bytes);
  if (content.kind !== 'text') throw new Error(`${format} not read as text`);
  return readReport(content.text, { registry, document: content.document });
}

const empty = (): FieldScore => ({
  correct: 0,
  total: 0,
  wrong: 0,
  indicators: 0,
  indicatorTotal: 0,
  problems: [],
});

function add(into: FieldScore, s: FieldScore): void {
  into.correct += s.correct;
  into.total += s.total;
  into.wrong += s.wrong;
  into.indicators += s.indicators;
  into.indicatorTotal += s.indicatorTotal;
}

const line = (name: string, s: FieldScore) =>
  `${name}: ${s.correct}/${s.total} fields correct, ${s.wrong} wrong, ` +
  `indicators ${s.indicators}/${s.indicatorTotal}`;

async function main(): Promise<void> {
  const [countArg = '100', seedArg = '1', formatsArg = 'txt,docx'] = process.argv.slice(2);
  const count = Number(countArg);
  const seed = Number(seedArg);
  const formats = formatsArg.split(',') as KindFormat[];
  const registry = nationalRegistry();
  const { units, shared } = unitPools(registry);
  const rng = rngOf(seed);
  const byFormat = new Map<string, FieldScore>();
  const byKind = new Map<string, FieldScore>();
  const problems = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const d = generateKindDoc(rng, units, shared);
    for (const format of formats) {
      const s = scoreReport(await readKind(d, format, seed + i, registry), d.truth);
      for (const [map, key] of [
        [byFormat, format],
        [byKind, `${d.kind}${d.draft ? ' (draft)' : ''}`],
      ] as const) {
        if (!map.has(key)) map.set(key, empty());
        add(map.get(key)!, s);
      }
      for (const p of s.problems) {
        const kind = `${format} ${d.kind} ${p.replace(/ [\d/.,]+[A-ZĐ&-]*|".*$/g, '')}`.slice(
          0,
          70,
        );
        problems.set(kind, (problems.get(kind) ?? 0) + 1);
        if (process.env.VERBOSE) console.log(`#${i} ${format} ${d.kind} ${d.clue} ${p}`);
      }
    }
  }
  for (const [p, n] of [...problems].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${p}`);
  for (const [k, s] of byKind) console.log(line(k, s));
  const all = empty();
  for (const [k, s] of byFormat) {
    console.log(line(k, s));
    add(all, s);
  }
  console.log(line(`score (seed ${seed}, ${count} documents)`, all));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
