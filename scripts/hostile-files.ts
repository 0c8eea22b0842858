// Hostile uploads, generated: each kind is a shape (a rule to break), not a stored sample.
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Unit } from '../shared/schemas/unit.js';
import { PAGE_DICT, type PdfObject, writePdf } from './pdf-writer.js';
import { docxFromText, pdfFromText } from './report-files.js';
import { reportText } from './report-text.js';
import { docxPackage } from './worst-files.js';

/** A DOCX whose ZIP directory claims small sizes while its document inflates to `mb` MB. */
export async function lyingZipBomb(mb: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(mb * 1024 * 1024, 0x20));
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  // Local headers keep the uncompressed size at offset 22, central directory entries at 24.
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50) bytes.writeUInt32LE(1000, i + 22);
    if (sig === 0x02014b50) bytes.writeUInt32LE(1000, i + 24);
  }
  return bytes;
}

/** An honest DOCX whose text is about `chars` characters of report prose. */
export function largeDocx(unit: Unit, chars: number): Promise<Buffer> {
  return docxFromText(reportText(unit, { targetChars: chars }));
}

/** A minimal honest DOCX (the parts Word needs) whose document.xml has about `xmlBytes` bytes. */
export function docxOfXmlSize(xmlBytes: number): Promise<Buffer> {
  const para = '<w:p><w:r><w:t>Ủy ban nhân dân xã triển khai chuyển đổi số.</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil(xmlBytes / Buffer.byteLength(para)));
  return docxPackage(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
}

/** A minimal PDF of `pages` pages that all share one content stream, as a generator makes. */
export function manyPagePdf(
  pages: number,
  text = 'BAO CAO KET QUA CHUYEN DOI SO CUA UBND XA',
): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const stream = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[4] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  for (let i = 0; i < pages; i++)
    objects[5 + i] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++)
    out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF that opens (catalog and xref fine) but whose page tree points at nothing. */
export function brokenPageTreePdf(): Buffer {
  const good = manyPagePdf(3).toString('latin1');
  return Buffer.from(good.replace('/Kids [5 0 R', '/Kids [77 0 R'), 'latin1');
}

/** A report whose figures run to 16 digits and more (beyond MAX_SAFE_INTEGER). */
export function hugeFigureText(unit: Unit): string {
  return reportText(unit, {
    results: [
      '3. Toàn xã có 98765432109876543210 máy tính phục vụ công tác chuyên môn.',
      '4. Tổ chức 12345678901234567 lớp tập huấn kỹ năng số.',
    ],
  });
}

/** A report with thousands of figures (a table pasted into the text). */
export function manyFiguresText(unit: Unit, n = 6000): string {
  const results = Array.from(
    { length: n },
    (_, i) =>
      `${i + 3}. Tổ chức ${i + 1} lớp tập huấn kỹ năng số cho ${i * 3 + 7} người dân ` +
      `tại thôn ${i}.`,
  );
  return reportText(unit, { results });
}

/** Prose with no header at all: no issuing unit, number, date or title. */
export function headerlessText(): string {
  return [
    'Trong 6 tháng qua xã có 42 máy tính phục vụ công tác chuyên môn.',
    'Đường truyền còn chậm.',
  ].join('\n');
}

/** A PDF whose text layer reads fine: a report in Latin-1 letters (what pdfkit writes). */
export function textPdf(unit: Unit): Promise<Buffer> {
  return pdfFromText(
    reportText(unit).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'),
  );
}

/** A page-like greyscale picture (text-like dark strokes on white), encoded as `format`. */
async function pagePicture(format: 'png' | 'jpg' | 'tif', seed: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const width = 240 + (seed % 160);
  const height = 320 + ((seed >> 3) % 160);
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 20; y < height - 20; y += 14)
    for (let x = 20; x < width - 20; x++)
      if ((x * 7 + y * 13 + seed) % 11 < 6) pixels[y * width + x] = 0;
  const img = sharp(pixels, { raw: { width, height, channels: 1 } });
  if (format === 'png') return img.png().toBuffer();
  if (format === 'jpg') return img.jpeg().toBuffer();
  return img.tiff().toBuffer();
}

/** A whole, valid, white 1-bit PNG of `width` × `height` (60,000 × 800 is 6 MB of rows, 10 KB). */
export function blankPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG cut right after its start-of-scan header: every table, no scan data. */
function withoutScanData(jpeg: Buffer): Buffer {
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const end = sos + 2 + jpeg.readUInt16BE(sos + 2);
  return Buffer.concat([jpeg.subarray(0, end), Buffer.from([0xff, 0xd9])]);
}

