// Hostile uploads by kind: each kind breaks one rule a reader relies on (the bytes match the
// name, the archive is whole, the text is text …), and builds a file from a seed, so that a
// property test tries many of each. None of them is a report.
import JSZip from 'jszip';
import { DAMAGE_KINDS, damagedImage } from './hostile-files.js';
import { FONT, PAGE_DICT, type PdfObject, writePdf } from './pdf-writer.js';
import {
  docxPackage,
  entityBombDocx,
  externalEntityDocx,
  jpegDeclaring,
  nestedArrayPdf,
  noise,
  pngDeclaring,
  tiffDeclaring,
} from './worst-files.js';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
}

/** What a kind is built from: a seed for sizes and cuts, and the extension to name it with. */
export interface KindInput {
  seed: number;
  ext: string;
}

const EXTS = ['txt', 'docx', 'pdf', 'json', 'png', 'jpg', 'tif', 'zip'];
const enc = (s: string) => new TextEncoder().encode(s);
const pick = <T>(items: readonly T[], seed: number) => items[seed % items.length]!;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) =>
  `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

/** A one-page PDF whose catalog carries `extra` (actions, forms, encryption …). */
function pdfWith(extra: string, trailerExtra = ''): Uint8Array {
  const objects: PdfObject[] = [];
  objects[1] = `<< /Type /Catalog /Pages 2 0 R ${extra} >>`;
  objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  objects[3] = `<< ${PAGE_DICT} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`;
  objects[4] = FONT;
  objects[5] = {
    dict: '',
    stream: 'BT /F1 12 Tf 56 780 Td (Xin chao, day khong phai bao cao.) Tj ET',
  };
  const pdf = writePdf(objects).toString('latin1');
  return Buffer.from(
    trailerExtra ? pdf.replace('/Root 1 0 R', `/Root 1 0 R ${trailerExtra}`) : pdf,
    'latin1',
  );
}

async function zipOf(entries: Array<[string, Uint8Array | string]>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const textBytes = (seed: number) =>
  pick([enc('xin chào'), enc('{"a":1}'), enc('<html><script>alert(1)</script></html>')], seed);

const typedBytes = async (seed: number): Promise<Uint8Array> =>
  pick<() => Promise<Uint8Array> | Uint8Array>(
    [
      () => pdfWith(''),
      () => docxPackage(doc('<w:p><w:r><w:t>xin chào</w:t></w:r></w:p>')),
      () => pngDeclaring(200, 300),
      () => textBytes(seed >> 3),
    ],
    seed,
  )();

/** Every kind, by name; each returns a file named as that kind names it. */
export const HOSTILE_KINDS: Record<string, (k: KindInput) => Promise<HostileFile> | HostileFile> = {
  empty: ({ ext }) => ({ name: `rong.${ext}`, bytes: new Uint8Array() }),
  'magic mismatch': async ({ seed, ext }) => ({
    name: `sai-duoi.${ext}`,
    bytes: await typedBytes(seed),
  }),
  truncated: async ({ seed, ext }) => {
    const whole = await typedBytes(seed);
    const cut = 1 + (seed % Math.max(1, whole.length - 1));
    return { name: `cat-do.${ext}`, bytes: whole.subarray(0, cut) };
  },
  'zip path traversal': async ({ seed }) => ({
    name: pick(['thoat.docx', 'thoat.zip'], seed),
    bytes: await zipOf([
      ['../../../etc/passwd', 'root:x:0:0'],
      ['/tuyet-doi/1.jpg', pngDeclaring(100, 100)],
      ['a\\..\\..\\2.jpg', pngDeclaring(100, 100)],
      ['word/../../document.xml', doc('')],
    ]),
  }),
  'encrypted PDF': () => ({
    name: 'mat-khau.pdf',
    bytes: pdfWith(
      '',
      `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> ` +
        `/P -4 >> /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
    ),
  }),
  'PDF with JavaScript and XFA': () => ({
    name: 'ma-lenh.pdf',
    bytes: pdfWith(
      '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ' +
        '/AcroForm << /Fields [] /XFA (<xdp:xdp><script>x</script></xdp:xdp>) >>',
    ),
  }),
  'DOCX external entities': async () => ({
    name: 'thuc-the.docx',
    bytes: await externalEntityDocx(),
  }),
  'DOCX entity expansion': async () => ({
    name: 'bom-thuc-the.docx',
    bytes: await entityBombDocx(),
  }),
  'DOCX altChunk': async () => ({
    name: 'alt-chunk.docx',
    bytes: await docxPackage(doc('<w:altChunk r:id="rId9" xmlns:r="urn:r"/>')),
  }),
  'huge single line': ({ seed }) => ({
    name: 'mot-dong.txt',
    bytes: enc('x'.repeat(200_000 + (seed % 700_000))),
  }),
  'NUL bytes': ({ seed }) => ({
    name: 'nul.txt',
    bytes: enc(`xin\u0000chào${'\u0000'.repeat(seed % 50)}`),
  }),
  'invalid UTF-8': ({ seed }) => ({
    name: 'hong-utf8.txt',
    bytes: noise(200 + (seed % 5000), seed + 1),
  }),
  'invalid UTF-16': ({ seed }) => ({
    name: 'hong-utf16.txt',
    bytes: Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, ...noise(1 + (seed % 301), seed + 7)]),
  }),
  // Single-byte text of no known Vietnamese encoding: letters and bytes 0x80–0xFF at random.
  'legacy encoding': ({ seed }) => ({
    name: 'ma-cu.txt',
    bytes: Uint8Array.from({ length: 400 + (seed % 4000) }, (_, i) =>
      i % 5 === 0 ? 0x20 : i % 3 ? 0x61 + ((seed + i) % 26) : 0x80 + ((seed * 31 + i * 7) % 128),
    ),
  }),
  polyglot: async ({ seed, ext }) => ({
    name: `da-dang.${ext}`,
    bytes: Buffer.concat([
      pdfWith(''),
      await zipOf([['1.jpg', pngDeclaring(50, 50)]]),
      textBytes(seed),
    ]),
  }),
  'control characters in name': ({ seed, ext }) => ({
    name: `bao\u0000cao\u0007\u001b[31m\u202e${seed}.${ext}`,
    bytes: enc('xin chào'),
  }),
  '300-character name': ({ ext }) => ({
    name: `${'bao-cao-rat-dai-'.repeat(19)}.${ext}`,
    bytes: enc('xin chào'),
  }),
  'image declaring 10¹⁰ pixels': ({ seed }) =>
    pick<() => HostileFile>(
      [
        () => ({ name: 'bom.png', bytes: pngDeclaring() }),
        () => ({ name: 'bom.jpg', bytes: jpegDeclaring() }),
        () => ({ name: 'bom.tif', bytes: tiffDeclaring() }),
      ],
      seed,
    )(),
  'zip of image bombs': async ({ seed }) => ({
    name: 'anh.zip',
    bytes: await zipOf([
      ['1.jpg', jpegDeclaring(1200, 1600)],
      [
        `2.${pick(['png', 'tif', 'jpg'], seed)}`,
        pick([pngDeclaring(), tiffDeclaring(), jpegDeclaring()], seed),
      ],
    ]),
  }),
  'damaged image': ({ seed }) => damagedImage(pick(DAMAGE_KINDS, seed), seed >> 2),
  'zip in a zip': async () => ({
    name: 'long.zip',
    bytes: await zipOf([['a.zip', await zipOf([['1.jpg', 'x']])]]),
  }),
  'zip of many entries': async ({ seed }) => ({
    name: pick(['nhieu.docx', 'nhieu.zip'], seed),
    bytes: await zipOf(
      Array.from({ length: 3000 }, (_, i) => [`p/${i}.jpg`, 'x'] as [string, string]),
    ),
  }),
  'PDF arrays nested deep': () => ({ name: 'mang.pdf', bytes: nestedArrayPdf(50_000) }),
  'JSON not a report': ({ seed }) => ({
    name: 'du-lieu.json',
    bytes: pick([enc('{"__proto__":{"x":1}}'), enc(`${'['.repeat(100_000)}`), enc('null')], seed),
  }),
};

export const HOSTILE_EXTS = EXTS;
