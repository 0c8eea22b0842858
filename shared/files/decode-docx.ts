import mammoth from 'mammoth';
import { fileProblem } from './file-problem.js';
import { htmlToText } from './html-text.js';
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
    return await inflateCounted(bytes);
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

export async function decodeDocx(bytes: Uint8Array): Promise<string> {
  checkMagic(bytes);
  const sizes = await census(bytes);
  if (!sizes.hasDocument) {
    throw damaged(
      'Tệp .docx không có nội dung văn bản Word (thiếu word/document.xml).',
      'zip without word/document.xml',
    );
  }
  try {
    // HTML keeps manual line breaks and table cells, which extractRawText drops or glues.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures are never read: only the text counts, and base64 copies would cost memory.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return htmlToText(result.value);
  } catch (e) {
    throw damaged(
      'Tệp .docx bị hỏng, không đọc được nội dung.',
      `mammoth failed: ${(e as Error).message}`,
    );
  }
}
