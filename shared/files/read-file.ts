import type { Document } from '../schemas/document.js';
import { Report } from '../schemas/report.js';
import type { Signature } from '../schemas/signature.js';
import { decodeText } from './decode-text.js';
import { documentText } from './document-text.js';
import type { EnvelopeHeader } from './edxml/envelope.js';
import { fileProblem, textTooLong } from './file-problem.js';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS } from './limits.js';

/**
 * `image`: a scan or photo (.jpg .jpeg .png .tif .tiff); `zip`: the photos of one report's pages;
 * `edxml`: an e-office package (.edxml, or .xml whose root is edXML).
 */
export type FileFormat =
  | 'txt'
  | 'docx'
  | 'doc'
  | 'xlsx'
  | 'xls'
  | 'pdf'
  | 'json'
  | 'image'
  | 'zip'
  | 'edxml';

/** What reading may need besides the bytes: the certificates signatures are chained to. */
export interface ReadOptions {
  trust?: readonly Uint8Array[];
}

export type FileContent =
  | {
      kind: 'text';
      format: Exclude<FileFormat, 'json'>;
      text: string;
      /** A PDF's text page by page, to find the scanned pages among typed ones. */
      pages?: string[];
      /** The file's structure (numbering, tables, footnotes) where its format has one; `text` is its rendering. */
      document?: Document;
      /** The digital signatures of the file (or of an edXML package's attachments). */
      signatures?: Signature[];
      /** An edXML package's header: the document's fields as the e-office states them. */
      envelope?: EnvelopeHeader;
      /** An edXML package's files, each read by its own format, in package order. */
      parts?: Array<{ name: string; content: FileContent }>;
    }
  | { kind: 'report'; format: 'json'; report: Report };

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff'];

const READ_AS: ReadonlySet<string> = new Set([
  'txt',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'pdf',
  'json',
  'zip',
]);

export function formatOf(fileName: string): FileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (IMAGE_EXTENSIONS.includes(ext)) return 'image';
  if (ext === 'edxml' || ext === 'xml') return 'edxml';
  // A macro-enabled workbook is a form like any other: its cells are read, its macros
  // (xl/vbaProject.bin) never inflated nor run (docs/security.md).
  if (ext === 'xlsm') return 'xlsx';
  return READ_AS.has(ext) ? (ext as FileFormat) : null;
}

/** The FileProblem of a file that only OCR can read: the ingest path hands it to the OCR function. */
export const NEEDS_OCR = 'file.needsOcr';
const needsOcr = (what: string) =>
  fileProblem(
    'needs_review',
    'file',
    NEEDS_OCR,
    `${what}: cần nhận dạng ký tự (OCR) để đọc; tệp đã được lưu, cán bộ Sở KHCN sẽ xem, đơn vị không cần gửi lại.`,
    'needs ocr',
  );

export function checkSize(size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw fileProblem(
      'rejected',
      'file',
      'file.tooLarge',
      `Tệp quá lớn (${(size / 1048576).toFixed(1)} MB); giới hạn là ${MAX_FILE_BYTES / 1048576} MB.`,
      `file of ${size} bytes over limit`,
    );
  }
}

/** The reader's work is linear in the text; the text itself is bounded. */
function boundText(text: string): string {
  if (text.length > MAX_TEXT_CHARS) throw textTooLong(text.length);
  return text;
}

/** The formats read, as the officer is told them. */
export const ACCEPTED_WORDS =
  'văn bản Word (.docx, .doc), biểu mẫu Excel (.xlsx, .xlsm), .pdf, .txt, .json, ' +
  'gói văn bản điện tử .edxml, ' +
  'ảnh chụp hoặc bản quét (.jpg, .png, .tif) và .zip chứa các ảnh';

function unsupported(fileName: string) {
  const ext = /\.([^./]+)$/.exec(fileName)?.[1] ?? '';
  return fileProblem(
    'rejected',
    'file',
    'file.unsupported',
    `Định dạng tệp "${ext ? `.${ext}` : '(không có phần mở rộng)'}" không được hỗ trợ; ` +
      `chỉ nhận ${ACCEPTED_WORDS}.`,
    `unsupported extension ${ext}`,
  );
}

/**
 * A module loaded on its first use, then kept: under a loader hook (tsx: the bench, tests) each
 * `import()` is a round trip to the hook's thread, for every file read.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    if (!loaded) {
      loaded = load();
      // A failed load is not kept: the next file tries again.
      loaded.catch(() => {
        loaded = undefined;
      });
    }
    return loaded;
  };
}

// The decoders load on first use: a text file never pays for the DOCX reader or pdf.js.
const load = {
  doc: onFirstUse(() => import('./doc/decode-doc.js')),
  docx: onFirstUse(() => import('./decode-docx.js')),
  xlsx: onFirstUse(() => import('./xlsx/decode-xlsx.js')),
  pdf: onFirstUse(() => import('./decode-pdf.js')),
  image: onFirstUse(() => import('./image-header.js')),
  edxml: onFirstUse(() => import('./edxml/read-edxml.js')),
};

/** The text of an uploaded file (or, for .json, the Report it already is). */
export async function readFileContent(
  fileName: string,
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<FileContent> {
  const format = formatOf(fileName);
  if (!format) throw unsupported(fileName);
  checkSize(bytes.length);
  if (bytes.length === 0)
    throw fileProblem('rejected', 'file', 'file.empty', 'Tệp rỗng (0 byte).', 'empty file');
  switch (format) {
    case 'txt':
      return { kind: 'text', format, text: boundText(decodeText(bytes)) };
    case 'docx': {
      const doc = await load.doc();
      const document = doc.isOle(bytes)
        ? await doc.readOleNamedDocx(bytes)
        : await (await load.docx()).readDocx(bytes);
      return { kind: 'text', format, text: boundText(documentText(document)), document };
    }
    case 'doc': {
      const document = await (await load.doc()).readDoc(bytes);
      return { kind: 'text', format, text: boundText(documentText(document)), document };
    }
    case 'xlsx': {
      const document = await (await load.xlsx()).readXlsx(bytes);
      return { kind: 'text', format, text: boundText(documentText(document)), document };
    }
    case 'xls':
      // Binary Excel 97–2003: no maintained parser is installed; the officer is asked for .xlsx.
      throw (await load.xlsx()).xlsProblem();
    case 'pdf': {
      const pdf = await (await load.pdf()).decodePdf(bytes);
      return { kind: 'text', format, text: pdf.text, pages: pdf.pageTexts, document: pdf.document };
    }
    case 'image':
      (await load.image()).checkImageHeader(bytes, 'Ảnh chụp hoặc bản quét');
      throw needsOcr('Tệp ảnh chụp hoặc bản quét');
    case 'zip':
      throw needsOcr('Tệp .zip chứa ảnh chụp các trang');
    case 'edxml':
      return (await load.edxml()).readEdxml(bytes, opts, readFileContent, formatOf);
    case 'json': {
      let data: unknown;
      try {
        data = JSON.parse(decodeText(bytes));
      } catch {
        throw fileProblem(
          'rejected',
          'file',
          'file.jsonInvalid',
          'Tệp .json không đúng cú pháp JSON.',
          'invalid json',
        );
      }
      const parsed = Report.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw fileProblem(
          'rejected',
          issue?.path.join('.') || 'file',
          'file.jsonSchema',
          `Tệp .json không đúng cấu trúc báo cáo: ` +
            `trường "${issue?.path.join('.') ?? ''}" ${issue?.message ?? ''}.`,
          'json does not match Report schema',
        );
      }
      return { kind: 'report', format, report: parsed.data };
    }
  }
}
