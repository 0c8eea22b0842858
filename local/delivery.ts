import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { FileQueue, type QueuedMessage } from './file-queue.js';

export type SqsHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse | undefined>;

export interface DeliveryOptions {
  batchSize?: number;
  /** How long a received message stays invisible: 6 × the function timeout on AWS; short here. */
  visibilityMs?: number;
  /** Delay before a failed message is visible again (grows with each receive). */
  retryDelayMs?: number;
  functionName?: string;
  queueArn?: string;
  /** Only these messages (an `ingest` run waits for its own uploads, not for older ones). */
  select?: (m: QueuedMessage) => boolean;
  /** Start no batch after this time (epoch ms): a bounded catch-up on other messages. */
  stopAt?: number;
}

export interface DeliveryStats {
  invocations: number;
  delivered: number;
  retried: number;
  deadLettered: number;
}

function lambdaContext(functionName: string, timeoutMs: number): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function toRecord(m: QueuedMessage, arn: string) {
  return {
    messageId: m.messageId,
    receiptHandle: `${m.messageId}#${m.receiveCount}`,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: 'AIDAS3EVENTS',
      ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? Date.now()),
    },
    messageAttributes: {},
    md5OfBody: FileQueue.md5(m.body),
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: process.env.AWS_REGION ?? 'ap-southeast-1',
  };
}

/** Doubling delays, so that a message that keeps failing takes ever less of the queue's time. */
const backoff = (base: number, receives: number) => base * 2 ** Math.min(receives - 1, 10);

/**
 * The Lambda event source mapping, locally: polls the queue, invokes the handler with SQS batch
 * events, deletes what succeeded, and lets `batchItemFailures` (or a thrown error) come back
 * after a delay until the queue's maxReceiveCount sends them to the DLQ.
 */
export async function drainQueue(
  queue: FileQueue,
  handler: SqsHandler,
  opts: DeliveryOptions = {},
  onBatch?: (stats: DeliveryStats) => void,
): Promise<DeliveryStats> {
  const batchSize = opts.batchSize ?? 10;
  const visibilityMs = opts.visibilityMs ?? 30_000;
  const retryDelayMs = opts.retryDelayMs ?? 200;
  const arn = opts.queueArn ?? 'arn:aws:sqs:local:000000000000:tonghop-ingest';
  const stats: DeliveryStats = { invocations: 0, delivered: 0, retried: 0, deadLettered: 0 };
  for (;;) {
    if (opts.stopAt !== undefined && Date.now() >= opts.stopAt) return stats;
    const batch = queue.receive(batchSize, visibilityMs, Date.now(), opts.select);
    if (!batch.length) {
      const next = queue.nextVisibleAt(opts.select);
      if (next === null) return stats;
      const until = Math.min(next, opts.stopAt ?? next);
      await new Promise((r) => setTimeout(r, Math.max(10, Math.min(until - Date.now(), 1000))));
      continue;
    }
    stats.invocations++;
    let failed: Set<string>;
    // While the handler works (a long scan), its messages stay invisible: no other consumer reads
    // the same upload at once, as a Lambda consumer's visibility of 6 × its timeout ensures on AWS.
    const heartbeat = setInterval(
      () => {
        for (const m of batch) queue.changeVisibility(m, Date.now() + visibilityMs);
      },
      Math.max(10, visibilityMs / 3),
    );
    try {
      const res = await handler(
        { Records: batch.map((m) => toRecord(m, arn)) } as SQSEvent,
        // As on AWS (visibility ≥ timeout), a run cannot outlast its messages' invisibility: an
        // idempotency claim of a killed run has expired by the time its message is seen again.
        lambdaContext(opts.functionName ?? 'tonghop-ingest', Math.min(60_000, visibilityMs)),
      );
      failed = new Set((res?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.messageId));
    } finally {
      clearInterval(heartbeat);
    }
    for (const m of batch) {
      if (!failed.has(m.messageId)) {
        queue.delete(m.messageId);
        stats.delivered++;
      } else if (queue.fail(m, backoff(retryDelayMs, m.receiveCount)) === 'dlq')
        stats.deadLettered++;
      else stats.retried++;
    }
    onBatch?.(stats);
  }
}
