// Scores the reader on a scan set written by scripts/scan-set.ts, field by field as the evaluation
// does (scoreReport), in one process with one OCR worker, and prints a table per damage kind.
// `npx tsx scripts/scan-score.ts DIR` (VERBOSE=1 lists every miss). The same directory can be
// scored through the CLI with the evaluation's own script: score.mjs --corpus DIR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanEngine } from '../adapters/scan-engine.js';
import { nationalRegistry } from '../bin/registry.js';
import { readDocument } from '../shared/ocr/read-document.js';
import { type FieldScore, scoreReport } from './generated-score.js';
import type { Truth } from './report-generator.js';

type Totals = Omit<FieldScore, 'problems'> & { files: number };
const zero = (): Totals => ({
  files: 0,
  correct: 0,
  total: 0,
  wrong: 0,
  indicators: 0,
  indicatorTotal: 0,
});

function add(t: Totals, s: FieldScore): void {
  t.files++;
  t.correct += s.correct;
  t.total += s.total;
  t.wrong += s.wrong;
  t.indicators += s.indicators;
  t.indicatorTotal += s.indicatorTotal;
}

const kindOf = (file: string) => file.replace(/^scan-\d+-\d+-|\.\w+$/g, '');

async function main(dir: string): Promise<void> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Truth
  >;
  const ocr = scanEngine({ workers: Number(process.env.WORKERS ?? 1) });
  const context = { registry: nationalRegistry(), provinceCode: null };
  const byKind = new Map<string, Totals>();
  const all = zero();
  try {
    for (const [file, truth] of Object.entries(expected)) {
      const started = process.cpuUsage();
      const { report } = await readDocument(file, readFileSync(join(dir, file)), context, ocr);
      const s = scoreReport(report, truth);
      const kind = kindOf(file);
      if (!byKind.has(kind)) byKind.set(kind, zero());
      add(byKind.get(kind)!, s);
      add(all, s);
      const cpu = (process.cpuUsage(started).user / 1e6).toFixed(1);
      console.log(
        `${file}: ${s.correct}/${s.total}, ${s.wrong} wrong, ${s.indicators}/${s.indicatorTotal} (${cpu} s)`,
      );
      for (const p of s.problems) console.log(`  ${p}`);
      if (process.env.VERBOSE)
        for (const d of report.diagnostics) console.log(`  ! ${d.field}: ${d.message}`);
    }
  } finally {
    await ocr.close();
  }
  console.log('\n| damage | files | fields correct | wrong | indicators |\n|---|---|---|---|---|');
  for (const [kind, t] of [...byKind, ['all', all] as const]) console.log(row(kind, t));
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)} %` : '—');
const row = (kind: string, t: Totals) =>
  `| ${kind} | ${t.files} | ${t.correct}/${t.total} (${pct(t.correct, t.total)}) | ${t.wrong} | ` +
  `${t.indicators}/${t.indicatorTotal} (${pct(t.indicators, t.indicatorTotal)}) |`;

const dir = process.argv[2];
if (!dir) throw new Error('usage: scan-score.ts DIR');
await main(dir);
