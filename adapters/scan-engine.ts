import { cleanedEngine } from '../shared/ocr/cleaned-engine.js';
import type { OcrEngine } from '../shared/ports/ocr-engine.js';
import { SharpPageCleaner } from './sharp-page-cleaner.js';
import { TesseractOcr } from './tesseract-ocr.js';

/** The engine tonghop reads scans with: pages cleaned with sharp, then read by Tesseract. */
export function scanEngine(
  opts: { workers?: number } = {},
): OcrEngine & { close(): Promise<void> } {
  const tesseract = new TesseractOcr(opts);
  const cleaned = cleanedEngine(tesseract, new SharpPageCleaner());
  return { recognize: (page) => cleaned.recognize(page), close: () => tesseract.close() };
}
