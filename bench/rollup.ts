import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { importUnits } from '../bin/commands/units.js';
import { nationalRegistry } from '../bin/registry.js';
import { openTarget, type Target } from '../bin/target.js';
import { esbuildOptions } from '../infra/lambda-function.js';
import { ROLLUP_NODE_FLAGS } from '../infra/rollup.js';
import { reportText } from '../scripts/report-text.js';
import { syntheticReport } from '../scripts/synthetic-round.js';
import { readReport } from '../shared/reader/read-report.js';
import { NATIONAL } from '../shared/rollup/build-rollup.js';
import { atMost, type Bench, type BenchSection } from './bench.js';
import { fmt } from './format.js';

/** Accepted reports of `chars` characters for 9 in 10 units: a round the morning after its deadline. */
async function seedRound(
  target: Target,
  chars: number,
  smoke: boolean,
): Promise<{ seeded: number; seconds: number }> {
  const registry = nationalRegistry();
  const all = await target.ports.units.list();
  // With --smoke, one unit in 50: the same path, a fraction of the DynamoDB writes.
  const seeded = all.filter((_, i) => (smoke ? i % 50 === 0 : i % 10 !== 9));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < seeded.length) {
        const i = next++;
        const u = seeded[i]!;
        const report = readReport(reportText(u, syntheticReport(i, chars)), { registry });
        await target.ports.submissions.record({
          submissionId: `bench-${u.code}`,
          provinceCode: u.provinceCode,
          roundId: '2026-H1',
          unitCode: u.code,
          status: 'accepted',
          diagnostics: [],
          report,
          file: {
            bucket: target.bucket,
            key: `inbox/${u.provinceCode}/2026-H1/${u.code}/bao-cao.docx`,
            versionId: null,
            name: 'bao-cao.docx',
            size: chars,
            sha256: null,
            format: 'docx',
          },
          uploadedAt: '2026-06-09T03:00:00.000Z',
          processedAt: '2026-06-09T03:00:01.000Z',
        });
      }
    }),
  );
  return { seeded: seeded.length, seconds: (performance.now() - t0) / 1000 };
}

interface Run {
  totalMs: number;
  cpuMs: number;
  stages: Record<string, number>;
}

/** The child bundled as infra bundles the rollup function: the compiled code Lambda runs, not tsx. */
async function bundleChild(): Promise<string> {
  const outfile = join(import.meta.dirname, '..', '.tonghop', 'bundles', 'rollup-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'rollup-child.ts')],
    outfile,
    ...esbuildOptions(),
  });
  return outfile;
}

/** One scope's rollup built in a fresh process (as a Lambda invocation), as table rows and figures. */
async function rollupRow(b: Bench, child: string, scope: string, label: string): Promise<void> {
  // Asynchronous: the embedded stack the child talks to runs in this process.
  // With the function's Node flags (its heap limit), as Lambda starts it.
  const args = [...ROLLUP_NODE_FLAGS, child, scope, '2026-H1'];
  const { stdout: raw } = await promisify(execFile)(process.execPath, args, {
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(raw.trim().split('\n').pop()!) as {
    cold: Run;
    warm: Run;
    maxRssMb: number;
    units: number;
    reported: number;
    bytes: Record<string, number>;
  };
  const national = scope === NATIONAL;
  const target = atMost(national ? 2000 : 500);
  const load = loadavg()[0]!.toFixed(1);
  b.figure(`rollup ${label} time, first in a process`, r.cold.totalMs, 'ms', { target });
  b.figure(`rollup ${label} time, warm`, r.warm.totalMs, 'ms', { target });
  b.figure(`rollup ${label} CPU, warm`, r.warm.cpuMs, 'ms', { target });
  b.figure(`rollup ${label} peak RSS`, r.maxRssMb, 'MB', {
    ...(national && { target: atMost(256) }),
  });
  const ms = (run: Run, k: string) => `${fmt(run.stages[k] ?? 0)} ms`;
  const kb = (k: string) => fmt((r.bytes[k] ?? 0) / 1024);
  for (const [when, run] of [
    ['first', r.cold],
    ['warm', r.warm],
  ] as const)
    b.row(
      `${label}, ${when}`,
      `${fmt(r.units)} (${fmt(r.reported)} reported)`,
      `${fmt(run.totalMs)} ms (${fmt(run.cpuMs)} CPU-ms)`,
      ...['read', 'aggregate', 'docx', 'xlsx', 'html', 'json', 'write'].map((k) => ms(run, k)),
      `${fmt(r.maxRssMb)} MB`,
      `${['docx', 'xlsx', 'html', 'json'].map(kb).join(' / ')} KB`,
      load,
    );
}

/**
 * Rollups of 168 units (Hồ Chí Minh, the largest province) and 3,321 (the country) on the
 * embedded stack, each built in a fresh process like a Lambda invocation.
 */
async function runRollup(b: Bench): Promise<void> {
  const { out, quick } = b;
  process.env.TONGHOP_HOME = mkdtempSync(join(tmpdir(), 'tonghop-bench-rollup-'));
  const target = await openTarget({});
  try {
    await importUnits(target);
    const chars = b.smoke ? 2000 : quick ? 4000 : 20_000;
    const all = (await target.ports.units.list()).length;
    const { seeded, seconds } = await seedRound(target, chars, b.smoke);
    out(
      `Seeded ${fmt(seeded)} accepted reports of ~${fmt(chars / 1000)} KB text ` +
        `(of ${fmt(all)} units) in ${fmt(seconds, 1)} s.`,
    );
    out('');
    const child = await bundleChild();
    b.row(
      ...['scope', 'units', 'total', 'read', 'aggregate', 'docx', 'xlsx', 'html', 'json'],
      ...['write', 'peak RSS', 'DOCX / XLSX / HTML / JSON size', 'load average'],
    );
    out('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    const scopes = [
      ['79', 'Hồ Chí Minh'],
      [NATIONAL, 'whole country'],
    ] as const;
    // With --smoke, the province alone: the country's DOCX table of 3,321 rows is most of the cost.
    for (const [scope, label] of b.smoke ? scopes.slice(0, 1) : scopes)
      await rollupRow(b, child, scope, label);
    out('');
    out(
      'Each scope in a fresh process running the rollup bundled as infra bundles the function ' +
        '(esbuild, minified; plain Node, no tsx), built twice: "first" loads the renderers as a ' +
        'cold container does, "warm" is the next rollup in the same container. The four ' +
        'renderers run concurrently, so their stage times overlap. Peak RSS is the whole process.',
    );
  } finally {
    await target.close();
  }
}

export const rollupSection: BenchSection = {
  id: 'rollup',
  title: 'Rollup (embedded stack; read → aggregate → DOCX, XLSX, HTML, JSON → write to S3)',
  run: runRollup,
};
