import { layoutDocument } from '../files/document-text.js';
import type { EnvelopeHeader } from '../files/edxml/envelope.js';
import type { FileFormat, ReadOptions } from '../files/read-file.js';
import { shownFileName } from '../files/shown-name.js';
import type { OcrEngine } from '../ports/ocr-engine.js';
import { applyEnvelope } from '../reader/apply-envelope.js';
import { type ReadContext, readReport } from '../reader/read-report.js';
import { diag } from '../schemas/diagnostic.js';
import type { Document } from '../schemas/document.js';
import type { Report } from '../schemas/report.js';
import { choosePackageParts } from './package-report.js';
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
  let report =
    content.parts?.length && content.envelope
      ? packageRead(content.parts, content.envelope, context)
      : readText(content, context);
  if (content.envelope)
    report = applyEnvelope(report, content.envelope, context.registry, context.provinceCode);
  return { ...report, signatures: content.signatures ?? [] };
}

/** One file's text through the reader (its document model when it has one), a scan reviewed. */
function readText(content: UploadContent & { kind: 'text' }, context: ScanContext): Report {
  const document = content.document;
  const report = readReport(content.text, document ? { ...context, document } : context);
  return content.scan ? reviewScan(report, content.scan, context.receivedOn ?? null) : report;
}

type Part = { name: string; content: UploadContent };

/**
 * A package: each file read alone, the report chosen among them (package-report.ts), and its
 * typed appendices read after it as one document; a scanned appendix is named, not joined (a
 * scan's review holds only for its own text).
 */
function packageRead(parts: Part[], header: EnvelopeHeader, context: ScanContext): Report {
  const readings = parts.flatMap((p) =>
    p.content.kind === 'text'
      ? [
          {
            ...p,
            report: readText(p.content, context),
            scanned: Boolean(p.content.scan),
            structured: Boolean(p.content.document),
          },
        ]
      : [],
  );
  if (!readings.length) return readText({ kind: 'text', format: 'edxml', text: '' }, context);
  const { main, appendices, notes } = choosePackageParts(readings, header);
  const typed = appendices.filter((a) => !a.scanned);
  for (const a of appendices.filter((x) => x.scanned))
    notes.push(`Phụ lục "${shownFileName(a.name, 60)}" là bản quét: chưa đọc số liệu trong đó.`);
  const report = main.scanned || !typed.length ? main.report : joined([main, ...typed], context);
  const warn = notes.map((n) => diag.warning('file', n, 'edxml.attachment'));
  return { ...report, diagnostics: [...report.diagnostics, ...warn] };
}

/** The report and its appendices as one text (one model when each file has one). */
function joined(parts: Array<{ content: UploadContent }>, context: ScanContext): Report {
  const texts = parts.map((p) => (p.content.kind === 'text' ? p.content : null));
  const documents = texts.map((t) => t?.document);
  if (documents.every((d) => d)) {
    const all = documents as Document[];
    const breakAt = { page: 1, line: 1 };
    const combined: Document = {
      format: all[0]!.format,
      blocks: all.flatMap((d, i) =>
        i ? [{ kind: 'pageBreak' as const, at: breakAt }, ...d.blocks] : d.blocks,
      ),
      notes: all.flatMap((d) => d.notes),
      margins: all.flatMap((d) => d.margins),
    };
    const laid = layoutDocument(combined);
    return readReport(laid.text, { ...context, document: laid.document });
  }
  return readReport(texts.map((t) => t?.text ?? '').join('\n\n'), context);
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
