// Regenerates examples/reports/ from examples/sources/ (npx tsx scripts/make-examples.ts).
// The PDFs embed DejaVu Sans from the system (Debian fonts-dejavu-core) for Vietnamese glyphs.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeTcvn3, encodeVni } from './legacy-encode.js';
import { docxFromText, pdfFromText } from './report-files.js';
import { damagePage, rasterise, scanPdf } from './scan-damage.js';

const src = (n: string) => readFileSync(join('examples/sources', n), 'utf8');
const out = 'examples/reports';
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const write = (name: string, data: string | Uint8Array) => writeFileSync(join(out, name), data);

// Clean Unicode DOCX, as most communes now type them.
write(
  'xa-nghia-dan-bao-cao-6-thang.docx',
  await docxFromText(src('xa-nghia-dan-bao-cao-6-thang.txt')),
);
// A KẾ HOẠCH typed with the old .VnTime font: TCVN3 text inside a DOCX.
write(
  'phuong-truong-vinh-ke-hoach.docx',
  await docxFromText(encodeTcvn3(src('phuong-truong-vinh-ke-hoach.txt')), '.VnTime'),
);
// OCR output of a scanned page, diacritics damaged, as plain text.
write('xa-dien-chau-ocr.txt', src('xa-dien-chau-ocr.txt'));
// A PDF exported from Word, with its text layer.
write(
  'xa-yen-thanh-cong-van.pdf',
  await pdfFromText(src('xa-yen-thanh-cong-van.txt'), { fontPath: font }),
);
// A VNI-encoded text file, saved as single bytes the way old editors did.
write('xa-quynh-luu-vni.txt', Buffer.from(encodeVni(src('xa-quynh-luu-bao-cao.txt')), 'latin1'));
// UTF-16 with BOM (Notepad's "Unicode"), first page missing.
write(
  'phuong-vinh-hung-6-thang.txt',
  Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(src('phuong-vinh-hung-no-header.txt'), 'utf16le'),
  ]),
);
// A report of a unit of another province (Quảng Trị) sent to Nghệ An's inbox.
write(
  'dac-khu-con-co-quang-tri.pdf',
  await pdfFromText(src('dac-khu-con-co.txt'), { fontPath: font }),
);
// A signed paper report scanned at 200 dpi, grey, slightly skewed: a PDF without a text layer.
const scanned = await rasterise(src('xa-do-luong-bao-cao-scan.txt'), 200);
write(
  'bao-cao-scan-khong-co-chu.pdf',
  await scanPdf(scanned.map((p, i) => damagePage(p, 'skewed', i + 3).bytes)),
);
// The same kind of report photographed with a phone: slanted, lit from one side.
const [photo] = await rasterise(src('phuong-cua-lo-anh-chup.txt'), 200);
write('phuong-cua-lo-anh-chup.jpg', damagePage(photo!, 'photo', 7).bytes);
// Damaged: not a Word file at all.
write(
  'bao-cao-hong.docx',
  Buffer.from('This is not a Word document; the upload was cut off.\x00\x01\x02'),
);
console.log('examples written to', out);
