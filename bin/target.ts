import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { tableStores } from '../adapters/job-deps.js';
import { forgetRegistry } from '../adapters/registry-cache.js';
import { s3 } from '../adapters/s3-client.js';
import { S3ObjectStore } from '../adapters/s3-object-store.js';
import { scanEngine } from '../adapters/scan-engine.js';
import { sqs } from '../adapters/sqs-client.js';
import { SqsDeadLetters } from '../adapters/sqs-dead-letters.js';
import { SqsOutbox } from '../adapters/sqs-outbox.js';
import { objectRefsOf } from '../functions/ingest/object-refs.js';
import { type DeliveryStats, drainQueue } from '../local/delivery.js';
import { FileQueueDeadLetters } from '../local/file-queue-dead-letters.js';
import { FileQueueOutbox } from '../local/file-queue-outbox.js';
import { type LocalStack, startLocalStack } from '../local/stack.js';
import type { DeadLetterQueue } from '../shared/ports/dead-letters.js';
import type { MailOutbox } from '../shared/ports/mail.js';
import type { ObjectStore } from '../shared/ports/object-store.js';
import type { TrustStore } from '../shared/ports/trust-store.js';
import type { JobDeps } from '../shared/reminders/jobs.js';
import { portalUrl } from './commands/invite.js';

/** Every port a command may use, once each. */
export interface Ports extends JobDeps {
  objects: ObjectStore;
  /** The ingest queue's dead letters. */
  deadLetters: DeadLetterQueue;
  /** Each Department's trust list of certificates (tonghop trust import). */
  trust: TrustStore;
}

/**
 * Where a command works: the embedded stack (default) or a deployed one (--aws). Commands see
 * only this; what differs between the two is decided here, not in them.
 */
export interface Target {
  ports: Ports;
  bucket: string;
  /** Where the data lives, for messages: the local directory, or "AWS". */
  where: string;
  /** Where each mail is saved as an .eml file when it is sent; null when it is not. */
  mailDir: string | null;
  /** How long to wait for uploads to be recorded after settle(): 0 when settle() recorded them. */
  recordWaitMs: number;
  /**
   * Sends what is in the mail queue now and says how it went; null when a deployed sender sends
   * it a little later (there is no outcome to read yet).
   */
  sendMail(): Promise<DeliveryStats | null>;
  /**
   * Runs the ingest pipeline on what was uploaded (locally) and returns when the queue is empty,
   * or when the uploads `only` names are done (older messages do not hold them up), or at `stopAt`.
   */
  settle(
    onProgress?: (s: DeliveryStats) => void,
    opts?: { only?: UploadRef[]; stopAt?: number },
  ): Promise<DeliveryStats | null>;
  close(): Promise<void>;
}

/** The embedded stack's target, with the stack itself for tests that look inside. */
export interface LocalTarget extends Target {
  stack: LocalStack;
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

function tablePorts(
  table: string,
  bucket: string,
  outbox: MailOutbox,
  deadLetters: DeadLetterQueue,
): Ports {
  return {
    ...tableStores(table),
    objects: new S3ObjectStore(s3(), bucket),
    outbox,
    deadLetters,
    // Read when the target opens: `demo --serve` and `serve` set it from their port first.
    portalUrl: portalUrl(),
  };
}

// Handlers read their environment when loaded: only after the stack has set it.
const handlerOf = (load: () => Promise<{ handler: unknown }>) => {
  let handler: Handler | undefined;
  return async () => (handler ??= (await load()).handler as Handler);
};

/**
 * The embedded stack. TONGHOP_RETRY_DELAY_MS (default 200) is the delay before a failed message
 * comes back, times its receive count; TONGHOP_VISIBILITY_MS (default 30 000) how long a message
 * being processed stays invisible, so after a killed run it comes back that much later.
 */
export async function openLocalTarget(): Promise<LocalTarget> {
  const stack = await startLocalStack();
  forgetRegistry();
  // No OCR function here: scans are read inside the ingest handler, by the same code, with
  // workers that start on the first scan and stop with the stack.
  const ocr = scanEngine();
  const ingest = handlerOf(async () => {
    const mod = await import('../functions/ingest/handler.js');
    mod.readScansInProcess(ocr);
    return mod;
  });
  const sendMail = handlerOf(() => import('../functions/send-mail/handler.js'));
  const retryDelayMs = Number(process.env.TONGHOP_RETRY_DELAY_MS ?? 200);
  const visibilityMs = Number(process.env.TONGHOP_VISIBILITY_MS ?? 30_000);
  return {
    stack,
    ports: tablePorts(
      stack.table,
      stack.bucket,
      new FileQueueOutbox(stack.mailQueue),
      new FileQueueDeadLetters(stack.ingestQueue),
    ),
    bucket: stack.bucket,
    where: stack.home,
    mailDir: stack.mailDir,
    recordWaitMs: 0,
    async sendMail() {
      return drainQueue(stack.mailQueue, await sendMail(), {
        retryDelayMs,
        functionName: 'tonghop-send-mail',
        queueArn: 'arn:aws:sqs:local:000000000000:tonghop-mail',
      });
    },
    async settle(onProgress, opts = {}) {
      return drainQueue(
        stack.ingestQueue,
        await ingest(),
        {
          retryDelayMs,
          visibilityMs,
          select: opts.only && announces(opts.only),
          stopAt: opts.stopAt,
        },
        onProgress,
      );
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
  const bucket = env('TONGHOP_BUCKET');
  // The queue URLs are asked for only by the commands that use them.
  const outbox: MailOutbox = {
    enqueue: (jobs) => new SqsOutbox(sqs(), env('TONGHOP_MAIL_QUEUE_URL')).enqueue(jobs),
  };
  return {
    ports: tablePorts(
      env('TONGHOP_TABLE'),
      bucket,
      outbox,
      new SqsDeadLetters(sqs(), () => env('TONGHOP_DLQ_URL')),
    ),
    bucket,
    where: 'AWS',
    mailDir: null,
    // The deployed ingest function consumes the queue by itself; commands poll the table.
    recordWaitMs: 300_000,
    sendMail: async () => null,
    settle: async () => null,
    close: async () => undefined,
  };
}

export async function openTarget(opts: { aws?: boolean }): Promise<Target> {
  return opts.aws ? openAws() : openLocalTarget();
}
