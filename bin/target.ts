import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { dynamoDocumentClient } from '../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../adapters/dynamo-submission-store.js';
import { DynamoUnitStore } from '../adapters/dynamo-unit-store.js';
import { tableJobDeps } from '../adapters/job-deps.js';
import { forgetRegistry } from '../adapters/registry-cache.js';
import { s3 } from '../adapters/s3-client.js';
import { S3ObjectStore } from '../adapters/s3-object-store.js';
import { sqs as sqsClient } from '../adapters/sqs-client.js';
import { SqsOutbox } from '../adapters/sqs-outbox.js';
import { TesseractOcr } from '../adapters/tesseract-ocr.js';
import { objectRefsOf } from '../functions/ingest/object-refs.js';
import { type DeliveryStats, drainQueue } from '../local/delivery.js';
import { FileQueueOutbox } from '../local/file-queue-outbox.js';
import { type LocalStack, startLocalStack } from '../local/stack.js';
import type { ObjectStore } from '../shared/ports/object-store.js';
import type { SubmissionStore } from '../shared/ports/submission-store.js';
import type { UnitStore } from '../shared/ports/unit-store.js';
import type { JobDeps } from '../shared/reminders/jobs.js';

export interface DeadLetter {
  messageId: string;
  receiveCount: number;
  body: string;
}

/** Where a command works: the embedded stack (default) or a deployed one (--aws). */
export interface Target {
  kind: 'local' | 'aws';
  bucket: string;
  submissions: SubmissionStore;
  units: UnitStore;
  objects: ObjectStore;
  local?: LocalStack;
  /** Stores and mail queue of the reminder and digest jobs. */
  jobs: JobDeps;
  /** Sends what is in the mail queue (locally; on AWS the sender function does it). */
  sendMail(): Promise<DeliveryStats | null>;
  /**
   * Runs the ingest pipeline on what was uploaded (locally) and returns when the queue is empty,
   * or when the uploads `only` names are done (older messages do not hold them up), or at `stopAt`.
   */
  settle(
    onProgress?: (s: DeliveryStats) => void,
    opts?: { only?: UploadRef[]; stopAt?: number },
  ): Promise<DeliveryStats | null>;
  deadLetters(): Promise<DeadLetter[]>;
  redrive(): Promise<number>;
  close(): Promise<void>;
}

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** One upload: its key and the version the object store gave it. */
export interface UploadRef {
  key: string;
  versionId: string | null;
}

/** Whether a queued S3 event announces one of `uploads`. */
function announces(uploads: UploadRef[]): (m: { body: string }) => boolean {
  const wanted = new Set(uploads.map((u) => `${u.key}\u0000${u.versionId ?? ''}`));
  return (m) => {
    try {
      return objectRefsOf(m.body).some((r) => wanted.has(`${r.key}\u0000${r.versionId ?? ''}`));
    } catch {
      return false;
    }
  };
}

async function openLocal(): Promise<Target> {
  const stack = await startLocalStack();
  const db = dynamoDocumentClient();
  forgetRegistry();
  // Handlers read their environment when loaded: only after the stack has set it.
  let ingest: Handler | undefined;
  let sendMail: Handler | undefined;
  // No OCR function here: scans are read inside the ingest handler, by the same code, with
  // workers that start on the first scan and stop with the stack.
  const ocr = new TesseractOcr();
  const ingestHandler = async () => {
    if (ingest) return ingest;
    const mod = await import('../functions/ingest/handler.js');
    mod.readScansInProcess(ocr);
    ingest = mod.handler as unknown as Handler;
    return ingest;
  };
  const mailHandler = async () =>
    (sendMail ??= (await import('../functions/send-mail/handler.js'))
      .handler as unknown as Handler);
  const retryDelayMs = Number(process.env.TONGHOP_RETRY_DELAY_MS ?? 200);
  return {
    kind: 'local',
    bucket: stack.bucket,
    submissions: new DynamoSubmissionStore(db, stack.table),
    units: new DynamoUnitStore(db, stack.table),
    objects: new S3ObjectStore(s3(), stack.bucket),
    local: stack,
    jobs: tableJobDeps(stack.table, new FileQueueOutbox(stack.mailQueue)),
    async sendMail() {
      return drainQueue(stack.mailQueue, await mailHandler(), {
        retryDelayMs,
        functionName: 'tonghop-send-mail',
        queueArn: 'arn:aws:sqs:local:000000000000:tonghop-mail',
      });
    },
    async settle(onProgress, opts = {}) {
      forgetRegistry();
      return drainQueue(
        stack.ingestQueue,
        await ingestHandler(),
        {
          retryDelayMs,
          visibilityMs: Number(process.env.TONGHOP_VISIBILITY_MS ?? 30_000),
          select: opts.only && announces(opts.only),
          stopAt: opts.stopAt,
        },
        onProgress,
      );
    },
    async deadLetters() {
      return stack.ingestQueue
        .deadLetters()
        .map((m) => ({ messageId: m.messageId, receiveCount: m.receiveCount, body: m.body }));
    },
    async redrive() {
      return stack.ingestQueue.redrive();
    },
    close: async () => {
      await ocr.close();
      await stack.stop();
    },
  };
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`--aws cần biến môi trường ${name} (xem README, mục "Deploy to AWS").`);
  return v;
}

function openAws(): Target {
  const table = env('TONGHOP_TABLE');
  const bucket = env('TONGHOP_BUCKET');
  const db = dynamoDocumentClient();
  const sqs = sqsClient();
  return {
    kind: 'aws',
    bucket,
    submissions: new DynamoSubmissionStore(db, table),
    units: new DynamoUnitStore(db, table),
    objects: new S3ObjectStore(s3(), bucket),
    jobs: tableJobDeps(table, {
      enqueue: (jobs) => new SqsOutbox(sqsClient(), env('TONGHOP_MAIL_QUEUE_URL')).enqueue(jobs),
    }),
    sendMail: async () => null,
    // On AWS the Lambda consumes the queue by itself; callers poll the table for results.
    settle: async () => null,
    async deadLetters() {
      const res = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: env('TONGHOP_DLQ_URL'),
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      return (res.Messages ?? []).map((m) => ({
        messageId: m.MessageId ?? '',
        receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
        body: m.Body ?? '',
      }));
    },
    async redrive() {
      const url = env('TONGHOP_DLQ_URL');
      const attrs = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'],
        }),
      );
      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: attrs.Attributes!.QueueArn! }));
      return Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0);
    },
    close: async () => undefined,
  };
}

export async function openTarget(opts: { aws?: boolean }): Promise<Target> {
  return opts.aws || process.env.TONGHOP_TARGET === 'aws' ? openAws() : openLocal();
}
