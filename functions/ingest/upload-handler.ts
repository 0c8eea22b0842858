import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoDepartmentStore } from '../../adapters/dynamo-department-store.js';
import { DynamoRoundStore } from '../../adapters/dynamo-round-store.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import { DynamoTrustStore } from '../../adapters/dynamo-trust-store.js';
import { requiredEnv } from '../../adapters/env.js';
import { handlerMetrics } from '../../adapters/metrics.js';
import { cachedRegistry } from '../../adapters/registry-cache.js';
import { s3 } from '../../adapters/s3-client.js';
import { S3ObjectStore } from '../../adapters/s3-object-store.js';
import { sqs } from '../../adapters/sqs-client.js';
import { SqsOutbox } from '../../adapters/sqs-outbox.js';
import { IDEMPOTENCY_PK } from '../../adapters/table-keys.js';
import {
  type IngestDeps,
  ingestObject,
  type ObjectRef,
  recordUnprocessed,
} from '../../shared/ingest/ingest-object.js';
import { queueReceipt } from '../../shared/mail/receipt.js';
import { trustDers } from '../../shared/ports/trust-store.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import type { Submission } from '../../shared/schemas/submission.js';

const STATUS_METRIC = {
  accepted: 'ReportsAccepted',
  needs_review: 'ReportsNeedingReview',
  rejected: 'ReportsRejected',
  // Only a file delivered again after the Department returned it comes back in this state.
  returned: 'ReportsReturned',
  ocr_pending: 'ScansQueuedForOcr',
} as const;

/** What tells the ingest function and the OCR function apart; everything else they share. */
export interface UploadHandlerOptions {
  /** `tonghop-ingest`, `tonghop-ocr`: the logger's and the metrics' service. */
  service: string;
  /** The uploads one SQS message announces (an S3 event; the OCR queue's one ObjectRef). */
  refsOf: (body: string) => ObjectRef[];
  /** How scans are read in this function, asked on every file (the embedded stack sets it late). */
  scanReading: () => Pick<IngestDeps, 'ocr' | 'ocrQueue' | 'settlesPending'>;
  /**
   * False: a batch whose every record failed returns them as failures instead of failing the
   * invocation (the OCR queue's batches are of one scan, and a throttled read is no error).
   */
  throwOnFullBatchFailure?: boolean;
}

/** The upload, and whether this receive is the queue's last (the idempotency key ignores it). */
type Delivery = ObjectRef & { lastAttempt: boolean };

/** What one function's records share: its logger, metrics, stores and how it reads scans. */
interface Run {
  logger: Logger;
  metrics: Metrics;
  wiring: ReturnType<typeof tableWiring>;
  deps: () => Promise<IngestDeps>;
}

/**
 * An SQS-fed handler that records each upload once (Powertools idempotency, keyed by the object
 * version; the function's name keeps the ingest and OCR keys apart) and queues its receipt.
 */
