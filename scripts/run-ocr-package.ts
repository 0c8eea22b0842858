// Runs the OCR function from its Lambda package, as deployed, on one scan: the asset directory
// `cdk synth` bundled (cdk.out/asset.<hash>: index.mjs and the files shipped beside it), on the
// embedded stack, in a child process that can reach nothing but 127.0.0.1 (scripts/ocr-package/
// net-guard.mjs), measured by `/usr/bin/time -v`. Prints what the scan settled as, and the
// figures the README's cost section gives (peak RSS, wall and CPU seconds).
// Usage: npx tsx scripts/run-ocr-package.ts <asset dir> <scan.pdf | photo.jpg> [workers = 1]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dynamoDocumentClient } from '../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../adapters/dynamo-submission-store.js';
import { DynamoUnitStore } from '../adapters/dynamo-unit-store.js';
import { s3 } from '../adapters/s3-client.js';
import { S3ObjectStore } from '../adapters/s3-object-store.js';
import { nationalRegistry } from '../bin/registry.js';
import { startLocalStack } from '../local/stack.js';
import { ingestObject, type ObjectRef } from '../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../shared/ingest/upload-key.js';

const [assetDir, scanFile, workers = '1'] = process.argv.slice(2);
if (!assetDir || !scanFile)
  throw new Error('usage: run-ocr-package.ts <asset dir> <scan> [workers]');
const here = join(import.meta.dirname, 'ocr-package');

/** Uploads the scan and records it as ingest on AWS does: `ocr_pending`, its ObjectRef queued. */
async function pendingScan(bucket: string, table: string) {
  const registry = nationalRegistry();
  await new DynamoUnitStore(dynamoDocumentClient(), table).put(registry.unitsOf('40'));
  const key = buildUploadKey({
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode: '17662',
    fileName: basename(scanFile!),
  });
  const bytes = readFileSync(scanFile!);
  const objects = new S3ObjectStore(s3(), bucket);
  const { versionId } = await objects.put(key, bytes);
  const ref: ObjectRef = {
    ...{ bucket, key, size: bytes.length, versionId, eTag: null, sequencer: null },
    eventTime: new Date().toISOString(),
  };
  const submissions = new DynamoSubmissionStore(dynamoDocumentClient(), table);
  const queued: ObjectRef[] = [];
  const ocrQueue = { send: async (r: ObjectRef) => void queued.push(r) };
  const { submission } = await ingestObject(ref, { objects, submissions, registry, ocrQueue });
  if (submission.status !== 'ocr_pending' || !queued[0])
    throw new Error(`not queued: ${submission.status}`);
  return { submission, submissions, message: JSON.stringify(queued[0]) };
}

const sqsEvent = (body: string) => ({
  Records: [
    {
      ...{ messageId: 'm0', receiptHandle: 'h0', body, md5OfBody: '', eventSource: 'aws:sqs' },
      ...{ eventSourceARN: 'arn:aws:sqs:ap-southeast-1:1:ocr', awsRegion: 'ap-southeast-1' },
      messageAttributes: {},
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x' },
    },
  ],
});

/** `/usr/bin/time -v` figures: peak RSS in MB, wall, user and system seconds. */
function timeFigures(stderr: string) {
  const field = (label: string) => stderr.match(new RegExp(`${label}: (.+)`))?.[1]?.trim() ?? '';
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0);
  return {
    peakRssMb: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024),
    wallSeconds: wall,
    cpuSeconds:
      Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
  };
}

function child(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const p = spawn(cmd, args, opts);
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (c) => (stdout += c));
      p.stderr.on('data', (c) => (stderr += c));
      p.on('error', reject);
      p.on('close', (status) => resolve({ status, stdout, stderr }));
    },
  );
}

/** The handler from the package alone: its own folder as cwd, nothing of this project on its path. */
async function invoke(message: string, tmp: string) {
  const eventFile = join(tmp, 'event.json');
  writeFileSync(eventFile, JSON.stringify(sqsEvent(message)));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OCR_WORKERS: workers,
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
  for (const name of [
    'NODE_OPTIONS',
    'NODE_PATH',
    'TONGHOP_OCR_LANG_PATH',
    'HTTP_PROXY',
    'HTTPS_PROXY',
  ])
    delete env[name];
  const args = [
    '-v',
    process.execPath,
    '--enable-source-maps',
    '--import',
    join(here, 'net-guard.mjs'),
  ];
  args.push(join(here, 'invoke.mjs'), join(assetDir!, 'index.mjs'), eventFile);
  // Not spawnSync: the embedded stack answering the child lives in this process's event loop.
  const run = await child('/usr/bin/time', args, { cwd: assetDir!, env });
  if (run.status !== 0)
    throw new Error(`the handler failed (${run.status}):\n${run.stderr.slice(-4000)}`);
  const guarded = run.stderr.split('\n').filter((l) => l.startsWith('net-guard:'));
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    seconds: number;
    result: unknown;
  };
  return { ...out, ...timeFigures(run.stderr), guarded };
}

const tmp = mkdtempSync(join(tmpdir(), 'tonghop-ocr-run-'));
const stack = await startLocalStack(join(tmp, 'home'));
try {
  const { submission, submissions, message } = await pendingScan(stack.bucket, stack.table);
  const run = await invoke(message, tmp);
  const settled = await submissions.get(submission);
  const pages = settled?.report ? new Set(settled.report.indicators.map((i) => i.page)).size : 0;
  console.log(
    JSON.stringify(
      {
        scan: basename(scanFile),
        workers: Number(workers),
        ...run,
        settled: {
          ...{ id: settled?.submissionId, version: settled?.version, status: settled?.status },
          ...{
            number: settled?.report?.number,
            indicators: settled?.report?.indicators.length,
            pages,
          },
          diagnostics: settled?.diagnostics.map((d) => d.code),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await stack.stop();
  rmSync(tmp, { recursive: true, force: true });
}
