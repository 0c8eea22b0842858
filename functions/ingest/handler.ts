import { sqs } from '../../adapters/sqs-client.js';
import { SqsOcrQueue } from '../../adapters/sqs-ocr-queue.js';
import type { IngestDeps } from '../../shared/ingest/ingest-object.js';
import type { OcrEngine } from '../../shared/ports/ocr-engine.js';
import { objectRefsOf } from './object-refs.js';
import { uploadHandler } from './upload-handler.js';

const ocrQueueUrl = process.env.OCR_QUEUE_URL;
let inProcess: OcrEngine | undefined;

/**
 * The embedded stack gives this handler an engine and scans are read here, in-process; on AWS
 * (OCR_QUEUE_URL) they are handed to the OCR queue and recorded `ocr_pending` meanwhile.
 */
export function readScansInProcess(engine: OcrEngine | undefined): void {
  inProcess = engine;
}

function scanReading(): Pick<IngestDeps, 'ocr' | 'ocrQueue'> {
  if (ocrQueueUrl) return { ocrQueue: new SqsOcrQueue(sqs(), ocrQueueUrl) };
  return inProcess ? { ocr: inProcess } : {};
}

/** S3 upload events, from the ingest queue: every file read and recorded; scans go to OCR. */
export const handler = uploadHandler({
  service: 'tonghop-ingest',
  refsOf: objectRefsOf,
  scanReading,
});