export function uploadHandler(options: UploadHandlerOptions) {
  const logger = new Logger({ serviceName: options.service });
  const metrics = handlerMetrics(options.service);
  const wiring = tableWiring();
  const run: Run = {
    logger,
    metrics,
    wiring,
    deps: async () => ({
      objects: wiring.objects,
      submissions: wiring.submissions,
      registry: await cachedRegistry(),
      rounds: (provinceCode) => provinceRounds(wiring.rounds, provinceCode, new Date()),
      trustList: async (provinceCode) => trustDers(await wiring.trust.list(provinceCode)),
      onFault: (error) => logger.error('recorded instead of retried', { error: error as Error }),
      ...options.scanReading(),
    }),
  };
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = recordsOf(run, options.refsOf, ingestOnceIn(run));
  return middy(async (event: SQSEvent, context: Context) => {
    wiring.idempotency.registerLambdaContext(context);
    // One file at a time: the limits bound one file's memory (shared/files/limits.ts), and the
    // worst cases of a batch read side by side would not fit the function's memory together.
    return processPartialResponse(event, recordHandler, processor, {
      context,
      throwOnFullBatchFailure: options.throwOnFullBatchFailure ?? true,
      processInParallel: false,
    });
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

function ingestOnceIn(run: Run) {
  return makeIdempotent(
    async (ref: Delivery) => {
      const deps = await run.deps();
      const { created, submission } = await ingestObject(ref, deps);
      const { submissionId, status, version } = submission;
      run.logger.info('submission recorded', {
        key: ref.key,
        submissionId,
        status,
        version,
        created,
      });
      if (created) run.metrics.addMetric(STATUS_METRIC[status], MetricUnit.Count, 1);
      // The receipt is part of the effect: a transient failure to queue it retries the whole
      // record, and the sender's mail ledger keeps the receipt to one. On the last receive the
      // record stands alone. A scan waiting for OCR gets its receipt once it is read.
      if (status !== 'ocr_pending') await sendReceipt(run, submission, deps, ref.lastAttempt);
      return { submissionId, status, version, created };
    },
    { persistenceStore: run.wiring.persistenceStore, config: run.wiring.idempotency },
  );
}

async function sendReceipt(run: Run, submission: Submission, deps: IngestDeps, last: boolean) {
  const submissionId = submission.submissionId;
  try {
    const receipt = await queueReceipt(submission, {
      ...run.wiring.receipts,
      registry: deps.registry,
    });
    run.logger.info('receipt', { submissionId, receipt });
  } catch (e) {
    if (!last) throw e;
    run.logger.error('receipt not queued', { submissionId, error: e as Error });
  }
}

/**
 * A fault that outlasts every retry still leaves a record (so the unit is not shown as missing);
 * the message then goes on to the DLQ, from where a redrive can process the file for real. A scan
 * that waited for OCR is settled `needs_review` then, and its unit gets the receipt it waits for.
 */
function recordsOf(
  run: Run,
  refsOf: UploadHandlerOptions['refsOf'],
  ingestOnce: (d: Delivery) => Promise<unknown>,
) {
  const maxReceiveCount = Number(process.env.MAX_RECEIVE_COUNT ?? 3);
  return async (record: SQSRecord): Promise<void> => {
    const attempts = Number(record.attributes.ApproximateReceiveCount ?? 1);
    const lastAttempt = attempts >= maxReceiveCount;
    for (const ref of refsOf(record.body)) {
      try {
        await ingestOnce({ ...ref, lastAttempt });
      } catch (e) {
        // Another invocation holds this very upload (its record is on the way): nothing to add.
        if (!lastAttempt || (e as Error).name === 'IdempotencyAlreadyInProgressError') throw e;
        const deps = await run.deps();
        const { submission } = await recordUnprocessed(ref, deps, e, attempts);
        const id = submission.submissionId;
        run.logger.error('retries exhausted, recorded', { key: ref.key, error: e as Error, id });
        if (deps.settlesPending) await sendReceipt(run, submission, deps, true);
        throw e;
      }
    }
  };
}

/** Stores, receipts and idempotency on the function's table, built once per container. */
function tableWiring() {
  const table = requiredEnv('TABLE_NAME');
  const db = dynamoDocumentClient();
  const rounds = new DynamoRoundStore(db, table);
  return {
    objects: new S3ObjectStore(s3(), requiredEnv('BUCKET_NAME')),
    submissions: new DynamoSubmissionStore(db, table),
    rounds,
    trust: new DynamoTrustStore(db, table),
    receipts: {
      outbox: new SqsOutbox(sqs(), requiredEnv('MAIL_QUEUE_URL')),
      departments: new DynamoDepartmentStore(db, table),
      rounds,
      portalUrl: requiredEnv('PORTAL_URL'),
    },
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: table,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: IDEMPOTENCY_PK,
      awsSdkV3Client: db as never,
    }),
    // One effect per uploaded object version, however often S3 and SQS deliver its event.
    idempotency: new IdempotencyConfig({
      eventKeyJmesPath: '[bucket, key, versionId, eTag, sequencer]',
      expiresAfterSeconds: 7 * 24 * 3600,
    }),
  };
}
