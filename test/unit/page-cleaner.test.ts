import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { linePitch } from '../../adapters/page-lines.js';
import { findPageQuad, straighten } from '../../adapters/page-quad.js';
import { readPnm, SharpPageCleaner } from '../../adapters/sharp-page-cleaner.js';

// Synthetic pages drawn with SVG (no fonts): "lines of text" are black bars, a seal is a red ring,
// a pen stroke a blue curve, a desk a brown field around a white quadrilateral.
const W = 600;
const H = 850;
const bars = (pitch: number, x0 = 60) =>
  Array.from({ length: Math.floor((H - 120) / pitch) }, (_, i) => {
    const w = 300 + ((i * 97) % 180);
    return `<rect x="${x0}" y="${60 + i * pitch}" width="${w}" height="${Math.round(pitch * 0.45)}" fill="#111"/>`;
  }).join('');
const svgPage = (inner: string, bg = 'white') =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
      `<rect width="100%" height="100%" fill="${bg}"/>${inner}</svg>`,
  );
const jpeg = (svg: Buffer) => sharp(svg).jpeg({ quality: 92 }).toBuffer();

async function cleaned(image: Buffer) {
  const page = await new SharpPageCleaner().clean({ page: 1, image });
  const pnm = readPnm(page.image.image)!;
  return { page, pnm };
}
const at = (p: { raw: Buffer; width: number }, x: number, y: number) => p.raw[y * p.width + x]!;

