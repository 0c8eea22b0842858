import type { FileFormat, ReadOptions } from '../files/read-file.js';
import type { OcrEngine } from '../ports/ocr-engine.js';
import { applyEnvelope } from '../reader/apply-envelope.js';
import { type ReadContext, readReport } from '../reader/read-report.js';
import type { Report } from '../schemas/report.js';
import { type Photo, readPhotos, readUpload, type UploadContent } from './read-upload.js';
import { reviewScan } from './scan-review.js';
import type { ScanText } from './scan-text.js';

/** What reading needs to know, and for a scan the day it was received (no date after it is its own). */
export type ScanContext = ReadContext & { receivedOn?: string | null };

/**
 * One uploaded file read into a Report, OCR included when an engine is given: the text of typed
 * and scanned pages goes through the same reader, then figures read from scans are placed on
 * their page and the doubtful ones held back for review.
 */
export async function readDocument(
  fileName: string,
  bytes: Uint8Array,
  context: ScanContext,
  ocr?: OcrEngine,
  opts: ReadOptions = {},
): Promise<{ report: Report; format: FileFormat; scan: ScanText | null }> {
  const content = await readUpload(fileName, bytes, ocr, opts);
  const scan = content.kind === 'text' ? (content.scan ?? null) : null;
  return { report: reportOf(content, context), format: content.format, scan };
}

/**
 * The Report of an upload's content: a .json as it is, text through the reader and the scan
 * review, an edXML package's header over its document. `signatures` are only ever the ones
 * verified here: a .json cannot claim any.
 */
export function reportOf(content: UploadContent, context: ScanContext): Report {
  if (content.kind === 'report') return { ...content.report, signatures: [] };
  const document = content.kind === 'text' ? content.document : undefined;
  let report = readReport(content.text, document ? { ...context, document } : context);
  if (content.scan) report = reviewScan(report, content.scan, context.receivedOn ?? null);
  if (content.envelope)
    report = applyEnvelope(report, content.envelope, context.registry, context.provinceCode);
  return { ...report, signatures: content.signatures ?? [] };
}

/** Several photos of one report sent together, read as one document in page order by name. */
export async function readPhotosDocument(
  photos: Photo[],
  context: ScanContext,
  ocr: OcrEngine,
): Promise<{ report: Report; scan: ScanText | null }> {
  const content = await readPhotos(photos, ocr);
  return {
    report: reportOf(content, context),
    scan: content.kind === 'text' ? (content.scan ?? null) : null,
  };
}
