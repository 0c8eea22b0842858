// The files an edXML package carries, each named for its format: by its own name, else by its
// content type, else by its first bytes. An attachment that is a zip (e-office systems often zip
// what they attach) is opened, bounded like every zip: a DOCX stays one, a zip of page photos is
// read as photos, and each document inside is a file of its own.
import { MAX_OCR_PAGES } from '../limits.js';
import { shownFileName } from '../shown-name.js';
import { zipEntries } from '../zip-images.js';
import type { EnvelopeAttachment } from './envelope.js';
import { MAX_ATTACHMENTS } from './envelope.js';

export interface PackageFile {
  /** The name it is read by (its format's extension added when only its type or bytes told it). */
  name: string;
  bytes: Uint8Array;
}

type FormatOf = (name: string) => string | null;

const BY_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.12': '.xlsm',
  'text/plain': '.txt',
  'application/zip': '.zip',
  'application/x-zip-compressed': '.zip',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
};

const begins = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The format its first bytes show, as an extension; null when they show none we read. */
async function sniffed(b: Uint8Array): Promise<string | null> {
  if (Buffer.from(b.subarray(0, 1024)).includes('%PDF-')) return '.pdf';
  if (begins(b, [0xd0, 0xcf, 0x11, 0xe0])) return '.doc';
  if (begins(b, [0xff, 0xd8, 0xff])) return '.jpg';
  if (begins(b, [0x89, 0x50, 0x4e, 0x47])) return '.png';
  if (begins(b, [0x49, 0x49, 0x2a, 0x00]) || begins(b, [0x4d, 0x4d, 0x00, 0x2a])) return '.tif';
  if (begins(b, ZIP)) return (await officeKind(b)) ?? '.zip';
  return null;
}

const OFFICE_PARTS: Record<string, string> = {
  'word/document.xml': '.docx',
  'xl/workbook.xml': '.xlsx',
};

/**
 * A zip holding Word's or Excel's main part at its place is a DOCX or an XLSX (a zip holding such
 * a file is not); only the names are looked at, and a damaged zip is neither.
 */
async function officeKind(b: Uint8Array): Promise<string | null> {
  const main = (_: string, path: string) => path in OFFICE_PARTS;
  const [found] = await zipEntries(b, main, 1).catch(() => []);
  return found ? OFFICE_PARTS[found.name]! : null;
}

async function named(a: EnvelopeAttachment, formatOf: FormatOf): Promise<string> {
  const own = formatOf(a.name);
  if (own && !(own === 'zip' && (await officeKind(a.bytes)))) return a.name;
  const type = a.contentType
    ? BY_TYPE[a.contentType.toLowerCase().split(';')[0]!.trim()]
    : undefined;
  const ext = (type && type !== '.zip' ? type : null) ?? (await sniffed(a.bytes));
  return ext ? `${a.name.replace(/\.zip$/i, '')}${ext}` : a.name;
}

const DOCUMENT = new Set(['pdf', 'docx', 'doc', 'txt', 'xlsx']);

/** A zip that is not a DOCX: its documents each a file, or the zip itself when it holds only photos. */
async function opened(name: string, bytes: Uint8Array, formatOf: FormatOf, notes: string[]) {
  const shown = shownFileName(name, 60);
  let inside: { name: string; bytes: Buffer }[];
  try {
    const wanted = (base: string) =>
      DOCUMENT.has(formatOf(base) ?? '') || formatOf(base) === 'image';
    inside = await zipEntries(bytes, wanted, Math.max(MAX_ATTACHMENTS, MAX_OCR_PAGES));
  } catch {
    notes.push(`Tệp nén "${shown}" trong gói bị hỏng hoặc quá lớn khi giải nén; chưa đọc.`);
    return [];
  }
  const documents = inside.filter((f) => DOCUMENT.has(formatOf(f.name) ?? ''));
  if (!documents.length) return inside.length ? [{ name, bytes }] : [];
  if (documents.length < inside.length)
    notes.push(`Ảnh trong tệp nén "${shown}" đi kèm văn bản: chỉ đọc văn bản.`);
  return documents.slice(0, MAX_ATTACHMENTS).map((f) => ({
    name: f.name.split('/').pop() ?? f.name,
    bytes: new Uint8Array(f.bytes),
  }));
}

/** Every file to read, in package order; what cannot be opened is a note. */
export async function packageFiles(
  attachments: EnvelopeAttachment[],
  formatOf: FormatOf,
  notes: string[],
): Promise<PackageFile[]> {
  const out: PackageFile[] = [];
  for (const a of attachments) {
    const name = await named(a, formatOf);
    if (formatOf(name) === 'zip') out.push(...(await opened(name, a.bytes, formatOf, notes)));
    else out.push({ name, bytes: a.bytes });
  }
  return out;
}