describe('page cleaning with sharp', () => {
  it('takes out a red seal and a blue pen stroke and keeps black ink', async () => {
    const seal =
      '<circle cx="300" cy="600" r="90" fill="none" stroke="rgb(206,38,48)" stroke-width="14"/>';
    const pen =
      '<path d="M150 400 C 250 300, 350 500, 450 380" fill="none" stroke="rgb(28,52,168)" stroke-width="8"/>';
    const { page, pnm } = await cleaned(await jpeg(svgPage(bars(40) + seal + pen)));
    expect(page.measures.colour).toBe(true);
    expect(at(pnm, 300 + 90, 600)).toBeGreaterThan(200); // on the ring, right of its centre
    expect(at(pnm, 70, 65)).toBeLessThan(60); // inside the first bar
  });

  it('reads a transparent background as paper, in colour or grey, whatever colour it hides', async () => {
    // A screenshot's PNG: ink opaque, the background transparent over any colour (often black).
    const hidden = ['rgba(0,0,0,0)', 'rgba(255,255,255,0)', 'rgba(200,30,30,0)'];
    for (const bg of hidden) {
      for (const channels of ['srgb', 'b-w'] as const) {
        const png = await sharp(svgPage(bars(40), bg))
          .toColourspace(channels)
          .ensureAlpha()
          .png()
          .toBuffer();
        const { pnm } = await cleaned(png);
        expect(at(pnm, 70, 65), `${bg} ${channels}: ink`).toBeLessThan(60);
        expect(at(pnm, 550, 800), `${bg} ${channels}: paper`).toBeGreaterThan(200);
      }
    }
  });

  it('finds the period of lines of text (property: any pitch from 20 to 90 pixels)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 90 }),
        fc.integer({ min: 0, max: 9 }),
        (pitch, phase) => {
          const rows = new Uint8Array(3000).map((_, y) =>
            (y + phase) % pitch < pitch * 0.45 ? 160 : 2,
          );
          expect(Math.abs(linePitch([rows])! - pitch)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds a page photographed on a desk and straightens it to the page shape', async () => {
    const quad = [
      { x: 70, y: 60 },
      { x: 540, y: 90 },
      { x: 520, y: 800 },
      { x: 50, y: 770 },
    ];
    const poly = `<polygon points="${quad.map((p) => `${p.x},${p.y}`).join(' ')}" fill="rgb(235,235,230)"/>`;
    const image = await jpeg(svgPage(poly, 'rgb(120,85,55)'));
    const { data, info } = await sharp(image)
      .resize(256)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const n = info.width * info.height;
    const lum = new Uint8Array(n);
    const sat = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [data[3 * i]!, data[3 * i + 1]!, data[3 * i + 2]!];
      lum[i] = (r * 299 + g * 587 + b * 114) / 1000;
      sat[i] = Math.max(r, g, b) - Math.min(r, g, b);
    }
    const found = findPageQuad(lum, sat, info.width, info.height)!;
    const k = W / info.width;
    found.forEach((p, i) => {
      expect(Math.abs(p.x * k - quad[i]!.x)).toBeLessThan(12);
      expect(Math.abs(p.y * k - quad[i]!.y)).toBeLessThan(12);
    });
    const flat = straighten(
      new Uint8Array(W * H).fill(200),
      W,
      H,
      found.map((p) => ({ x: p.x * k, y: p.y * k })) as typeof found,
    );
    expect(flat.height / flat.width).toBeGreaterThan(1.4);
    const { page } = await cleaned(image);
    expect(page.measures.pageFound).toBe(true);
    expect(page.straightened).toBe(true);
  });

  it('leaves no sliver of desk along the edges of a straightened photo (property over page corners)', async () => {
    // The desk showing at an edge was read as a "|" before every line, and headings were lost.
    const corner = fc.record({
      x: fc.integer({ min: 30, max: 80 }),
      y: fc.integer({ min: 30, max: 80 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.tuple(corner, corner, corner, corner), async ([a, b, c, d]) => {
        const quad = [
          { x: a.x, y: a.y },
          { x: W - b.x, y: b.y },
          { x: W - c.x, y: H - c.y },
          { x: d.x, y: H - d.y },
        ];
        const poly = `<polygon points="${quad.map((p) => `${p.x},${p.y}`).join(' ')}" fill="rgb(235,235,230)"/>`;
        const text = '<rect x="200" y="300" width="200" height="14" fill="#111"/>';
        const { page, pnm } = await cleaned(await jpeg(svgPage(poly + text, 'rgb(120,85,55)')));
        expect(page.straightened).toBe(true);
        const mx = Math.round(pnm.width * 0.03);
        const my = Math.round(pnm.height * 0.03);
        for (let y = 0; y < pnm.height; y++)
          for (const x of [0, mx - 1, pnm.width - mx, pnm.width - 1])
            expect(at(pnm, x, y)).toBeGreaterThan(180);
        for (const y of [0, my - 1, pnm.height - my, pnm.height - 1])
          for (let x = 0; x < pnm.width; x += 7) expect(at(pnm, x, y)).toBeGreaterThan(180);
        let ink = 0;
        for (const v of pnm.raw) if (v < 80) ink++;
        expect(ink).toBeGreaterThan(500); // the text bar is still there
      }),
      { numRuns: 8 },
    );
  });

  it("measures uneven light (a fold's shadow) and leaves an evenly lit page at its size", async () => {
    const fold =
      '<defs><linearGradient id="f"><stop offset="0" stop-color="#fff"/>' +
      '<stop offset="0.5" stop-color="#555"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>';
    const shaded = await cleaned(
      await jpeg(svgPage(`${fold}<rect width="100%" height="100%" fill="url(#f)"/>${bars(40)}`)),
    );
    expect(shaded.page.measures.unevenLight).toBeGreaterThan(0.4);
    const even = await cleaned(await jpeg(svgPage(bars(40))));
    expect(even.page.measures.unevenLight).toBeLessThan(0.1);
    expect(even.page.measures.xHeight).toBe(16);
    expect(even.page.scale).toBe(1);
  });

  it('lights a shadowed page evenly: paper white and ink dark under any shadow (property)', async () => {
    const pitch = 40;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 120, max: 330 }),
        fc.integer({ min: 220, max: 620 }),
        fc.integer({ min: 110, max: 220 }),
        fc.double({ min: 0.3, max: 0.65, noNaN: true }),
        async (cx, cy, r, dark) => {
          // The phone's shadow: a soft grey ellipse multiplied over the page, as light does.
          const grey = Math.round(255 * (1 - dark));
          const shadow = Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
              '<filter id="b"><feGaussianBlur stdDeviation="12"/></filter>' +
              `<rect width="100%" height="100%" fill="white"/><ellipse cx="${cx}" cy="${cy}" ` +
              `rx="${r}" ry="${r * 1.3}" fill="rgb(${grey},${grey},${grey})" filter="url(#b)"/></svg>`,
          );
          const page = await sharp(svgPage(bars(pitch)))
            .composite([{ input: await sharp(shadow).png().toBuffer(), blend: 'multiply' }])
            .jpeg({ quality: 90 })
            .toBuffer();
          const { pnm } = await cleaned(page);
          // The bar nearest the shadow's centre, its ink and the paper under it.
          const row = Math.max(0, Math.min(17, Math.round((cy - 60) / pitch)));
          const top = 60 + row * pitch;
          expect(at(pnm, cx, top + Math.round(pitch * 0.2)), 'ink').toBeLessThan(100);
          expect(at(pnm, cx, top + Math.round(pitch * 0.75)), 'paper').toBeGreaterThan(200);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("joins a dot-matrix printer's dots into strokes, whatever their pitch (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 5 }), async (pitch) => {
        // Bars printed in dots: ink only where the printer's pins strike, paper between them.
        const r = Math.max(1, Math.round(pitch / 3));
        const dots =
          `<defs><pattern id="d" width="${pitch}" height="${pitch}" patternUnits="userSpaceOnUse">` +
          `<circle cx="${pitch / 2}" cy="${pitch / 2}" r="${r}" fill="#111"/></pattern>` +
          '<mask id="m"><rect width="100%" height="100%" fill="black"/>' +
          `${bars(40).replaceAll('#111', 'white')}</mask></defs>` +
          '<rect width="100%" height="100%" fill="url(#d)" mask="url(#m)"/>';
        const { pnm } = await cleaned(await sharp(svgPage(dots)).png().toBuffer());
        // Along the first bar's middle row the ink runs on: a stroke, not dots with paper between.
        let [inked, all] = [0, 0];
        for (let x = 70; x < 340; x++, all++) if (at(pnm, x, 60 + 9) < 128) inked++;
        expect(inked / all).toBeGreaterThan(0.9);
        // The paper between two bars stays paper.
        expect(at(pnm, 200, 60 + 30)).toBeGreaterThan(200);
      }),
      { numRuns: 6 },
    );
  });

  it('enlarges small text to the x-height Tesseract reads, at most 1.5 times', async () => {
    const small = await cleaned(await jpeg(svgPage(bars(20))));
    expect(small.page.measures.xHeight).toBe(8);
    expect(small.page.scale).toBe(1.5);
    expect(small.pnm.width).toBe(900);
  });
});
