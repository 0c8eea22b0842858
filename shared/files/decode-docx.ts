import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { fileProblem } from './file-problem.js';
import { htmlToText } from './html-text.js';
import { MAX_DOCX_RATIO, MAX_DOCX_UNPACKED_BYTES } from './limits.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Sums the sizes the ZIP's central directory declares, without unpacking anything. */
function declaredSizes(
  bytes: Uint8Array,
): Promise<{ unpacked: number; packed: number; hasDocument: boolean }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true },
      (err, zip) => {
        if (err || !zip) return reject(err ?? new Error('no zip'));
        let unpacked = 0;
        let packed = 0;
        let hasDocument = false;
        zip.on('entry', (e: yauzl.Entry) => {
          unpacked += e.uncompressedSize;
          packed += e.compressedSize;
          if (e.fileName === 'word/document.xml') hasDocument = true;
          zip.readEntry();
        });
        zip.on('end', () => resolve({ unpacked, packed, hasDocument }));
        zip.on('error', reject);
        zip.readEntry();
      },
    );
  });
}

export async function decodeDocx(bytes: Uint8Array): Promise<string> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxEncrypted',
      'Tệp Word được đặt mật khẩu hoặc ở định dạng .doc cũ; vui lòng gỡ mật khẩu và lưu lại dạng .docx.',
      'OLE compound file named .docx',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxDamaged',
      'Tệp .docx bị hỏng hoặc không phải tệp Word.',
      'not a zip archive',
    );
  }
  let sizes: Awaited<ReturnType<typeof declaredSizes>>;
  try {
    sizes = await declaredSizes(bytes);
  } catch (e) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxDamaged',
      'Tệp .docx bị hỏng, không mở được.',
      `zip directory unreadable: ${(e as Error).message}`,
    );
  }
  if (
    sizes.unpacked > MAX_DOCX_UNPACKED_BYTES ||
    (sizes.packed > 0 && sizes.unpacked / sizes.packed > MAX_DOCX_RATIO)
  ) {
    throw fileProblem(
      'rejected',
      'file',
      'file.zipBomb',
      'Tệp .docx giải nén quá lớn bất thường; hệ thống từ chối để bảo đảm an toàn.',
      `docx unpacks to ${sizes.unpacked} bytes from ${sizes.packed}`,
    );
  }
  if (!sizes.hasDocument) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxDamaged',
      'Tệp .docx không có nội dung văn bản Word (thiếu word/document.xml).',
      'zip without word/document.xml',
    );
  }
  try {
    // HTML keeps manual line breaks and table cells, which extractRawText drops or glues.
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return htmlToText(result.value);
  } catch (e) {
    throw fileProblem(
      'rejected',
      'file',
      'file.docxDamaged',
      'Tệp .docx bị hỏng, không đọc được nội dung.',
      `mammoth failed: ${(e as Error).message}`,
    );
  }
}
