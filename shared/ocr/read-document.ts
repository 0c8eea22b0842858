import type { FileFormat } from '../files/read-file.js';
import type { OcrEngine } from '../ports/ocr-engine.js';
import { type ReadContext, readReport } from '../reader/read-report.js';
import type { Report } from '../schemas/report.js';
import { readUpload } from './read-upload.js';
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
  if (content.kind === 'report')
    return { report: content.report, format: content.format, scan: null };
  const report = readReport(content.text, context);
  const scan = content.scan ?? null;
  return { report: scan ? reviewScan(report, scan) : report, format: content.format, scan };
}
