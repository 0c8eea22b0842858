import { nationalRegistry } from '../bin/registry.js';
import { reportText } from '../scripts/report-text.js';
import { readReport } from '../shared/reader/read-report.js';
import { atLeast, type BenchSection } from './bench.js';
import { fmt } from './format.js';
import { benchUnits } from './units.js';

/** Calls per second of `fn`, after a warm-up, over about `ms` milliseconds. */
export function rate(fn: () => void, ms: number): number {
  for (let i = 0; i < 50; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

export const readerSection: BenchSection = {
  id: 'reader',
  title: 'Reader (readReport alone, one core)',
  async run(b) {
    const registry = nationalRegistry();
    const ctx = { registry, provinceCode: '40' };
    const u = benchUnits()[0]!;
    b.out('| size | reports/s | ms/report | µs/KB | figures |');
    b.out('|---:|---:|---:|---:|---:|');
    for (const kb of [10, 30, 100, 1000]) {
      const text = reportText(u, { targetChars: kb * 1024 });
      const perSec = rate(() => readReport(text, ctx), b.quick ? 500 : kb >= 1000 ? 4000 : 2000);
      const figures = readReport(text, ctx).indicators.length;
      const f = b.figure(`reader ${kb} KB`, perSec, 'reports/s', {
        ...(kb === 30 && { target: atLeast(2000) }),
      });
      b.out(
        `| ${kb} KB | ${b.show(f, 1)} | ${fmt(1000 / perSec, 2)} | ${fmt(1e6 / perSec / kb, 1)} | ${figures} |`,
      );
    }
  },
};
