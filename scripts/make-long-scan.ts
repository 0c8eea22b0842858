// A long scanned report for measuring the OCR function (README, "Cost"): one of the project's own
// report texts grown to `pages` pages, rasterised at `dpi` and damaged page by page as scanners and
// phones do (clean, skewed, noisy JPEG, 1-bit fax), then put in an image-only PDF.
// Usage: npx tsx scripts/make-long-scan.ts <out.pdf> [pages = 10] [dpi = 300]
import { writeFileSync } from 'node:fs';
import { nationalRegistry } from '../bin/registry.js';
import { reportText } from './report-text.js';
import { DAMAGES, damagePage, rasterise, scanPdf } from './scan-damage.js';

const [out, pagesArg = '10', dpiArg = '300'] = process.argv.slice(2);
if (!out) throw new Error('usage: make-long-scan.ts <out.pdf> [pages] [dpi]');
const pages = Number(pagesArg);
const unit = nationalRegistry().byCode('17662')!;
let images = await rasterise(reportText(unit, { targetChars: pages * 3200 }), Number(dpiArg));
if (images.length < pages) throw new Error(`the text made ${images.length} pages, not ${pages}`);
images = images.slice(0, pages);
// The phone photo is left out: a scanner made this file.
const damages = DAMAGES.filter((d) => d !== 'photo');
const scanned = images.map((png, i) => damagePage(png, damages[i % damages.length]!, i + 1).bytes);
writeFileSync(out, await scanPdf(scanned));
console.log(`${out}: ${pages} pages at ${dpiArg} dpi`);
