import type { DeadLetter, DeadLetterQueue } from '../shared/ports/dead-letters.js';
import type { FileQueue } from './file-queue.js';

/** The dead letters of an embedded-stack queue. */
export class FileQueueDeadLetters implements DeadLetterQueue {
  constructor(private readonly queue: FileQueue) {}

  async list(): Promise<DeadLetter[]> {
    return this.queue
      .deadLetters()
      .map((m) => ({ messageId: m.messageId, receiveCount: m.receiveCount, body: m.body }));
  }

  async redrive(): Promise<number> {
    return this.queue.redrive();
  }
}
