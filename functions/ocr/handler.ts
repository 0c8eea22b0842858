import { Logger } from '@aws-lambda-powertools/logger';
import { cleanedWhereSharpLoads, tesseractEngine } from '../../adapters/scan-engine.js';
import { ObjectRef } from '../../shared/schemas/object-ref.js';
import { uploadHandler } from '../ingest/upload-handler.js';

// As many workers as the vCPUs the function's memory buys (OCR_WORKERS, set by infra/ocr.ts),
// started on the first page and kept while the container is warm: the model loads once per worker.
const workers = Number(process.env.OCR_WORKERS) || undefined;
// Pages are cleaned with sharp (its linux-arm64 build is shipped beside the bundle by
// infra/ship-sharp.mjs); should it not load, the logs say that pages are read uncleaned.
const logger = new Logger({ serviceName: 'tonghop-ocr' });
// Native Tesseract from the function's layer when the stack ships it (TONGHOP_OCR_ENGINE=native,
// infra/ocr.ts), else tesseract.js; should the layer's program not run, the logs say so.
const tesseract = await tesseractEngine({ workers }, (message) => logger.warn(message));
const ocr = await cleanedWhereSharpLoads(tesseract, (message, error) =>
  logger.warn(message, { error: String((error as Error)?.message ?? error) }),
);

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
