// The worst uploads the limits allow, and the bombs they must stop, generated: for the bench's
// worst-case section and the hostile-upload tests. Each is a shape, sized by its arguments.
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import {
  MAX_DOCX_XML_BYTES,
  MAX_FILE_BYTES,
  MAX_PDF_PAGES,
  MAX_SHEET_CELLS,
  MAX_SHEET_ROWS,
  MAX_TEXT_CHARS,
} from '../shared/files/limits.js';
import { FONT, PAGE_DICT, type PdfObject, writePdf } from './pdf-writer.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SENTENCE =
  'Ủy ban nhân dân xã triển khai chuyển đổi số, cấp 1.250 tài khoản định danh điện tử.';

/** Bytes no compressor can shrink (photos in a DOCX), from a seeded xorshift. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  const words = new Uint32Array(out.buffer, 0, length >> 2);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return out;
}

/** A DOCX of the parts Word needs around this document.xml, with pictures stored as they are. */
export function docxPackage(documentXml: string, media: Uint8Array[] = []): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Target="word/document.xml" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml, { compression: 'DEFLATE' });
  for (const [i, m] of media.entries())
    zip.file(`word/media/image${i + 1}.jpeg`, m, { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer' });
}

const documentOf = (body: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

const WORDS = SENTENCE.replace(/[.,]/g, '').split(' ');

/** Paragraphs of report words in a seeded order, with figures: XML that compresses as Word's does. */
function variedParagraphs(xmlBytes: number): string {
  const bytes = noise(xmlBytes >> 3, 7);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < xmlBytes - 200; i += 12) {
    const words = Array.from(
      bytes.subarray(i % (bytes.length - 12), (i % (bytes.length - 12)) + 12),
      (b) => (b % 5 === 0 ? String(b * 37) : WORDS[b % WORDS.length]),
    );
    const p = paragraph(`${words.join(' ')}.`);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

/** The largest DOCX allowed: `bytes` in all, its XML just under the XML cap, the rest pictures. */
export async function largestDocx(bytes = MAX_FILE_BYTES - 64 * 1024): Promise<Buffer> {
  const xml = documentOf(variedParagraphs(MAX_DOCX_XML_BYTES - 64 * 1024));
  const withoutMedia = await docxPackage(xml);
  return docxPackage(xml, [noise(Math.max(0, bytes - withoutMedia.length - 512))]);
}

/** "Billion laughs": ten entities, each ten of the one before; &e9; would be 10⁹ × "ha". */
export function entityBombDocx(): Promise<Buffer> {
  const defs = ['<!ENTITY e0 "ha">'];
  for (let i = 1; i < 10; i++) defs.push(`<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`);
  const dtd = `<!DOCTYPE w:document [${defs.join('')}]>`;
  return docxPackage(documentOf(paragraph('&e9;'), dtd));
}

/** External entities: a local file and an address, which a reader must never fetch. */
export function externalEntityDocx(): Promise<Buffer> {
  const dtd =
    '<!DOCTYPE w:document [<!ENTITY f SYSTEM "file:///etc/passwd">' +
    '<!ENTITY u SYSTEM "http://169.254.169.254/latest/meta-data/">]>';
  return docxPackage(documentOf(paragraph('&f;&u;'), dtd));
}

/** Tables nested `depth` deep, a cell in a cell in a cell …, one sentence at the bottom. */
export function nestedDocx(depth: number): Promise<Buffer> {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '</w:tc></w:tr></w:tbl>';
  return docxPackage(documentOf(open.repeat(depth) + paragraph(SENTENCE) + close.repeat(depth)));
}

/** A page's text: lines of report prose in Latin-1 (what pdfkit's standard fonts write). */
const pageText = (lines: number, page: number) =>
  Array.from(
    { length: lines },
    (_, i) =>
      `(Trang ${page} dong ${i}: UBND xa trien khai chuyen doi so, cap 1.250 tai khoan.) Tj T*`,
  ).join('\n');

/**
 * The largest PDF allowed: MAX_PDF_PAGES pages whose text stays under MAX_TEXT_CHARS, each
 * content stream padded with drawing operators (which the text reader still has to parse) so
 * that the file is `bytes` long.
 */
export function largestPdf(bytes = MAX_FILE_BYTES - 64 * 1024): Buffer {
  const pages = MAX_PDF_PAGES;
  const linesPerPage = Math.floor((MAX_TEXT_CHARS * 0.9) / pages / 70);
  const perPage = Math.floor(bytes / pages) - 400;
  const objects: PdfObject[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = FONT;
  for (let p = 0; p < pages; p++) {
    const text = `BT /F1 8 Tf 11 TL 30 820 Td\n${pageText(linesPerPage, p + 1)}\nET\n`;
    const stroke = '10 10 m 20 20 l S\n';
    const pad = stroke.repeat(Math.max(0, Math.floor((perPage - text.length) / stroke.length)));
    objects[4 + 2 * p] =
      `<< ${PAGE_DICT} /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * p} 0 R >>`;
    objects[5 + 2 * p] = { dict: '', stream: text + pad };
  }
  return writePdf(objects);
}

/**
 * A form XObject bomb: each form draws the next one `fan` times, `depth` forms deep, so the one
 * page shows its text fan^depth times while the file stays a few kilobytes.
 */
export function formBombPdf(depth = 9, fan = 10): Buffer {
  const objects: PdfObject[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [4 0 R] /Count 1 >>';
  objects[3] = FONT;
  objects[4] = `<< ${PAGE_DICT} /Resources << /XObject << /X 5 0 R >> >> /Contents 6 0 R >>`;
  objects[6] = { dict: '', stream: '/X Do' };
  for (let d = 0; d < depth; d++) {
    const n = d === 0 ? 5 : 6 + d;
    const last = d === depth - 1;
    const res = last ? '/Font << /F1 3 0 R >>' : `/XObject << /X ${7 + d} 0 R >>`;
    const draw = last
      ? 'BT /F1 9 Tf 40 800 Td (UBND xa bao cao ket qua) Tj ET'
      : '/X Do\n'.repeat(fan);
    objects[n] = {
      dict: `/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`,
      stream: draw,
    };
  }
  return writePdf(objects);
}

/** A page whose dictionary holds arrays nested `depth` deep: a recursive parser's stack. */
export function nestedArrayPdf(depth = 200_000): Buffer {
  const objects: PdfObject[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  objects[3] = `<< ${PAGE_DICT} /Deep ${'['.repeat(depth)}${']'.repeat(depth)} /Contents 4 0 R >>`;
  objects[4] = { dict: '', stream: 'BT /F1 9 Tf 40 800 Td (x) Tj ET' };
  return writePdf(objects);
}

/** A page tree `depth` levels deep, one kid per level, one page at the bottom. */
export function deepPageTreePdf(depth = 20_000): Buffer {
  const objects: PdfObject[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  for (let d = 0; d < depth; d++) {
    const parent = d === 0 ? '' : ` /Parent ${1 + d} 0 R`;
    objects[2 + d] = `<< /Type /Pages /Kids [${3 + d} 0 R] /Count 1${parent} >>`;
  }
  const leaf = 2 + depth;
  objects[leaf] =
    `<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 595 842] /Contents ${leaf + 1} 0 R >>`;
  objects[leaf + 1] = { dict: '', stream: 'BT /F1 9 Tf 40 800 Td (x) Tj ET' };
  return writePdf(objects);
}

const u32be = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), td, u32be(crc32(td))]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A PNG whose header declares `width` × `height` grey pixels; its data is a few rows. */
export function pngDeclaring(width = 100_000, height = 100_000): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4 * (width + 1)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG whose frame header declares `width` × `height` (at most 65,535 each). */
export function jpegDeclaring(width = 65_000, height = 65_000): Buffer {
  const sof = [
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
  ];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0];
  const jfif = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return Buffer.from([0xff, 0xd8, ...jfif, ...sof, ...sos, ...noise(2048), 0xff, 0xd9]);
}

/** A little-endian TIFF whose first directory declares `width` × `height` grey pixels. */
export function tiffDeclaring(width = 100_000, height = 100_000): Buffer {
  const entries: Array<[number, number, number]> = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 8 + 2 + 12 * 9 + 4],
    [277, 3, 1],
    [278, 4, height],
    [279, 4, 1024],
  ];
  const ifd = Buffer.alloc(2 + 12 * entries.length + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, value], i) => {
    const o = 2 + 12 * i;
    ifd.writeUInt16LE(tag, o);
    ifd.writeUInt16LE(type, o + 2);
    ifd.writeUInt32LE(1, o + 4);
    if (type === 3) ifd.writeUInt16LE(value, o + 8);
    else ifd.writeUInt32LE(value, o + 8);
  });
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  return Buffer.concat([header, ifd, Buffer.alloc(1024)]);
}

