import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import type { ObjectRef } from '../../shared/ingest/ingest-object.js';
import { decodeEventKey } from '../../shared/ingest/upload-key.js';

/**
 * The uploads an SQS message body announces. S3's test event (sent when a notification is set
 * up) announces none; a body that is no S3 event at all throws, so that it ends in the DLQ for a
 * person to look at.
 */
export function objectRefsOf(body: string): ObjectRef[] {
  const json = JSON.parse(body) as { Event?: string };
  if (json.Event === 's3:TestEvent') return [];
  const event = S3Schema.parse(json);
  return event.Records.filter((r) => r.eventName.startsWith('ObjectCreated')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: decodeEventKey(r.s3.object.key),
    size: r.s3.object.size ?? 0,
    versionId: r.s3.object.versionId ?? null,
    eTag: r.s3.object.eTag ?? null,
    sequencer: r.s3.object.sequencer ?? null,
    eventTime: new Date(r.eventTime).toISOString(),
  }));
}
