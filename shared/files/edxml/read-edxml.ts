// An edXML package as an upload: its header, and its attachments each read by its own format
// through the reader it is handed (the OCR path hands one that reads scans too), a signed PDF
// verified like any signed PDF. Each file's content is kept apart (`parts`) so that the report
// can be told from its appendices and from other documents; `text` joins them in package order.
import type { Signature } from '../../schemas/signature.js';
import { FileProblem, textTooLong } from '../file-problem.js';
import { MAX_TEXT_CHARS } from '../limits.js';
import { shownFileName } from '../shown-name.js';
import { verifyPdfSignatures } from '../signatures/verify-pdf.js';
import { packageFiles } from './attachment-files.js';
import { edxmlProblem, readEnvelope } from './envelope.js';

// read-file.ts hands its own reader in (it imports this module): the types are stated here, not imported.
interface ReadOptions {
  trust?: readonly Uint8Array[];
}
type Content = { kind: string; text?: string };
type ReadFile<C extends Content> = (
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions,
) => Promise<C>;
type FileFormat = string;

/** The formats an attachment may have: no package inside a package. */
const READABLE: ReadonlySet<FileFormat> = new Set([
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'txt',
  'image',
  'zip',
]);

/** Problems of one attachment that are the whole package's: it waits for OCR, or OCR ran out of time. */
const WHOLE_PACKAGE = new Set(['file.needsOcr', 'file.ocrTooSlow']);

export async function readEdxml<C extends Content>(
  bytes: Uint8Array,
  opts: ReadOptions,
  readFile: ReadFile<C>,
  formatOf: (n: string) => FileFormat | null,
) {
  const { header, attachments } = readEnvelope(bytes);
  if (!attachments.length && !header.notes.length)
    throw edxmlProblem(
      'Gói edXML không có tệp đính kèm nào (văn bản báo cáo); vui lòng xuất lại gói kèm văn bản.',
      'edxml without attachments',
    );
  const parts: Array<{ name: string; content: C }> = [];
  const signatures: Signature[] = [];
  for (const f of await packageFiles(attachments, formatOf, header.notes)) {
    const shown = shownFileName(f.name, 60);
    const format = formatOf(f.name);
    if (!format || !READABLE.has(format)) {
      header.notes.push(`Tệp đính kèm "${shown}" không đọc được (định dạng không hỗ trợ).`);
      continue;
    }
    if (format === 'pdf')
      for (const s of await verifyPdfSignatures(f.bytes, opts.trust ?? []))
        signatures.push({ ...s, file: f.name });
    try {
      const content = await readFile(f.name, f.bytes, opts);
      if (content.kind === 'text' && content.text !== undefined)
        parts.push({ name: f.name, content });
    } catch (e) {
      if (!(e instanceof FileProblem) || WHOLE_PACKAGE.has(e.diagnostic.code ?? '')) throw e;
      header.notes.push(`Tệp đính kèm "${shown}": ${e.diagnostic.message}`);
    }
  }
  // Nothing in the package could be read: the reason is its files', not an empty document's.
  if (!parts.length)
    throw edxmlProblem(
      `Gói edXML không có tệp đính kèm nào đọc được. ${header.notes[0] ?? ''}`.trim(),
      'edxml: no attachment readable',
    );
  const text = parts.map((p) => p.content.text).join('\n\n');
  if (text.length > MAX_TEXT_CHARS) throw textTooLong(text.length);
  return {
    kind: 'text' as const,
    format: 'edxml' as const,
    text,
    signatures,
    envelope: header,
    parts,
  };
}
