// Scores the reader on scripts/wild-generator.ts documents as text, DOCX and PDF, field by field
// as the evaluation scores real reports, and per variation (which header, number, date, request,
// heading, figure or signature form the document took), so the worst variation shows first:
//   npx tsx scripts/wild-score.ts [count] [seed] [txt,docx,pdf]
// VERBOSE=1 prints every problem with its document's variations.
import { nationalRegistry } from '../bin/registry.js';
import type { Report } from '../shared/schemas/report.js';
import type { UnitRegistry } from '../shared/units/registry.js';
import {
  addTally,
  emptyTally,
  type FieldScore,
  readAsUpload,
  scoreReport,
  type Tally,
  uniquelyNamedUnits,
} from './generated-score.js';
import { rngOf } from './report-generator.js';
import { generateWildDoc, type WildDoc } from './wild-generator.js';
import { pickTextMode, wildDocx, wildPdf, wildText } from './wild-render.js';

export type WildFormat = 'txt' | 'docx' | 'pdf';

/** One document read as an upload of the format would be; `how` names the layout taken. */
export async function readWild(
  d: WildDoc,
  format: WildFormat,
  rng: () => number,
  registry: UnitRegistry,
): Promise<{ report: Report; how: string }> {
  // Every format goes through the upload's decoder, as `tonghop parse` reads a file.
  const mode = format === 'txt' ? pickTextMode(rng) : null;
  const how = mode ?? (format === 'docx' ? (rng() < 0.5 ? 'word' : 'typed') : 'pdf');
  const bytes =
    format === 'txt'
      ? Buffer.from(wildText(d, mode!), 'utf8')
      : format === 'docx'
        ? await wildDocx(d, how as 'word' | 'typed')
        : await wildPdf(d);
  return { report: await readAsUpload(format, bytes, registry), how };
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
const line = (name: string, s: Tally) =>
  `${name}: ${s.correct}/${s.total} fields (${pct(s.correct, s.total)} %), ${s.wrong} wrong, ` +
  `figures ${s.indicators}/${s.indicatorTotal} (${pct(s.indicators, s.indicatorTotal)} %)`;

/** The score of a set: per format, per variation, and the problems by kind. */
export async function scoreWild(count: number, seed: number, formats: WildFormat[]) {
  const registry = nationalRegistry();
  const units = uniquelyNamedUnits(registry);
  const rng = rngOf(seed);
  const layoutRng = rngOf(seed ^ 0x5eed);
  const byFormat = new Map<string, Tally>();
  const byTag = new Map<string, Tally>();
  const problems = new Map<string, number>();
  const samples: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = generateWildDoc(rng, units);
    for (const format of formats) {
      const { report, how } = await readWild(d, format, layoutRng, registry);
      const s: FieldScore = scoreReport(report, d.truth);
      const keys = [
        format,
        ...Object.entries({ ...d.tags, layout: `${format}:${how}` }).map(([k, v]) => `${k}=${v}`),
      ];
      for (const k of keys) {
        const map = k === format ? byFormat : byTag;
        if (!map.has(k)) map.set(k, emptyTally());
        addTally(map.get(k)!, s);
      }
      for (const p of s.problems) {
        const kind = `${format} ${p.replace(/ [\d/.,]+[A-ZĐ&-]*|".*$/g, '')}`.slice(0, 60);
        problems.set(kind, (problems.get(kind) ?? 0) + 1);
        samples.push(`#${i} ${format}:${how} ${JSON.stringify(d.tags)} ${p}`);
      }
    }
  }
  return { byFormat, byTag, problems, samples };
}

async function main(): Promise<void> {
  const [countArg = '100', seedArg = '1', formatsArg = 'txt,docx,pdf'] = process.argv.slice(2);
  const { byFormat, byTag, problems, samples } = await scoreWild(
    Number(countArg),
    Number(seedArg),
    formatsArg.split(',') as WildFormat[],
  );
  if (process.env.VERBOSE) for (const s of samples) console.log(s);
  for (const [p, n] of [...problems].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${p}`);
  const worst = [...byTag].sort(
    (a, b) => b[1].wrong - a[1].wrong || a[1].correct / a[1].total - b[1].correct / b[1].total,
  );
  console.log('--- per variation, worst first');
  for (const [k, s] of worst.slice(0, Number(process.env.TOP ?? 25))) console.log(line(k, s));
  const all = emptyTally();
  console.log('--- per format');
  for (const [k, s] of byFormat) {
    console.log(line(k, s));
    addTally(all, s);
  }
  console.log(line(`score (seed ${seedArg}, ${countArg} documents)`, all));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