// --- Excel forms and legacy Word ------------------------------------------------------------

/** The largest Excel form the bounds allow: MAX_SHEET_ROWS rows of figures, just under MAX_SHEET_CELLS. */
export async function largestXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const columns = Math.floor(MAX_SHEET_CELLS / MAX_SHEET_ROWS) - 1;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 01');
  const head = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả thực hiện', 'Kế hoạch', 'Tỷ lệ (%)'];
  ws.addRow([...head, ...Array.from({ length: columns - head.length }, (_, i) => `Cột ${i + 1}`)]);
  for (let r = 1; r < MAX_SHEET_ROWS - 10; r++)
    ws.addRow([
      r,
      `${SENTENCE.slice(0, 40)} ${r}`,
      'hồ sơ',
      r * 3,
      r * 4,
      75,
      ...Array(columns - 6).fill(r),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An Excel form whose one sheet claims a merged cell over the whole grid (17 billion cells). */
export async function mergeBombXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Biểu').addRow(['Chỉ tiêu', 'Kết quả']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A Word 97 file whose directory's sector chain loops (two sectors pointing at each other), from
 * a real .doc: word-extractor follows it until its worker's heap is full.
 */
export function loopingDoc(doc: Buffer): Buffer {
  const bytes = Buffer.from(doc);
  const sat = (bytes.readInt32LE(76) + 1) * 512;
  const dir = bytes.readInt32LE(48);
  bytes.writeInt32LE(dir + 1, sat + dir * 4);
  bytes.writeInt32LE(dir, sat + (dir + 1) * 4);
  return bytes;
}
