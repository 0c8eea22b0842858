// One rollup in a process of its own, the way the Lambda runs it, so that its peak memory is
// not mixed with the embedded stack's. Prints one JSON line.

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
const stages: Record<string, number> = {};
const t0 = performance.now();
const { rollup, files } = await runRoundRollup(
  scope,
  await findRound(scope, roundId, deps),
  new Date('2026-06-11T06:00:00+07:00'),
  deps,
  { onStage: (s, ms) => (stages[s] = ms) },
);
process.stdout.write(
  `${JSON.stringify({
    totalMs: performance.now() - t0,
    stages,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    units: rollup.status.expected,
    reported: rollup.status.reported,
    bytes: Object.fromEntries(files.map((f) => [f.name.split('.').pop(), f.bytes.length])),
  })}\n`,
);
