// An edXML package as an upload: its header, and its attachments each read by its own format
// (a signed PDF verified like any signed PDF). The texts are read in package order, the
// document first and its appendices after, so that figures in an appendix are found too.
import type { Signature } from '../../schemas/signature.js';
import { FileProblem, textTooLong } from '../file-problem.js';
import { MAX_TEXT_CHARS } from '../limits.js';
import { shownFileName } from '../shown-name.js';
import { verifyPdfSignatures } from '../signatures/verify-pdf.js';
import { edxmlProblem, readEnvelope } from './envelope.js';

// read-file.ts hands its own reader in (it imports this module): the types are stated here, not imported.
interface ReadOptions {
  trust?: readonly Uint8Array[];
}
type ReadFile = (
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions,
) => Promise<{ kind: string; text?: string }>;
type FileFormat = string;

/** The formats an attachment may have: no package inside a package, no bare photos. */
const READABLE: ReadonlySet<FileFormat> = new Set(['pdf', 'docx', 'doc', 'txt']);

const formatByType: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/msword': '.doc',
  'text/plain': '.txt',
};

/** The name to read an attachment by: its own, or one its content type gives it. */
function readableName(
  name: string,
  contentType: string | null,
  formatOf: (n: string) => FileFormat | null,
) {
  if (formatOf(name)) return name;
  const ext = contentType
    ? formatByType[contentType.toLowerCase().split(';')[0]!.trim()]
    : undefined;
  return ext ? `${name}${ext}` : name;
}

export async function readEdxml(
  bytes: Uint8Array,
  opts: ReadOptions,
  readFile: ReadFile,
  formatOf: (n: string) => FileFormat | null,
) {
  const { header, attachments } = readEnvelope(bytes);
  const texts: string[] = [];
  const signatures: Signature[] = [];
  for (const a of attachments) {
    const shown = shownFileName(a.name, 60);
    const name = readableName(a.name, a.contentType, formatOf);
    const format = formatOf(name);
    if (!format || !READABLE.has(format)) {
      header.notes.push(`Tệp đính kèm "${shown}" không đọc được (định dạng không hỗ trợ).`);
      continue;
    }
    if (format === 'pdf')
      for (const s of await verifyPdfSignatures(a.bytes, opts.trust ?? []))
        signatures.push({ ...s, file: a.name });
    try {
      const content = await readFile(name, a.bytes, opts);
      if (content.kind === 'text' && content.text !== undefined) texts.push(content.text);
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      header.notes.push(`Tệp đính kèm "${shown}": ${e.diagnostic.message}`);
    }
  }
  if (!attachments.length)
    throw edxmlProblem(
      'Gói edXML không có tệp đính kèm nào (văn bản báo cáo); vui lòng xuất lại gói kèm văn bản.',
      'edxml without attachments',
    );
  const text = texts.join('\n\n');
  if (text.length > MAX_TEXT_CHARS) throw textTooLong(text.length);
  return { kind: 'text' as const, format: 'edxml' as const, text, signatures, envelope: header };
}
