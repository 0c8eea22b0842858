// Scores the reader on documents of kinds it was not written on (scripts/kinds-generator.ts), as
// text, DOCX and PDF, field by field as the evaluation scores real reports:
//   npx tsx scripts/kinds-score.ts [count] [seed] [txt,docx,pdf]
// VERBOSE=1 prints each problem with its document.
import { nationalRegistry } from '../bin/registry.js';
import { readReport } from '../shared/reader/read-report.js';
import type { Report } from '../shared/schemas/report.js';
import type { Unit } from '../shared/schemas/unit.js';
import type { UnitRegistry } from '../shared/units/registry.js';
import { addTally, emptyTally, readAsUpload, scoreReport, type Tally } from './generated-score.js';
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
  return readAsUpload(format, format === 'docx' ? await kindDocx(d) : await kindPdf(d), registry);
}

const line = (name: string, s: Tally) =>
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
  const byFormat = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const problems = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const d = generateKindDoc(rng, units, shared);
    for (const format of formats) {
      const s = scoreReport(await readKind(d, format, seed + i, registry), d.truth);
      for (const [map, key] of [
        [byFormat, format],
        [byKind, `${d.kind}${d.draft ? ' (draft)' : ''}`],
      ] as const) {
        if (!map.has(key)) map.set(key, emptyTally());
        addTally(map.get(key)!, s);
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
  const all = emptyTally();
  for (const [k, s] of byFormat) {
    console.log(line(k, s));
    addTally(all, s);
  }
  console.log(line(`score (seed ${seed}, ${count} documents)`, all));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
