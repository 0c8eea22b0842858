import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoDepartmentStore } from '../../adapters/dynamo-department-store.js';
import { DynamoRoundStore } from '../../adapters/dynamo-round-store.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import { requiredEnv } from '../../adapters/env.js';
import { handlerMetrics } from '../../adapters/metrics.js';
import { cachedRegistry } from '../../adapters/registry-cache.js';
import { s3 } from '../../adapters/s3-client.js';
import { S3ObjectStore } from '../../adapters/s3-object-store.js';
import { sqs } from '../../adapters/sqs-client.js';
import { SqsOcrQueue } from '../../adapters/sqs-ocr-queue.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import { IDEMPOTENCY_PK } from '../../adapters/table-keys.js';
import {
  type IngestDeps,
  ingestObject,
  type ObjectRef,
  recordUnprocessed,
} from '../../shared/ingest/ingest-object.js';
import { queueReceipt } from '../../shared/mail/receipt.js';
import type { OcrEngine } from '../../shared/ports/ocr-engine.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import { objectRefsOf } from './object-refs.js';

const logger = new Logger({ serviceName: 'tonghop-ingest' });
const metrics = handlerMetrics('tonghop-ingest');
const STATUS_METRIC = {
  accepted: 'ReportsAccepted',
  needs_review: 'ReportsNeedingReview',
  rejected: 'ReportsRejected',
  // Only a file delivered again after the Department returned it comes back in this state.
  returned: 'ReportsReturned',
  ocr_pending: 'ScansQueuedForOcr',
} as const;
const table = requiredEnv('TABLE_NAME');
const bucket = requiredEnv('BUCKET_NAME');
const processor = new BatchProcessor(EventType.SQS);

const db = dynamoDocumentClient();
const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: table,
  keyAttr: 'PK',
  sortKeyAttr: 'SK',
  staticPkValue: IDEMPOTENCY_PK,
  awsSdkV3Client: db as never,
});
// One effect per uploaded object version, however often S3 and SQS deliver its event.
const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[bucket, key, versionId, eTag, sequencer]',
  expiresAfterSeconds: 7 * 24 * 3600,
});

// Stores are built once per container; only the unit registry is refreshed (every 5 minutes).
const objects = new S3ObjectStore(s3(), bucket);
const submissions = new DynamoSubmissionStore(db, table);
const rounds = new DynamoRoundStore(db, table);
const receipts = {
  outbox: new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL')),
  departments: new DynamoDepartmentStore(db, table),
  rounds,
  portalUrl: process.env.PORTAL_URL || undefined,
};

// The queue's maxReceiveCount: the receive that reaches it is the last chance to record a file.
const maxReceiveCount = Number(process.env.MAX_RECEIVE_COUNT ?? 3);

async function ingestDeps(): Promise<IngestDeps> {
  return {
    objects,
    submissions,
    registry: await cachedRegistry(),
    rounds: (provinceCode) => provinceRounds(rounds, provinceCode, new Date()),
    onFault: (error) => logger.error('recorded instead of retried', { error: error as Error }),
    ...scanReading(),
  };
}

const ocrQueueUrl = process.env.OCR_QUEUE_URL;
let inProcess: OcrEngine | undefined;

/**
 * The embedded stack gives this handler an engine and scans are read here, in-process; on AWS
 * (OCR_QUEUE_URL) they are handed to the OCR queue and recorded `ocr_pending` meanwhile.
 */
export function readScansInProcess(engine: OcrEngine | undefined): void {
  inProcess = engine;
}

function scanReading(): Pick<IngestDeps, 'ocr' | 'ocrQueue'> {
  if (ocrQueueUrl) return { ocrQueue: new SqsOcrQueue(sqs(), ocrQueueUrl) };
  return inProcess ? { ocr: inProcess } : {};
}

/** The upload, and whether this receive is the queue's last (the idempotency key ignores it). */
type Delivery = ObjectRef & { lastAttempt: boolean };

const ingestOnce = makeIdempotent(
  async (ref: Delivery) => {
    const deps = await ingestDeps();
    const { created, submission } = await ingestObject(ref, deps);
    logger.info('submission recorded', {
      key: ref.key,
      submissionId: submission.submissionId,
      status: submission.status,
      version: submission.version,
      created,
    });
    if (created) metrics.addMetric(STATUS_METRIC[submission.status], MetricUnit.Count, 1);
    // The receipt is part of the effect: a transient failure to queue it retries the whole
    // record, and the sender's mail ledger keeps the receipt to one. On the last receive the
    // record stands alone. A scan waiting for OCR gets its receipt once it is read.
    if (submission.status !== 'ocr_pending') {
      try {
        const receipt = await queueReceipt(submission, { ...receipts, registry: deps.registry });
        logger.info('receipt', { submissionId: submission.submissionId, receipt });
      } catch (e) {
        if (!ref.lastAttempt) throw e;
        logger.error('receipt not queued', {
          submissionId: submission.submissionId,
          error: e as Error,
        });
      }
    }
    return {
      submissionId: submission.submissionId,
      status: submission.status,
      version: submission.version,
      created,
    };
  },
  { persistenceStore, config: idempotency },
);

/**
 * A fault that outlasts every retry still leaves a record (so the unit is not shown as missing);
 * the message then goes on to the DLQ, from where a redrive can process the file for real.
 */
async function recordHandler(record: SQSRecord): Promise<void> {
  const attempts = Number(record.attributes.ApproximateReceiveCount ?? 1);
  const lastAttempt = attempts >= maxReceiveCount;
  for (const ref of objectRefsOf(record.body)) {
    try {
      await ingestOnce({ ...ref, lastAttempt });
    } catch (e) {
      // Another invocation holds this very upload (its record is on the way): nothing to add.
      if (!lastAttempt || (e as Error).name === 'IdempotencyAlreadyInProgressError') throw e;
      const { submission } = await recordUnprocessed(ref, await ingestDeps(), e, attempts);
      const id = submission.submissionId;
      logger.error('retries exhausted, recorded', { key: ref.key, error: e as Error, id });
      throw e;
    }
  }
}

export const handler = middy(async (event: SQSEvent, context: Context) => {
  idempotency.registerLambdaContext(context);
  return processPartialResponse(event, recordHandler, processor, { context });
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
