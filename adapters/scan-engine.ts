import { cleanedEngine } from '../shared/ocr/cleaned-engine.js';
import type { OcrEngine } from '../shared/ports/ocr-engine.js';
import { SharpPageCleaner } from './sharp-page-cleaner.js';
import { TesseractOcr, tesseractFromEnv } from './tesseract-ocr.js';

/**
 * The engine tonghop reads scans with: pages cleaned with sharp, then read by Tesseract. Without
 * `documentMs`, TONGHOP_OCR_SECONDS (when set) bounds one document's OCR (a slow machine, a test).
 */
export function scanEngine(
  opts: { workers?: number; documentMs?: number } = {},
): OcrEngine & { close(): Promise<void> } {
  const tesseract = opts.documentMs ? new TesseractOcr(opts) : tesseractFromEnv(opts);
  const cleaned = cleanedEngine(tesseract, new SharpPageCleaner());
  return {
    documentMs: cleaned.documentMs,
    recognize: (page, signal) => cleaned.recognize(page, signal),
    close: () => tesseract.close(),
  };
}
