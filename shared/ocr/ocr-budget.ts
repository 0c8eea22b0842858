import { fileProblem } from '../files/file-problem.js';
import { OCR_DOCUMENT_MS } from '../files/limits.js';
import type { OcrEngine } from '../ports/ocr-engine.js';

/** The upload could not be read by OCR in the time one document may take: a person reads it. */
export function ocrTooSlow(pagesRead: number, ms: number) {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return fileProblem(
    'needs_review',
    'file',
    'file.ocrTooSlow',
    `Bản quét quá dày chữ hoặc quá nhiều trang để nhận dạng trong ${minutes} phút cho phép ` +
      `(đã đọc ${pagesRead} trang); tệp gốc đã được lưu, cán bộ Sở KHCN sẽ xem trực tiếp. ` +
      'Đơn vị có thể gửi bản Word hoặc PDF có chữ để được đọc tự động.',
    `ocr stopped after ${ms} ms, ${pagesRead} pages read`,
  );
}

/**
 * The time budget of one document's OCR: an abort signal that fires when it is spent, handed to
 * every page the engine reads, so that a page still being read stops too.
 */
export function documentBudget(ocr: OcrEngine): {
  ms: number;
  signal: AbortSignal;
  done: () => void;
} {
  const ms = Math.min(ocr.documentMs ?? OCR_DOCUMENT_MS, OCR_DOCUMENT_MS);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { ms, signal: controller.signal, done: () => clearTimeout(timer) };
}
