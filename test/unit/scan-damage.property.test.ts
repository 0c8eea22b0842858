import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { scanEngine } from '../../adapters/scan-engine.js';
import { readDocument } from '../../shared/ocr/read-document.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';

// The real engine as tonghop runs it (pages cleaned with sharp, header and signature read twice,
// tesseract.js with the model from npm) on the phone-photo fixture damaged at random with sharp
// alone (CI has no ImageMagick): a skew, a red seal over the signer, dot-matrix print, the phone's
// shadow, the page as one side of a two-page scan with the fold's shadow, a wood-coloured desk
// around the page, blur, a washed-out contrast, JPEG at low quality. Whatever the damage, no field may
// be read wrong: null (with its reason) is allowed, another value never.
const context = { registry: registry2025(), provinceCode: '40' };
const typed = readReport(readFileSync(fixturePath('scans/xa-con-cuong.txt'), 'utf8'), context);
const photo = readFileSync(fixturePath('scans/xa-con-cuong-anh.jpg'));
const ocr = scanEngine({ workers: 1 });
afterAll(() => ocr.close());

const damage = fc.record({
  angle: fc.double({ min: -2, max: 2, noNaN: true }),
  seal: fc.option(
    fc.record({ x: fc.double({ min: 0.45, max: 0.75 }), y: fc.double({ min: 0.72, max: 0.88 }) }),
  ),
  shadow: fc.option(
    fc.record({
      x: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      y: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
      r: fc.double({ min: 0.15, max: 0.35, noNaN: true }),
      dark: fc.double({ min: 0.3, max: 0.6, noNaN: true }),
    }),
  ),
  spread: fc.option(fc.double({ min: 0.2, max: 0.7, noNaN: true })),
  dots: fc.option(fc.integer({ min: 3, max: 4 })),
  desk: fc.option(fc.integer({ min: 40, max: 140 })),
  blur: fc.option(fc.double({ min: 0.3, max: 1 })),
  contrast: fc.double({ min: 0.55, max: 1, noNaN: true }),
  quality: fc.integer({ min: 20, max: 80 }),
});
type Damage = typeof damage extends fc.Arbitrary<infer D> ? D : never;

async function damaged(d: Damage): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  let img = sharp(photo).toColourspace('srgb');
  if (d.seal) {
    const [cx, cy, r] = [d.seal.x * width, d.seal.y * height, width * 0.09];
    const ring =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="rgb(206,38,48)" stroke-width="${r / 9}"/>` +
      `<circle cx="${cx}" cy="${cy}" r="${r * 0.7}" fill="none" stroke="rgb(206,38,48)" ` +
      `stroke-width="${r / 20}"/></svg>`;
    img = sharp(await img.composite([{ input: Buffer.from(ring), blend: 'multiply' }]).toBuffer());
  }
  if (d.dots) img = sharp(await inDots(img, width, height, d.dots));
  if (d.shadow) img = sharp(await withShadow(img, width, height, d.shadow));
  if (d.spread) img = sharp(await asSpread(img, width, height, d.spread));
  img = img.rotate(d.angle, { background: '#ffffff' });
  if (d.desk)
    img = img.extend({
      top: d.desk,
      bottom: d.desk,
      left: d.desk,
      right: d.desk,
      background: '#8a6040',
    });
  if (d.blur) img = img.blur(d.blur);
  const offset = 255 * (1 - d.contrast) * 0.6;
  return img.linear(d.contrast, offset).jpeg({ quality: d.quality }).toBuffer();
}

/** Printed by a dot-matrix printer: ink only where its pins strike, a dot every `pitch` pixels. */
async function inDots(img: sharp.Sharp, width: number, height: number, pitch: number) {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>` +
    `<pattern id="d" width="${pitch}" height="${pitch}" patternUnits="userSpaceOnUse">` +
    `<rect width="${pitch}" height="${pitch}" fill="white"/><circle cx="${pitch / 2}" ` +
    `cy="${pitch / 2}" r="${Math.max(1, Math.round(pitch / 3))}" fill="black"/></pattern></defs>` +
    '<rect width="100%" height="100%" fill="url(#d)"/></svg>';
  return img.composite([{ input: Buffer.from(svg), blend: 'lighten' }]).toBuffer();
}

