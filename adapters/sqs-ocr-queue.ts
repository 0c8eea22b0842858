import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ObjectRef } from '../shared/ingest/ingest-object.js';
import type { OcrQueue } from '../shared/ingest/ocr-handoff.js';

/** The OCR function's queue: one message per scanned upload, its ObjectRef as JSON. */
export class SqsOcrQueue implements OcrQueue<ObjectRef> {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(ref: ObjectRef): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(ref) }),
    );
  }
}
