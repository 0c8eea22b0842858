import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import { DynamoUnitStore } from '../../adapters/dynamo-unit-store.js';
import { forgetRegistry } from '../../adapters/registry-cache.js';
import type { LocalStack } from '../../local/stack.js';
import { reportText } from '../../scripts/report-text.js';
import { ingestObject, type ObjectRef } from '../../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../../shared/ingest/upload-key.js';
import type { OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { registry2025 } from '../helpers/fixtures.js';
import { lambdaContext, s3Body, s3Throttled } from '../helpers/lambda.js';
import { MemoryObjects } from '../helpers/memory-stores.js';
import { startTestStack } from '../helpers/stack.js';
import { textPhoto } from '../helpers/text-photo.js';

// The engine reads the report's text a photo carries, every word sure: this file tests
// the function's wiring; test/unit/tesseract-ocr.test.ts and the package test read real scans.
vi.mock('../../adapters/tesseract-ocr.js', async () => {
  const { photoText } = await import('../helpers/text-photo.js');
  return {
    TesseractOcr: class {
      async recognize(img: PageImage): Promise<OcrPage> {
        // Each line where a page has it, one under another (the scan rules place the header by them).
        const lines = photoText(img.image)
          .split('\n')
          .filter((l) => l.trim());
        const boxOf = (i: number) => ({ x0: 100, y0: 100 + i * 40, x1: 1100, y1: 130 + i * 40 });
        const words = (l: string, i: number) =>
          l.split(' ').map((text) => ({ text, confidence: 95, box: boxOf(i) }));
        const all = lines.map((l, i) => ({ words: words(l, i), box: boxOf(i) }));
        // A region read again (the header, the signature) gives the lines inside it only.
        const r = img.region;
        const inside = r ? all.filter((l) => l.box.y0 >= r.y0 && l.box.y1 <= r.y1) : all;
        return { page: img.page, lines: inside };
      }
    },
  };
});

// Where sharp's native build is missing, the function still reads (uncleaned) and says so.
vi.mock('../../adapters/sharp-page-cleaner.js', async (original) => ({
  ...(await original<typeof import('../../adapters/sharp-page-cleaner.js')>()),
  loadSharp: () => Promise.reject(new Error('Could not load the "sharp" module (linux-arm64)')),
}));
const logged: string[] = [];

const registry = registry2025();
const s3 = mockClient(S3Client);
let stack: LocalStack;
let handler: (e: SQSEvent, c: Context) => Promise<SQSBatchResponse>;
let store: DynamoSubmissionStore;

beforeAll(async () => {
  stack = await startTestStack();
  // Receipts go to a unit's contacts: these units have one.
  const withContact = ['16941', '17464', '17506'].map((c) => ({
    ...registry.byCode(c)!,
    emails: [`ubnd${c}@example.gov.vn`],
  }));
  await new DynamoUnitStore(dynamoDocumentClient(), stack.table).put(withContact);
  forgetRegistry();
  delete process.env.OBJECT_VERSIONS_PREFIX;
  // Tests log errors only (vitest.config.ts); the function's warning at start is what is checked.
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  const out = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    }),
  );
  handler = (await import('../../functions/ocr/handler.js')).handler as unknown as typeof handler;
  for (const spy of out) spy.mockRestore();
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  store = new DynamoSubmissionStore(dynamoDocumentClient(), stack.table);
});
afterAll(async () => {
  s3.restore();
  await stack.stop();
});
beforeEach(() => s3.reset());

const context = lambdaContext('ocr', 600_000);
const photoOf = (code: string) => textPhoto(reportText(registry.byCode(code)!));

/** What ingest does on AWS with a photo: queue its ObjectRef for OCR and record it `ocr_pending`. */
async function pendingPhoto(unitCode: string, eTag: string) {
  const key = buildUploadKey({
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode,
    fileName: 'anh.jpg',
  });
  const bytes = photoOf(unitCode);
  const objects = new MemoryObjects();
  await objects.put(key, bytes);
  const queued: ObjectRef[] = [];
  const ref: ObjectRef = {
    bucket: stack.bucket,
    key,
    size: bytes.length,
    versionId: `v-${eTag}`,
    eTag,
    sequencer: '0A',
    eventTime: '2026-06-08T02:00:00.000Z',
  };
  const deps = {
    objects,
    submissions: store,
    registry,
    ocrQueue: { send: async (r: ObjectRef) => void queued.push(r) },
  };
  const { submission } = await ingestObject(ref, deps);
  expect(submission.status).toBe('ocr_pending');
  s3.on(GetObjectCommand, { Key: key }).resolves({
    Body: s3Body(bytes),
    VersionId: ref.versionId!,
  });
  return { message: JSON.stringify(queued[0]), submission };
}

