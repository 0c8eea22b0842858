// Regenerates test/fixtures/scans/ from its xa-con-cuong.txt (npx tsx scripts/make-scan-fixtures.ts):
// a fax-like 1-bit scan in a PDF, a phone photo, and a 1-bit page lying on its side, kept small so
// that the OCR tests stay fast.
import { readFileSync, writeFileSync } from 'node:fs';
import { damageImage, damagePage, rasterise, scanPdf } from './scan-damage.js';

const dir = 'test/fixtures/scans';
const text = readFileSync(`${dir}/xa-con-cuong.txt`, 'utf8');
const [page] = await rasterise(text, 200);
writeFileSync(`${dir}/xa-con-cuong-fax.pdf`, await scanPdf([damagePage(page!, 'fax', 5).bytes]));
writeFileSync(
  `${dir}/xa-con-cuong-xoay.png`,
  damageImage(page!, { threshold: 55, skew: 0.6, turn: 270 }).bytes,
);
const [small] = await rasterise(text, 150);
writeFileSync(`${dir}/xa-con-cuong-anh.jpg`, damagePage(small!, 'photo', 11).bytes);
console.log('written to', dir);
