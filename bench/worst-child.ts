// One worst-case upload through ingest's whole read path (read, decode, parse, rules, the stored
// item's bounds), in a process of its own so that its peak memory is its own. Stores are in
// memory: the cost measured is the file's, not S3's or DynamoDB's. Prints one JSON line.
//   tsx bench/worst-child.ts <path> <file name> [--ocr]
import { readFileSync } from 'node:fs';
import { TesseractOcr } from '../adapters/tesseract-ocr.js';
import { nationalRegistry } from '../bin/registry.js';
import { ingestObject } from '../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../shared/ingest/upload-key.js';
import type { ObjectStore } from '../shared/ports/object-store.js';
import type { NewSubmission, SubmissionStore } from '../shared/ports/submission-store.js';

const [path, fileName, mode] = process.argv.slice(2) as [string, string, string | undefined];
const registry = nationalRegistry();
const unit = registry.unitsOf('40')[0]!;
const key = buildUploadKey({
  provinceCode: '40',
  roundId: '2026-H1',
  unitCode: unit.code,
  fileName,
});
// Read before the clock starts, as S3 would hand it over.
const bytes = new Uint8Array(readFileSync(path));
const objects = {
  get: async () => ({ bytes, versionId: null }),
} as unknown as ObjectStore;
let stored: NewSubmission | null = null;
const submissions = {
  record: async (s: NewSubmission) => {
    stored = s;
    return { created: true, submission: { ...s, version: 1 } };
  },
} as unknown as SubmissionStore;
// The ingest function hands scans to the OCR queue; with --ocr they are read here, as the OCR
// function does (its engine starts only if an image gets through the checks).
const ocr = mode === '--ocr' ? new TesseractOcr({ workers: 1 }) : undefined;
const queued: unknown[] = [];
const before = process.resourceUsage();
const t0 = performance.now();
await ingestObject(
  {
    bucket: 'bench',
    key,
    size: bytes.length,
    versionId: null,
    eTag: null,
    sequencer: null,
    eventTime: '2026-06-08T02:00:00.000Z',
  },
  {
    objects,
    submissions,
    registry,
    ...(ocr ? { ocr } : { ocrQueue: { send: async (r: unknown) => void queued.push(r) } }),
  },
);
const wallMs = performance.now() - t0;
const after = process.resourceUsage();
await ocr?.close();
const s = stored as NewSubmission | null;
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    cpuMs:
      (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000,
    maxRssMb: after.maxRSS / 1024,
    bytes: bytes.length,
    status: s?.status ?? 'none',
    code: s?.diagnostics.find((d) => d.level === 'error')?.code ?? s?.diagnostics[0]?.code ?? null,
  })}\n`,
);