const sqsEvent = (messageBody: string, receives = 1): SQSEvent => ({
  Records: [
    {
      messageId: 'm0',
      receiptHandle: 'h0',
      body: messageBody,
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-southeast-1:1:ocr',
      awsRegion: 'ap-southeast-1',
      messageAttributes: {},
      attributes: {
        ApproximateReceiveCount: String(receives),
        SentTimestamp: '0',
        SenderId: 'x',
        ApproximateFirstReceiveTimestamp: '0',
      },
    },
  ],
});

const unitSubs = async (unitCode: string) =>
  (await store.listRound('40', '2026-H1')).filter((s) => s.unitCode === unitCode);
const receiptsFor = (submissionId: string) =>
  stack.mailQueue.receive(1000, 0).filter((m) => m.body.includes(`RECEIPT#${submissionId}`));

describe('OCR handler', () => {
  it('says in its logs that pages are read uncleaned when sharp does not load', () => {
    const warning = logged.map((l) => l.trim()).find((l) => l.includes('uncleaned'));
    expect(JSON.parse(warning!)).toMatchObject({
      level: 'WARN',
      service: 'tonghop-ocr',
      message: expect.stringContaining('scanned pages are read uncleaned'),
      error: expect.stringContaining('linux-arm64'),
    });
  });

  it('settles the ocr_pending record in place (same id and version) and sends its receipt', async () => {
    const { message, submission } = await pendingPhoto('16941', 'o1');
    const res = await handler(sqsEvent(message), context);
    expect(res.batchItemFailures).toEqual([]);
    const subs = await unitSubs('16941');
    expect(subs.map((s) => [s.submissionId, s.version, s.status])).toEqual([
      [submission.submissionId, 1, 'accepted'],
    ]);
    expect(subs[0]!.report?.indicators.length).toBeGreaterThan(0);
    expect(receiptsFor(submission.submissionId)).toHaveLength(1);
    // SQS delivers the message again: the idempotency record answers, the scan is not read twice.
    expect((await handler(sqsEvent(message), context)).batchItemFailures).toEqual([]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
  });

  it('retries a transient fault, and the retry settles the record once', async () => {
    const { message, submission } = await pendingPhoto('17464', 'o2');
    const key = JSON.parse(message).key as string;
    s3.on(GetObjectCommand, { Key: key })
      .rejectsOnce(s3Throttled())
      .resolves({ Body: s3Body(photoOf('17464')) });
    expect((await handler(sqsEvent(message), context)).batchItemFailures).toEqual([
      { itemIdentifier: 'm0' },
    ]);
    expect((await unitSubs('17464'))[0]!.status).toBe('ocr_pending');
    expect((await handler(sqsEvent(message, 2), context)).batchItemFailures).toEqual([]);
    const subs = await unitSubs('17464');
    expect(subs.map((s) => [s.submissionId, s.version, s.status])).toEqual([
      [submission.submissionId, 1, 'accepted'],
    ]);
  });

  it('on the last receive settles the waiting scan as needs_review, tells the unit, and fails to the DLQ', async () => {
    const { message, submission } = await pendingPhoto('17506', 'o3');
    s3.on(GetObjectCommand, { Key: JSON.parse(message).key }).rejects(s3Throttled());
    const res = await handler(sqsEvent(message, 3), context);
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    const subs = await unitSubs('17506');
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      submissionId: submission.submissionId,
      version: 1,
      status: 'needs_review',
    });
    expect(subs[0]!.diagnostics.map((d) => d.code)).toEqual(['ingest.retriesExhausted']);
    expect(subs[0]!.diagnostics[0]!.message).toMatch(/nhận dạng.*3 lần thử.*không cần gửi lại/);
    expect(receiptsFor(submission.submissionId)).toHaveLength(1);
  });

  it('fails a message that is no ObjectRef, so that it ends in the DLQ', async () => {
    for (const bad of ['{"hello":"world"}', 'not json', JSON.stringify({ bucket: 'b', key: '' })]) {
      expect((await handler(sqsEvent(bad), context)).batchItemFailures).toEqual([
        { itemIdentifier: 'm0' },
      ]);
    }
  });
});
