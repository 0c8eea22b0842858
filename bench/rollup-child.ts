// One rollup in a process of its own, the way the Lambda runs it, so that its peak memory is
// not mixed with the embedded stack's. Prints one JSON line.
import { dynamoDocumentClient, s3 } from '../adapters/aws-clients.js';
import { DynamoSubmissionStore } from '../adapters/dynamo-submission-store.js';
import { DynamoUnitStore } from '../adapters/dynamo-unit-store.js';
import { S3ObjectStore } from '../adapters/s3-object-store.js';
import { buildRoundRollup, publishRollup, renderRollup } from '../shared/rollup/rollup-job.js';
import { standingRounds } from '../shared/rounds/standing-rounds.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const [scope, roundId] = process.argv.slice(2) as [string, string];
const db = dynamoDocumentClient();
const deps = { units: new DynamoUnitStore(db, process.env.TABLE_NAME!), submissions: new DynamoSubmissionStore(db, process.env.TABLE_NAME!) };
const round = standingRounds(scope, Number(roundId.slice(0, 4))).find((r) => r.roundId === roundId)!;
const stages: Record<string, number> = {};
const onStage = (s: string, ms: number) => (stages[s] = ms);
const t0 = performance.now();
const rollup = await buildRoundRollup(scope, round, deps, new Date('2026-06-11T06:00:00+07:00'), onStage);
const files = await renderRollup(rollup, onStage);
const w0 = performance.now();
await publishRollup(rollup, files, new S3ObjectStore(s3(), process.env.BUCKET_NAME!));
stages.write = performance.now() - w0;
process.stdout.write(JSON.stringify({ totalMs: performance.now() - t0, stages, maxRssMb: process.resourceUsage().maxRSS / 1024, units: rollup.status.expected, reported: rollup.status.reported, bytes: Object.fromEntries(files.map((f) => [f.name.split('.').pop(), f.bytes.length])) }) + '\n');
