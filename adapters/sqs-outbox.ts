import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MailOutbox } from '../shared/ports/mail.js';
import type { MailJob } from '../shared/schemas/mail.js';

export class SqsOutbox implements MailOutbox {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: MailJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 10) {
      const batch = jobs.slice(i, i + 10);
      const res = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
        }),
      );
      if (res.Failed?.length)
        throw new Error(
          `${res.Failed.length} mail jobs not queued: ${res.Failed.map((f) => f.Message).join('; ')}`,
        );
    }
  }
}
