import type { Document } from '../schemas/document.js';
import { documentText, layoutDocument } from './document-text.js';
import { documentOf } from './docx/document.js';
import { parseXmlTree, type XmlNode, XmlRefused } from './docx/xml-tree.js';
import { fileProblem } from './file-problem.js';
import { inflateCounted, type ZipCensus, ZipTooLarge } from './inflate-counted.js';
import { MAX_DOCX_XML_BYTES } from './limits.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const damaged = (message: string, log: string) =>
  fileProblem('rejected', 'file', 'file.docxDamaged', message, log);

function checkMagic(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxEncrypted',
      'Tệp Word được đặt mật khẩu hoặc ở định dạng .doc cũ; ' +
        'vui lòng gỡ mật khẩu và lưu lại dạng .docx.',
      'OLE compound file named .docx',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC))
    throw damaged('Tệp .docx bị hỏng hoặc không phải tệp Word.', 'not a zip archive');
}

/** The ZIP's real size, inflated and counted once; a zip bomb stops as soon as it shows. */
async function census(bytes: Uint8Array): Promise<ZipCensus> {
  try {
    return await inflateCounted(bytes, (name) => WANTED.test(name));
  } catch (e) {
    if (e instanceof ZipTooLarge) {
      throw fileProblem(
        'rejected',
        'file',
        'file.zipBomb',
        `Tệp .docx giải nén quá lớn bất thường (giới hạn ${MAX_DOCX_XML_BYTES / 1048576} ` +
          `MB nội dung văn bản); hệ thống từ chối để bảo đảm an toàn. Vui lòng lưu ` +
          `lại tệp bằng Word (bỏ ảnh, bảng dữ liệu thừa) hoặc gửi bản PDF.`,
        `docx ${e.message}`,
      );
    }
    throw damaged('Tệp .docx bị hỏng, không mở được.', `zip unreadable: ${(e as Error).message}`);
  }
}

const WANTED = /^word\/(document|numbering|styles|footnotes|endnotes|header\d*|footer\d*)\.xml$/;

/** A part's text: Word writes UTF-8; UTF-16 is allowed by XML and announced by its BOM. */
function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Buffer's own UTF-8 decoding is the cheaper one; like TextDecoder it drops a UTF-8 BOM.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}

function parts(census: ZipCensus): Map<string, XmlNode> {
  const trees = new Map<string, XmlNode>();
  for (const [name, bytes] of census.parts) {
    try {
      trees.set(name, parseXmlTree(xmlText(bytes)));
    } catch (e) {
      const refused = e instanceof XmlRefused;
      throw damaged(
        refused
          ? 'Tệp .docx chứa khai báo XML không được phép (DOCTYPE); hệ thống từ chối để bảo đảm an toàn.'
          : 'Tệp .docx bị hỏng, không đọc được nội dung.',
        `${name}: ${(e as Error).message.slice(0, 200)}`,
      );
    }
  }
  return trees;
}

/** The document model of a .docx: body, footnotes and endnotes apart, page headers and footers. */
export async function readDocx(bytes: Uint8Array): Promise<Document> {
  checkMagic(bytes);
  const sizes = await census(bytes);
  if (!sizes.hasDocument) {
    throw damaged(
      'Tệp .docx không có nội dung văn bản Word (thiếu word/document.xml).',
      'zip without word/document.xml',
    );
  }
  const trees = parts(sizes);
  const document = layoutDocument(documentOf(trees)).document;
  if (!documentText(document).trim() && holds(trees.get('word/document.xml'), 'w:altChunk'))
    throw fileProblem(
      'rejected',
      'file',
      'file.docxAltChunk',
      'Nội dung tệp Word được nhúng từ một tệp khác (altChunk, thường do phần mềm xuất ra) nên ' +
        'hệ thống không đọc được. Vui lòng mở tệp bằng Word, lưu lại thành .docx (hoặc xuất PDF) ' +
        'rồi gửi lại.',
      'docx whose body is only altChunk parts',
    );
  return document;
}

/** Whether an element named `name` stands anywhere in the (depth-bounded) tree. */
function holds(node: XmlNode | undefined, name: string): boolean {
  if (!node) return false;
  return node.name === name || node.kids.some((k) => holds(k, name));
}

/** The body's text as the line reader reads it (see document-text.ts). */
export async function decodeDocx(bytes: Uint8Array): Promise<string> {
  return documentText(await readDocx(bytes));
}
