import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterQueue } from '../shared/ports/dead-letters.js';

export class SqsDeadLetters implements DeadLetterQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: () => string,
  ) {}

  // A peek: visibility 0 leaves every message where it was, for the next look or the redrive.
  async list(): Promise<DeadLetter[]> {
    const res = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl(),
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
  }

  async redrive(): Promise<number> {
    const attrs = await this.client.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.queueUrl(),
        AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'],
      }),
    );
    await this.client.send(
      new StartMessageMoveTaskCommand({ SourceArn: attrs.Attributes!.QueueArn! }),
    );
    return Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0);
  }
}