/** The phone's soft shadow over part of the page, as light multiplies it. */
async function withShadow(
  img: sharp.Sharp,
  width: number,
  height: number,
  s: NonNullable<Damage['shadow']>,
): Promise<Buffer> {
  const grey = Math.round(255 * (1 - s.dark));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<filter id="b"><feGaussianBlur stdDeviation="${width / 40}"/></filter>` +
    `<rect width="100%" height="100%" fill="white"/><ellipse cx="${s.x * width}" cy="${s.y * height}" ` +
    `rx="${s.r * width}" ry="${s.r * 1.4 * height}" fill="rgb(${grey},${grey},${grey})" filter="url(#b)"/></svg>`;
  return img.composite([{ input: Buffer.from(svg), blend: 'multiply' }]).toBuffer();
}

/** The page as the left of a two-page scan, a blank page right of it and the fold's shadow between. */
async function asSpread(img: sharp.Sharp, width: number, height: number, fold: number) {
  const grey = Math.round(255 * (1 - fold));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width}" height="${height}">` +
    '<defs><linearGradient id="f"><stop offset="0" stop-color="#fff"/>' +
    `<stop offset="0.5" stop-color="rgb(${grey},${grey},${grey})"/><stop offset="1" stop-color="#fff"/>` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="white"/><rect x="${width * 0.9}" ` +
    `width="${width * 0.2}" height="100%" fill="url(#f)"/></svg>`;
  const wide = await img.extend({ right: width, background: '#ffffff' }).png().toBuffer();
  return sharp(wide)
    .composite([{ input: Buffer.from(svg), blend: 'multiply' }])
    .toBuffer();
}

/** The fields read that differ from the typed report's (null is not a difference). */
function wrongValues(r: Report): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['number', r.number, typed.number],
    ['issuedOn', r.issuedOn, typed.issuedOn],
    ['issuer.name', r.issuer.name, typed.issuer.name],
    ['title', r.title, typed.title],
    ['signer.name', r.signer.name, typed.signer.name],
    ['signer.title', r.signer.title, typed.signer.title],
  ];
  const wrong = pairs
    .filter(([, got, want]) => got !== null && got !== want)
    .map(([f, got]) => `${f}: ${got}`);
  const values = new Set(typed.indicators.map((i) => i.value));
  for (const i of r.indicators)
    if (!values.has(i.value)) wrong.push(`indicator ${i.label}: ${i.value}`);
  return wrong;
}

describe('scans under random damage, read by the real engine', () => {
  it('never give a wrong value (property; null with a reason is allowed)', {
    timeout: 600_000,
  }, async () => {
    expect(typed.number).not.toBeNull();
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const { report } = await readDocument('anh.jpg', await damaged(d), context, ocr);
        expect(wrongValues(report)).toEqual([]);
        // Every field left out says why, in Vietnamese.
        for (const field of ['number', 'issuedOn', 'title'] as const)
          if (report[field] === null && typed[field] !== null)
            expect(report.diagnostics.some((x) => x.field === field || x.field === 'header')).toBe(
              true,
            );
      }),
      // Each run is a page of real OCR: few runs, and no shrinking (each step would be another).
      // CI reads a fixed sample (seed 27, the number, set before it was first run) so that
      // a red run names its case; a hunt explores: SCAN_SEED=random SCAN_RUNS=40 npx vitest run …
      // (the last hunt's open case, a dot-matrix page under a shadow: docs/reading.md).
      {
        numRuns: Number(process.env.SCAN_RUNS ?? 3),
        endOnFailure: true,
        ...(process.env.SCAN_SEED === 'random'
          ? {}
          : { seed: Number(process.env.SCAN_SEED ?? 27) }),
      },
    );
  });
});