/** A TIFF whose first directory names itself as the next one: a chain that never ends. */
function loopingTiff(tiff: Buffer): Buffer {
  const out = Buffer.from(tiff);
  const le = out[0] === 0x49;
  const ifd = le ? out.readUInt32LE(4) : out.readUInt32BE(4);
  const entries = le ? out.readUInt16LE(ifd) : out.readUInt16BE(ifd);
  const next = ifd + 2 + entries * 12;
  if (le) out.writeUInt32LE(ifd, next);
  else out.writeUInt32BE(ifd, next);
  return out;
}

export const DAMAGE_KINDS = [
  'cut short',
  'no scan data',
  'looping directories',
  'too wide',
] as const;

/**
 * A damaged photo or scan of one kind: a PNG, JPEG or TIFF cut at an offset from the seed (past
 * its header, so that only the decoder can tell), a JPEG without scan data, a TIFF whose
 * directory chain loops, or a PNG wider than Tesseract's 32,767 pixels (blank: 60 KB).
 */
export async function damagedImage(
  kind: (typeof DAMAGE_KINDS)[number],
  seed: number,
): Promise<{ name: string; bytes: Buffer }> {
  if (kind === 'no scan data')
    return { name: 'khong-du-lieu.jpg', bytes: withoutScanData(await pagePicture('jpg', seed)) };
  if (kind === 'looping directories')
    return { name: 'vong-lap.tif', bytes: loopingTiff(await pagePicture('tif', seed)) };
  if (kind === 'too wide')
    return { name: 'qua-rong.png', bytes: blankPng(32_768 + (seed % 40_000), 16 + (seed % 64)) };
  const format = (['png', 'jpg', 'tif'] as const)[seed % 3]!;
  const whole = await pagePicture(format, seed);
  // Past the first 64 bytes (the header still says a whole image) and short of the end.
  const cut = 64 + (((seed * 2654435761) >>> 0) % Math.max(1, whole.length - 128));
  return { name: `cat-do.${format}`, bytes: whole.subarray(0, cut) };
}

export interface PaintedImage {
  width: number;
  height: number;
  /** A soft mask of this size, decoded with the image. */
  mask?: { width: number; height: number };
}

/** How the page reaches its images: each way a reader of the bytes must follow. */
export interface ImagePdfShape {
  resources: 'inline' | 'indirect' | 'inherited';
  viaForm: boolean;
  /** Stream data: blank 1-bit rows that decode (slow for huge images), or a few junk bytes. */
  decodable: boolean;
}

function imageStream(width: number, height: number, extra: string, decodable: boolean) {
  const data = decodable
    ? deflateSync(Buffer.alloc(Math.ceil(width / 8) * height, 0xff)).toString('latin1')
    : 'x';
  const dict =
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray ` +
    `/BitsPerComponent 1 /Filter /FlateDecode ${extra}`;
  return { dict, stream: data };
}

/** A one-page PDF that paints `images` (each distinct, each with its soft mask if given). */
export function pdfPaintingImages(images: PaintedImage[], shape: ImagePdfShape): Buffer {
  const objects: PdfObject[] = [];
  const names: string[] = [];
  let next = 6;
  for (const [i, img] of images.entries()) {
    let extra = '';
    if (img.mask) {
      objects[next + 1] = imageStream(img.mask.width, img.mask.height, '', shape.decodable);
      extra = `/SMask ${next + 1} 0 R`;
    }
    objects[next] = imageStream(img.width, img.height, extra, shape.decodable);
    names.push(`/Im${i} ${next} 0 R`);
    next += 2;
  }
  const draw = images.map((_, i) => `q 595 0 0 842 0 0 cm /Im${i} Do Q`).join('\n');
  let xobjects = `<< /XObject << ${names.join(' ')} >> >>`;
  let content = draw;
  if (shape.viaForm) {
    objects[5] = {
      dict: `/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${xobjects}`,
      stream: draw,
    };
    xobjects = '<< /XObject << /Fm0 5 0 R >> >>';
    content = '/Fm0 Do';
  } else objects[5] = '<< >>';
  objects[4] = { dict: '', stream: content };
  objects[3] = xobjects;
  const resources = shape.resources === 'inline' ? `/Resources ${xobjects}` : '/Resources 3 0 R';
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const inherited = shape.resources === 'inherited';
  objects[2] = `<< /Type /Pages /Kids [6 0 R] /Count 1 ${inherited ? '/Resources 3 0 R' : ''} >>`;
  // The page is the last object, so that object numbers of images stay as counted above.
  const page = `<< ${PAGE_DICT} ${inherited ? '' : resources} /Contents 4 0 R >>`;
  objects[2] = (objects[2] as string).replace('[6 0 R]', `[${next} 0 R]`);
  objects[next] = page;
  for (let i = 1; i < objects.length; i++) objects[i] ??= '<< >>';
  return writePdf(objects);
}
