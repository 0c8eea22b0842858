import type { FileFormat } from '../files/read-file.js';
import type { OcrEngine } from '../ports/ocr-engine.js';
import { type ReadContext, readReport } from '../reader/read-report.js';
import type { Report } from '../schemas/report.js';
import { type Photo, readPhotos, readUpload, type UploadContent } from './read-upload.js';
import { reviewScan } from './scan-review.js';
import type { ScanText } from './scan-text.js';

/**
 * One uploaded file read into a Report, OCR included when an engine is given: the text of typed
 * and scanned pages goes through the same reader, then figures read from scans are placed on
 * their page and the doubtful ones held back for review.
 */
export async function readDocument(
  fileName: string,
  bytes: Uint8Array,
  context: ReadContext,
  ocr?: OcrEngine,
): Promise<{ report: Report; format: FileFormat; scan: ScanText | null }> {
  const content = await readUpload(fileName, bytes, ocr);
  const scan = content.kind === 'text' ? (content.scan ?? null) : null;
  return { report: reportOf(content, context), format: content.format, scan };
}

/** The Report of an upload's content: a .json as it is, text through the reader and the scan review. */
export function reportOf(content: UploadContent, context: ReadContext): Report {
  if (content.kind === 'report') return content.report;
  const document = content.kind === 'text' ? content.document : undefined;
  const report = readReport(content.text, document ? { ...context, document } : context);
  return content.scan ? reviewScan(report, content.scan) : report;
}

/** Several photos of one report sent together, read as one document in page order by name. */
export async function readPhotosDocument(
  photos: Photo[],
  context: ReadContext,
  ocr: OcrEngine,
): Promise<{ report: Report; scan: ScanText | null }> {
  const content = await readPhotos(photos, ocr);
  return {
    report: reportOf(content, context),
    scan: content.kind === 'text' ? (content.scan ?? null) : null,
  };
}
