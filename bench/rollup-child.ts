// One rollup in a process of its own, the way the Lambda runs it, so that its peak memory is
// not mixed with the embedded stack's. bench/rollup.ts bundles this file as infra bundles the
// rollup function (esbuild, minified) and runs the bundle in plain Node. The rollup is built twice:
// the first pays for loading the renderers (a cold container), the second is a warm container's.
// Prints one JSON line.

import { tableJobDeps } from '../adapters/job-deps.js';
import { s3 } from '../adapters/s3-client.js';
import { S3ObjectStore } from '../adapters/s3-object-store.js';
import { findRound, runRoundRollup } from '../shared/rollup/rollup-job.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const [scope, roundId] = process.argv.slice(2) as [string, string];
// No mail is asked for: the outbox is never used.
const deps = {
  ...tableJobDeps(process.env.TABLE_NAME!, { enqueue: async () => undefined }),
  objects: new S3ObjectStore(s3(), process.env.BUCKET_NAME!),
};

async function once(): Promise<{
  totalMs: number;
  cpuMs: number;
  stages: Record<string, number>;
  summary: { units: number; reported: number; bytes: Record<string, number> };
}> {
  const stages: Record<string, number> = {};
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  const { rollup, files } = await runRoundRollup(
    scope,
    await findRound(scope, roundId, deps),
    new Date('2026-06-11T06:00:00+07:00'),
    deps,
    { onStage: (s, ms) => (stages[s] = ms) },
  );
  const cpu = process.cpuUsage(cpu0);
  // Only the figures are kept: the second rollup is measured without the first in memory.
  const summary = {
    units: rollup.status.expected,
    reported: rollup.status.reported,
    bytes: Object.fromEntries(files.map((f) => [f.name.split('.').pop()!, f.bytes.length])),
  };
  return {
    totalMs: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    stages,
    summary,
  };
}

const cold = await once();
const warm = await once();
process.stdout.write(
  `${JSON.stringify({
    cold: { totalMs: cold.totalMs, cpuMs: cold.cpuMs, stages: cold.stages },
    warm: { totalMs: warm.totalMs, cpuMs: warm.cpuMs, stages: warm.stages },
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ...cold.summary,
  })}\n`,
);
