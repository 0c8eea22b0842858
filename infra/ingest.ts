import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INBOX_PREFIX } from '../shared/ingest/upload-key.js';
import { grantRecordingUploads, recordingEnvironment } from './grants.js';
import { TonghopFunction } from './lambda-function.js';
import { acknowledge } from './nag.js';
import { workQueues } from './work-queue.js';

/**
 * The longest one file may take within the limits of shared/files/limits.ts. Measured by
 * `npm run bench -- --only worst` (README, "Performance"): reading takes at most 20 s (a PDF's
 * wall-clock cap; the largest DOCX allowed is about 6 s of Lambda CPU), the rest is S3, DynamoDB
 * and the receipt.
 */
export const FILE_WORST_CASE = Duration.seconds(40);
/** Records per invocation, so that a batch of worst-case files still ends within the timeout. */
export const INGEST_BATCH_SIZE = 3;
export const INGEST_TIMEOUT = Duration.seconds(FILE_WORST_CASE.toSeconds() * INGEST_BATCH_SIZE);
/** The files of a batch are read one after another (functions/ingest), each within this memory. */
export const INGEST_MEMORY_MB = 1024;
/**
 * pdf.js, loaded on the first PDF (shared/files/decode-pdf.ts), and word-extractor's OLE reader,
 * required by the .doc worker thread (shared/files/doc/doc-worker.ts), ship beside the bundle.
 */
export const INGEST_SHIPPED_FILES = [
  'unpdf/package.json',
  'unpdf/dist/pdfjs.mjs',
  'unpdf/LICENSE',
  'word-extractor/package.json',
  'word-extractor/lib',
  'word-extractor/LICENSE',
];

/** S3 upload → ObjectCreated on inbox/ → SQS (with a DLQ) → ingest Lambda → table. */
export class Ingest extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly fn: TonghopFunction;

  constructor(
    scope: Construct,
    id: string,
    props: { uploads: Bucket; table: TableV2; mailQueue: IQueue },
  ) {
    super(scope, id);
    ({ queue: this.queue, deadLetters: this.deadLetters } = workQueues(this, INGEST_TIMEOUT));
    props.uploads.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: INBOX_PREFIX,
    });
    const notifications = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (notifications)
      acknowledge(
        notifications,
        'IAM4',
        "CDK's own handler that sets the bucket notification at deploy time; it runs only then " +
          'and needs only its log stream (AWSLambdaBasicExecutionRole).',
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      );

    this.fn = new TonghopFunction(this, 'Function', {
      handler: 'ingest',
      memorySize: INGEST_MEMORY_MB,
      timeout: INGEST_TIMEOUT,
      environment: recordingEnvironment(props),
      shipFiles: INGEST_SHIPPED_FILES,
    });
    // Reads the uploaded version of a file, never deletes one; writes records and idempotency
    // entries; receipts go to the mail queue like every other mail: ingest itself sends nothing.
    grantRecordingUploads(this.fn, props);
    this.fn.addEventSource(
      new SqsEventSource(this.queue, {
        // A poison file can cost its batch at most its own worst case (see FILE_WORST_CASE), and
        // failures are reported per record (processPartialResponse), so others are not retried.
        batchSize: INGEST_BATCH_SIZE,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        maxConcurrency: 5,
      }),
    );
  }
}
