import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import type { LocalStack } from '../../local/stack.js';
import { reportText } from '../../scripts/report-text.js';
import { encodeEventKey } from '../../shared/ingest/upload-key.js';
import { registry2025 } from '../helpers/fixtures.js';
import { lambdaContext, s3Body, s3Throttled } from '../helpers/lambda.js';
import { startTestStack } from '../helpers/stack.js';

// DynamoDB is the embedded dynalite (idempotency and the submission store need a real table);
// S3 is mocked, so that each test decides what reading the object does.
const s3 = mockClient(S3Client);
let stack: LocalStack;
let handler: (e: SQSEvent, c: Context) => Promise<SQSBatchResponse>;
let store: DynamoSubmissionStore;

beforeAll(async () => {
  stack = await startTestStack();
  // S3 is mocked here with AWS's own versioning: no emulated versions of the embedded stack.
  delete process.env.OBJECT_VERSIONS_PREFIX;
  handler = (await import('../../functions/ingest/handler.js'))
    .handler as unknown as typeof handler;
  store = new DynamoSubmissionStore(dynamoDocumentClient(), stack.table);
});
afterAll(async () => {
  s3.restore();
  await stack.stop();
});
beforeEach(() => s3.reset());

const context = lambdaContext('ingest', 60_000);

function s3Event(key: string, eTag: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'ap-southeast-1',
        eventTime: '2026-06-08T02:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:X' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'a', 'x-amz-id-2': 'b' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'inbox',
          bucket: {
            name: stack.bucket,
            ownerIdentity: { principalId: 'X' },
            arn: `arn:aws:s3:::${stack.bucket}`,
          },
          object: {
            key: encodeEventKey(key),
            size: 1200,
            eTag,
            versionId: `v-${eTag}`,
            sequencer: '0A1B',
          },
        },
      },
    ],
  });
}

const sqs = (...bodies: string[]): SQSEvent => ({
  Records: bodies.map((b, i) => ({
    messageId: `m${i}`,
    receiptHandle: `h${i}`,
    body: b,
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-southeast-1:1:ingest',
    awsRegion: 'ap-southeast-1',
    messageAttributes: {},
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '0',
      SenderId: 'x',
      ApproximateFirstReceiveTimestamp: '0',
    },
  })),
});

const registry = registry2025();
const text = (code: string, computers = 42) =>
  new TextEncoder().encode(reportText(registry.byCode(code)!, { computers }));

describe('ingest handler', () => {
  it('records one submission when S3 and SQS deliver the same upload twice', async () => {
    s3.on(GetObjectCommand).resolves({ Body: s3Body(text('16941')), VersionId: 'v-e1' });
    const key = 'inbox/40/2026-H1/16941/Báo cáo 6 tháng.txt';
    // Records of a batch are read one at a time: the twin finds the first one's record complete
    // and is answered from it, as is a later delivery.
    const first = await handler(sqs(s3Event(key, 'e1'), s3Event(key, 'e1')), context);
    expect(first.batchItemFailures).toEqual([]);
    const second = await handler(sqs(s3Event(key, 'e1')), context);
    expect(second.batchItemFailures).toEqual([]);
    const subs = (await store.listRound('40', '2026-H1')).filter((s) => s.unitCode === '16941');
    expect(subs).toHaveLength(1);
    expect(subs[0]!.file.name).toBe('Báo cáo 6 tháng.txt');
    // The idempotency record answered the repeats: the file was read once.
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
  });

  it('reports only the throttled message as failed, and the retry records it once', async () => {
    s3.on(GetObjectCommand, { Key: 'inbox/40/2026-H1/17464/bc.txt' })
      .rejectsOnce(s3Throttled())
      .resolves({ Body: s3Body(text('17464')) });
    s3.on(GetObjectCommand, { Key: 'inbox/40/2026-H1/17506/bc.txt' }).resolves({
      Body: s3Body(text('17506')),
    });
    const event = sqs(
      s3Event('inbox/40/2026-H1/17464/bc.txt', 'e2'),
      s3Event('inbox/40/2026-H1/17506/bc.txt', 'e3'),
    );
    const first = await handler(event, context);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    const retry = await handler({ Records: [event.Records[0]!] }, context);
    expect(retry.batchItemFailures).toEqual([]);
    const subs = await store.listRound('40', '2026-H1');
    expect(subs.filter((s) => s.unitCode === '17464').map((s) => [s.status, s.version])).toEqual([
      ['accepted', 1],
    ]);
    expect(subs.filter((s) => s.unitCode === '17506')).toHaveLength(1);
  });

  it('records a permanent problem as rejected and does not ask for a retry', async () => {
    s3.on(GetObjectCommand).resolves({ Body: s3Body(new Uint8Array([1, 2, 3, 4, 5, 0, 0, 7])) });
    const res = await handler(sqs(s3Event('inbox/40/2026-H1/16690/hong.docx', 'e4')), context);
    expect(res.batchItemFailures).toEqual([]);
    const [sub] = (await store.listRound('40', '2026-H1')).filter((s) => s.unitCode === '16690');
    expect(sub?.status).toBe('rejected');
    expect(sub?.diagnostics[0]?.message).toMatch(/hỏng/);
  });

  it('fails a message that is not an S3 event (it ends in the DLQ), ignores the S3 test event', async () => {
    const res = await handler(
      sqs(
        '{"hello":"world"}',
        JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: stack.bucket }),
      ),
      context,
    );
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
  });
});
