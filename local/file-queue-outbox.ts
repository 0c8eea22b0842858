import type { MailOutbox } from '../shared/ports/mail.js';
import type { MailJob } from '../shared/schemas/mail.js';
import type { FileQueue } from './file-queue.js';

/** The mail queue of the embedded stack: the same messages SqsOutbox sends to SQS. */
export class FileQueueOutbox implements MailOutbox {
  constructor(private readonly queue: FileQueue) {}

  async enqueue(jobs: MailJob[]): Promise<void> {
    for (const job of jobs) this.queue.send(JSON.stringify(job));
  }
}
