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
  // What offices send that no rule was written on (issue 27's fourth round), one at a time (drawn
  // together on one page, nothing was legible and each case cost four readings): a stamp across
  // the header, a photocopy of a photocopy, the other side showing through, a faint thermal fax, a
  // finger over an edge, a photo shrunk by a messaging app (Zalo).
  office: fc.option(fc.constantFrom('stamp', 'copy', 'bleed', 'thermal', 'finger', 'app')),
  stamp: fc.record({
    x: fc.double({ min: 0.1, max: 0.55, noNaN: true }),
    y: fc.double({ min: 0.05, max: 0.16, noNaN: true }),
    tilt: fc.double({ min: -18, max: 18, noNaN: true }),
    ink: fc.constantFrom('rgb(200,40,52)', 'rgb(86,58,170)', 'rgb(90,90,90)'),
    text: fc.constantFrom('SAO Y BẢN CHÍNH', 'ĐÃ KÝ', 'ĐẾN Số: 1234 Ngày: 12/6/2026'),
  }),
  copy: fc.record({
    grey: fc.double({ min: 0.72, max: 0.9, noNaN: true }),
    streaks: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  bleed: fc.double({ min: 0.12, max: 0.35, noNaN: true }),
  thermal: fc.double({ min: 0.35, max: 0.6, noNaN: true }),
  finger: fc.record({ y: fc.double({ min: 0.3, max: 0.9, noNaN: true }), left: fc.boolean() }),
  app: fc.integer({ min: 900, max: 1280 }),
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
  img = sharp(await officeMarks(img, width, height, d));
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
  img = img.linear(d.contrast, offset);
  // A messaging app shrinks the photo (its chroma halved by 4:2:0, sharp's default).
  if (d.office === 'app') img = sharp(await img.png().toBuffer()).resize({ width: d.app });
  return img.jpeg({ quality: d.quality }).toBuffer();
}

const svgOf = (width: number, height: number, inner: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${inner}</svg>`,
  );

/** The paper's marks: the other side's print, a stamp over the header, a copier's grey and streaks, a finger. */
async function officeMarks(img: sharp.Sharp, width: number, height: number, d: Damage) {
  const layers: sharp.OverlayOptions[] = [];
  if (d.office === 'bleed') {
    const back = await sharp(photo)
      .flop()
      .linear(d.bleed, 255 * (1 - d.bleed))
      .toColourspace('srgb')
      .toBuffer();
    layers.push({ input: back, blend: 'multiply' });
  }
  if (d.office === 'stamp') {
    const { x, y, tilt, ink, text } = d.stamp;
    const [cx, cy, size] = [x * width, y * height, width * 0.028];
    const w = text.length * size * 0.7;
    layers.push({
      input: svgOf(
        width,
        height,
        `<g transform="rotate(${tilt} ${cx} ${cy})" stroke="${ink}" fill="none" stroke-width="${size / 8}">` +
          `<rect x="${cx - w / 2}" y="${cy - size}" width="${w}" height="${size * 2}"/>` +
          `<text x="${cx}" y="${cy + size / 3}" text-anchor="middle" font-family="sans-serif" font-weight="bold" ` +
          `font-size="${size}" fill="${ink}" stroke="none">${text}</text></g>`,
      ),
      blend: 'multiply',
    });
  }
  if (d.office === 'copy') {
    const streaks = d.copy.streaks.map(
      (sx, i) =>
        `<rect x="${sx * width}" y="${i * 0.03 * height}" width="${2 + i}" height="${height}" fill="#555"/>`,
    );
    const grey = Math.round(255 * d.copy.grey);
    const paper = `<rect width="100%" height="100%" fill="rgb(${grey},${grey},${grey})"/>`;
    layers.push({ input: svgOf(width, height, paper + streaks.join('')), blend: 'multiply' });
  }
  if (d.office === 'finger') {
    const cx = d.finger.left ? 0 : width;
    const finger =
      `<ellipse cx="${cx}" cy="${d.finger.y * height}" rx="${width * 0.14}" ry="${width * 0.045}" ` +
      'fill="rgb(205,150,118)"/>';
    layers.push({ input: svgOf(width, height, finger), blend: 'over' });
  }
  let out = await img.composite(layers).toBuffer();
  if (d.office === 'thermal') {
    // A thermal fax: half the scan lines, ink only as dark as the paper's heat turned it.
    const faint = await sharp(out)
      .resize({ height: Math.round(height / 2), width, fit: 'fill' })
      .toBuffer();
    out = await sharp(faint)
      .resize({ height, width, fit: 'fill', kernel: 'nearest' })
      .linear(d.thermal, 255 * (1 - d.thermal) * 0.95)
      .toBuffer();
  }
  return out;
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
