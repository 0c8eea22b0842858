import { TesseractOcr } from '../../adapters/tesseract-ocr.js';
import { ObjectRef } from '../../shared/schemas/object-ref.js';
import { uploadHandler } from '../ingest/upload-handler.js';

// One worker per vCPU the function's memory buys (availableParallelism), started on the first page
// and kept while the container is warm: the Vietnamese model loads once per worker.
const ocr = new TesseractOcr();

/**
 * The OCR queue: each message is the ObjectRef ingest queued for a scan or photo. The scan is read
 * with the same ingest code, and its `ocr_pending` record settles in place (same id and version)
 * with its final status; then the receipt goes out.
 */
export const handler = uploadHandler({
  service: 'tonghop-ocr',
  refsOf: (body) => [ObjectRef.parse(JSON.parse(body))],
  scanReading: () => ({ ocr, settlesPending: true }),
  throwOnFullBatchFailure: false,
});
