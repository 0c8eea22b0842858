import yauzl from 'yauzl';
import { fileProblem } from './file-problem.js';
import { MAX_DOCX_UNPACKED_BYTES, MAX_OCR_PAGES } from './limits.js';

/** More photos than this in one .zip is not one report. */
export const MAX_ZIP_PAGES = MAX_OCR_PAGES;
const IMAGE = /\.(jpe?g|png|tiff?)$/i;

/** Page order by name as people number photos: "2.jpg" before "10.jpg". */
export const byPageName = (a: string, b: string) =>
  a.localeCompare(b, 'vi', { numeric: true, sensitivity: 'base' });

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

/**
 * The entries of a zip whose base name `accept`s, bounded like every zip: at most `maxEntries`
 * of them, and the bytes they declare (yauzl holds each to its declaration) within the limit of
 * an unpacked DOCX. Rejects with an Error on a damaged zip or one over the bounds.
 */
export function zipEntries(
  bytes: Uint8Array,
  accept: (baseName: string, path: string) => boolean,
  maxEntries: number,
): Promise<{ name: string; bytes: Buffer }[]> {
  return new Promise((resolve, reject) => {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: { name: string; bytes: Buffer }[] = [];
      let unpacked = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        const base = e.fileName.split('/').pop() ?? '';
        if (!accept(base, e.fileName) || base.startsWith('.') || e.fileName.startsWith('__MACOSX/'))
          return zip.readEntry();
        unpacked += e.uncompressedSize;
        if (unpacked > MAX_DOCX_UNPACKED_BYTES || out.length >= maxEntries)
          return reject(new Error(`zip over limits: ${out.length} entries, ${unpacked} bytes`));
        readEntry(zip, e).then((b) => {
          out.push({ name: e.fileName, bytes: b });
          zip.readEntry();
        }, reject);
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The photos in an uploaded .zip, in page order by file name. */
export async function zipImages(bytes: Uint8Array): Promise<{ name: string; bytes: Buffer }[]> {
  let images: { name: string; bytes: Buffer }[];
  try {
    images = await zipEntries(bytes, (base) => IMAGE.test(base), MAX_ZIP_PAGES);
  } catch (e) {
    throw fileProblem(
      'rejected',
      'file',
      'file.zipInvalid',
      `Tệp .zip bị hỏng hoặc quá lớn (tối đa ${MAX_ZIP_PAGES} ảnh, ` +
        `${MAX_DOCX_UNPACKED_BYTES / 1048576} MB khi giải nén); vui lòng nén lại ảnh chụp các trang.`,
      `zip unreadable: ${(e as Error).message}`,
    );
  }
  if (!images.length)
    throw fileProblem(
      'rejected',
      'file',
      'file.zipEmpty',
      'Tệp .zip không chứa ảnh nào (.jpg, .png, .tif); vui lòng nén ảnh chụp các trang báo cáo.',
      'zip without images',
    );
  return images.sort((a, b) => byPageName(a.name, b.name));
}
