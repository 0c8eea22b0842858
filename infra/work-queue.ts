import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Receives before a message goes to the dead-letter queue; the handler's last chance is the last. */
export const MAX_RECEIVE_COUNT = 3;

/**
 * The queue a Lambda consumes (`Queue`) and its dead-letter queue (`DeadLetters`), both encrypted
 * and SSL only, inside `scope`: the ingest and OCR functions each have one.
 */
export function workQueues(scope: Construct, consumerTimeout: Duration) {
  const deadLetters = new Queue(scope, 'DeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const queue = new Queue(scope, 'Queue', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    // AWS's advice for Lambda consumers: at least six times the function timeout.
    visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
  });
  return { queue, deadLetters };
}
