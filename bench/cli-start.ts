import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportText } from '../scripts/report-text.js';
import { atMost, type BenchSection } from './bench.js';
import { benchUnits } from './units.js';

const root = join(import.meta.dirname, '..');

/** Median wall time of a fresh process, in ms. */
function wall(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export const cliStartSection: BenchSection = {
  id: 'cli',
  title: 'CLI start (wall time of a fresh process, median)',
  async run(b) {
    const runs = b.smoke ? 1 : b.quick ? 5 : 11;
    const file = join(tmpdir(), 'tonghop-bench-30kb.txt');
    writeFileSync(file, reportText(benchUnits()[0]!, { targetChars: 30 * 1024 }));
    const node = b.figure('node -e 0', wall(['-e', '0'], runs), 'ms');
    const cli = join(root, 'bin', 'tonghop.js');
    b.out('| command | wall time | ÷ node -e 0 |');
    b.out('|---|---:|---:|');
    b.out(`| node -e 0 | ${b.show(node)} | 1 |`);
    for (const [label, args] of [
      ['tonghop --help', ['--help']],
      ['tonghop parse <30 KB .txt> --json', ['parse', file, '--json']],
    ] as const) {
      const f = b.figure(label, wall([cli, ...args], runs), 'ms', { target: atMost(500) });
      b.out(`| ${label} | ${b.show(f)} | ${(f.value / node.value).toFixed(1)} |`);
    }
    b.out('');
    b.out(
      "The CLI runs compiled JavaScript from dist/ (built by `npm ci`), so this is a user's start.",
    );
  },
};
