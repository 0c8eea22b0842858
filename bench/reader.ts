import { nationalRegistry } from '../bin/registry.js';
import { ADVERSARIAL_TEXTS } from '../scripts/adversarial-texts.js';
import { reportText } from '../scripts/report-text.js';
import { readReport } from '../shared/reader/read-report.js';
import { fold } from '../shared/text/fold.js';
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
    const ms = (kb: number) => (b.smoke ? 20 : b.quick ? 500 : kb >= 1000 ? 4000 : 2000);
    b.out(
      '| input | size | reports/s | ms/report | µs/KB | NFC + fold passes/s | reader ÷ one pass |',
    );
    b.out('|---|---:|---:|---:|---:|---:|---:|');
    const line = (name: string, text: string, kb: number, target?: number) => {
      const perSec = rate(() => readReport(text, ctx), ms(kb));
      const passes = rate(() => fold(text.normalize('NFC')), ms(kb) / 4);
      const f = b.figure(`reader ${name} ${kb} KB`, perSec, 'reports/s', {
        ...(target && { target: atLeast(target) }),
      });
      b.figure(`reader ÷ NFC+fold pass, ${name} ${kb} KB`, passes / perSec, '×');
      b.row(
        name,
        `${kb} KB`,
        b.show(f, 1),
        fmt(1000 / perSec, 2),
        fmt(1e6 / perSec / kb, 1),
        fmt(passes, 0),
        fmt(passes / perSec, 1),
      );
    };
    for (const kb of b.smoke ? [30] : [10, 30, 100, 1000])
      line('report', reportText(u, { targetChars: kb * 1024 }), kb, kb === 30 ? 2000 : undefined);
    // The shapes that once made reading quadratic (issue 13, item 3), at about 100 KB each: their
    // cost per KB must stay that of an ordinary report.
    const shapeKb = b.smoke ? 10 : 100;
    for (const [name, make] of ADVERSARIAL_TEXTS) line(name, make(shapeKb * 1024), shapeKb);
  },
};
