import type SharpModule from 'sharp';
import type { Box, PageImage } from '../shared/ports/ocr-engine.js';
import type {
  CleanPage,
  CleanPart,
  PageCleaner,
  PageMeasures,
} from '../shared/ports/page-cleaner.js';
import { damagedImage } from './image-problem.js';
import { measureXHeight } from './page-lines.js';
import { findPageQuad, straighten } from './page-quad.js';
import { spreadGutter } from './page-spread.js';

/**
 * Text whose lower-case letters stand fewer pixels than this is enlarged to TARGET_X_HEIGHT
 * (Tesseract's documentation: below 10 pixels there is little chance, accuracy falls below 20).
 * Measured on the damaged kinds (scripts/scan-set.ts hard): 1-bit 200 dpi fax pages (x-height
 * 16) read 28 of 29 fields at their own size, so only smaller text is enlarged, at most 1.5×:
 * Tesseract's time grows with the pixels.
 */
export const SMALL_X_HEIGHT = 12;
export const TARGET_X_HEIGHT = 16;
const MAX_SCALE = 1.5;
/** More than this share of specks (pixels a 3×3 median turns) and the page is despeckled first. */
const SPECKLE = 0.004;
/**
 * A page whose ink grows by more than this share when the gaps between its dark pixels are closed
 * is printed in dots (a dot-matrix printer): measured 1.35–1.7 on such pages, 1.02–1.08 on
 * typed scans, faxes with specks and photos.
 */
const DOTTED = 1.2;
/** Ink whose closing adds less than this share reads as strokes (fax, grey scans, photos: 2–8 %). */
const JOINED = 1.1;
/** Pages are measured on a picture this wide: enough for lines of text, cheap to look at. */
const SMALL = 256;
/** The most pixels a page may have: a 600 dpi A3 page; larger is refused before decoding. */
const MAX_PIXELS = 7100 * 10100;

interface Grey {
  pixels: Buffer;
  width: number;
  height: number;
}

let sharp: typeof SharpModule;

/**
 * sharp, loaded on first use rather than with this module: its native build (libvips) is a
 * package of its own per platform, and where it is missing the OCR function still reads pages
 * uncleaned (adapters/scan-engine.ts) instead of failing to start.
 */
export async function loadSharp(): Promise<typeof SharpModule> {
  sharp ??= (await import('sharp')).default;
  return sharp;
}

/** A PGM or PPM's pixels, read here because sharp's build of libvips has no PNM loader. */
export function readPnm(
  bytes: Uint8Array,
): { raw: Buffer; width: number; height: number; channels: 1 | 3 } | null {
  const head = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(
    Buffer.from(bytes.subarray(0, 40)).toString('latin1'),
  );
  if (!head) return null;
  const [width, height, channels] = [
    Number(head[2]),
    Number(head[3]),
    head[1] === '6' ? 3 : 1,
  ] as const;
  const raw = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + head[0].length,
    width * height * channels,
  );
  return { raw, width, height, channels };
}

/** The page's pixels, decoded once (EXIF orientation and the asked turn applied). */
async function decode(page: PageImage): Promise<{ data: Buffer; info: SharpModule.OutputInfo }> {
  const pnm = readPnm(page.image);
  const input = pnm
    ? sharp(pnm.raw, { raw: { width: pnm.width, height: pnm.height, channels: pnm.channels } })
    : // A transparent background (a screenshot, an exported PNG) is paper: laid on white before
      // anything else, else its transparent pixels read as the black their colour channels hold.
      sharp(page.image, { failOn: 'none', limitInputPixels: MAX_PIXELS })
        .autoOrient()
        .flatten({ background: '#ffffff' });
  return (page.turn ? input.rotate(page.turn) : input).raw().toBuffer({ resolveWithObject: true });
}

/**
 * The image's pixels as one grey channel. sharp runs a pipeline's steps in its own order (a
 * channel is extracted before a composite or a band operation), and hands those back in RGB(A):
 * each such step is its own pipeline, and its first channel is taken here.
 */
async function greyOf(img: SharpModule.Sharp): Promise<Grey> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const pixels =
    info.channels === 1
      ? data
      : await sharp(data, { raw: info }).extractChannel(0).raw().toBuffer();
  return { pixels, width: info.width, height: info.height };
}
const rawInput = (g: Grey) =>
  sharp(g.pixels, { raw: { width: g.width, height: g.height, channels: 1 } });

/**
 * Colour dropout: each pixel as light as its lightest channel (bitwise "or" of the channels, which
 * sharp computes and which is never below that), so black ink stays black while the red of a seal
 * and the blue of a pen turn as light as paper. Grey pages are as they are.
 */
async function dropColour(img: SharpModule.Sharp, channels: number): Promise<Grey> {
  if (channels < 3) return greyOf(img.extractChannel(0));
  return greyOf(img.removeAlpha().bandbool('or'));
}

/** A small colour picture of the page: light and greyness of each pixel. */
async function smallPicture(img: SharpModule.Sharp) {
  const small = await img.removeAlpha().resize(SMALL).raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = small.info;
  const n = width * height;
  const lum = new Uint8Array(n);
  const sat = new Uint8Array(n);
  let coloured = 0;
  for (let i = 0; i < n; i++) {
    const [r = 0, g = r, b = r] = small.data.subarray(i * channels, i * channels + 3);
    lum[i] = (r * 299 + g * 587 + b * 114) / 1000;
    sat[i] = Math.max(r, g, b) - Math.min(r, g, b);
    if (sat[i]! > 80) coloured++;
  }
  return { lum, sat, width, height, coloured: coloured > 20 };
}

/** The page found in a photo and straightened; null when no page stands out from a desk. */
function pageOfPhoto(small: Awaited<ReturnType<typeof smallPicture>>, grey: Grey): Grey | null {
  const quad = findPageQuad(small.lum, small.sat, small.width, small.height);
  if (!quad) return null;
  const k = grey.width / small.width;
  const big = quad.map((p) => ({ x: p.x * k, y: p.y * k })) as typeof quad;
  const s = straighten(grey.pixels, grey.width, grey.height, big);
  const pixels = Buffer.from(s.pixels.buffer, s.pixels.byteOffset, s.pixels.length);
  return { width: s.width, height: s.height, pixels };
}

/**
 * The outer edge of a straightened photo painted as paper. The page's corners are found on a
 * picture 256 pixels wide, so its edges may keep a sliver of desk a few pixels wide, which
 * Tesseract reads as a "|" before every line (a heading then no longer starts its line, and whole
 * sections were lost). A report's margins hold no text (Nghị định 30/2020: at least 15 mm of 210,
 * 7 %), so the outer 3 % is only ever paper or desk.
 */
const EDGE_SHARE = 0.03;

async function withoutEdges(g: Grey): Promise<Grey> {
  const mx = Math.round(g.width * EDGE_SHARE);
  const my = Math.round(g.height * EDGE_SHARE);
  if (g.width - 2 * mx < 8 || g.height - 2 * my < 8) return g;
  const inner = { left: mx, top: my, width: g.width - 2 * mx, height: g.height - 2 * my };
  // The paper's own brightness: the lighter of the page's pixels (text is dark and thin).
  const { channels } = await rawInput(g).extract(inner).stats();
  const paper = Math.round(Math.min(255, channels[0]!.mean + channels[0]!.stdev));
  const background = { r: paper, g: paper, b: paper };
  const edge = { top: my, bottom: my, left: mx, right: mx, background };
  return greyOf(rawInput(g).extract(inner).extend(edge));
}

/**
 * Paper whose light varies less than this (darkest against lightest) is evenly lit: one Otsu
 * threshold parts ink from paper all over it, and dividing by its light, which costs about a
 * CPU-second on a 300 dpi page, changes nothing that matters (measured 0.01–0.03 on flatbed
 * scans; 0.4–0.7 under a phone's shadow or a spread's fold).
 */
const EVEN_LIGHT = 0.15;
/** The paper's light is estimated on a picture this much smaller than the page (text is thin on it). */
const PAPER_SHRINK = 16;

/**
 * The paper's own brightness at every point, without the text: a small copy of the page taken
 * pixel by pixel (nearest, so that a letter is a few dark pixels and not a grey smear), its text
 * taken out by a 7×7 median (a few lines of text are less than half of any window), smoothed.
 */
async function paperLight(g: Grey): Promise<Grey> {
  const w = Math.max(8, Math.round(g.width / PAPER_SHRINK));
  return greyOf(rawInput(g).resize(w, null, { kernel: 'nearest' }).median(7).blur(1.5));
}

/** How unevenly the paper is lit, 0–1: 1 − darkest / lightest paper brightness. */
function unevenness(paper: Grey): number {
  let [min, max] = [255, 0];
  for (const v of paper.pixels) [min, max] = [Math.min(min, v), Math.max(max, v)];
  return max > 0 ? 1 - min / max : 0;
}

/**
 * The page as if evenly lit: each pixel divided by the paper's brightness there (sharp's
 * colour-dodge of the paper's negative computes page / paper). A shadow of the phone, the fold of a
 * spread, a photo's side light darken paper and ink alike, so Tesseract's one Otsu threshold for the
 * whole page turned the shadowed paper black and its text was lost; divided, the shadowed paper is
 * as white as the rest and its ink as dark as elsewhere. An evenly lit page is only stretched to
 * white paper.
 */
async function flattenLight(g: Grey, paper: Grey): Promise<Grey> {
  const negative = await rawInput(paper)
    .resize(g.width, g.height, { fit: 'fill', kernel: 'cubic' })
    .negate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = negative.info;
  return greyOf(rawInput(g).composite([{ input: negative.data, raw, blend: 'colour-dodge' }]));
}

/** A quarter of the page at its centre, where text is sure to be, for what full pages cost. */
const centre = (g: Grey) =>
  rawInput(g).extract({
    left: Math.round(g.width / 4),
    top: Math.round(g.height / 4),
    width: Math.round(g.width / 2),
    height: Math.round(g.height / 2),
  });

/**
 * How much ink closing the gaps between dark pixels adds (sharp's dilate then erode, one pixel, on
 * the picture thresholded at half the paper's light): strokes gain only at their corners, ink
 * made of separate dots (a dot-matrix printer's) fills the gaps between them.
 */
async function closingGain(part: Grey): Promise<number> {
  const ink = await greyOf(rawInput(part).threshold(128));
  const grown = await greyOf(rawInput(ink).dilate(1));
  const closed = await greyOf(rawInput(grown).erode(1));
  let [before, after] = [0, 0];
  for (let i = 0; i < ink.pixels.length; i++) {
    if (ink.pixels[i]! < 128) before++;
    if (closed.pixels[i]! < 128) after++;
  }
  return before ? after / before : 1;
}

/** Blurs tried, in pixels, to join a dot-matrix printer's dots: the smallest that makes strokes. */
const DOT_BLURS = [1, 1.5, 2, 2.5, 3];

/**
 * A dotted page with its dots joined into strokes: blurred (then its contrast stretched back, as
 * a blur greys thin ink) by the smallest of DOT_BLURS after which the ink reads as strokes.
 */
async function joinDots(g: Grey, middle: Grey): Promise<Grey> {
  const soften = async (img: Grey, sigma: number) =>
    greyOf(rawInput(await greyOf(rawInput(img).blur(sigma))).normalise());
  // Tried on the page's centre (a quarter of its pixels), the one chosen applied to the page.
  let sigma = DOT_BLURS.at(-1)!;
  for (const s of DOT_BLURS)
    if ((await closingGain(await soften(middle, s))) < JOINED) {
      sigma = s;
      break;
    }
  return soften(g, sigma);
}

/** The share of pixels a 3×3 median turns from ink to paper or back, at the page's centre: specks. */
async function speckleShare(g: Grey): Promise<number> {
  const part = await greyOf(centre(g));
  const clean = await greyOf(rawInput(part).median(3));
  let changed = 0;
  for (let i = 0; i < part.pixels.length; i++)
    if (part.pixels[i]! < 128 !== clean.pixels[i]! < 128) changed++;
  return changed / part.pixels.length;
}

const pgm = (g: Grey): Uint8Array =>
  Buffer.concat([Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, 'latin1'), g.pixels]);

/**
 * Cleans a page with sharp by what the page itself shows: colour ink out (a red seal, a blue pen);
 * a photographed page found on the desk and straightened; the light made even (a shadow, a fold);
 * specks removed when there are many; small text enlarged. Binarisation stays Tesseract's own
 * Otsu, which read the damaged kinds better than its adaptive one (a desk photo: 98 % of letters
 * in syllables against 75 %, at four times the CPU) once the light is even.
 */
export class SharpPageCleaner implements PageCleaner {
  async clean(page: PageImage): Promise<CleanPage> {
    await loadSharp();
    // Only the uploaded bytes can fail to decode here: that is the file's problem, never the process's.
    const { data, info } = await decode(page).catch((e: unknown) => {
      throw damagedImage(page.page, String((e as Error)?.message ?? e));
    });
    const img = () => sharp(data, { raw: info });
    let grey = await dropColour(img(), info.channels);
    const small = info.channels >= 3 ? await smallPicture(img()) : null;
    const photo = small && !page.dpi ? pageOfPhoto(small, grey) : null;
    if (photo) grey = photo;
    const bilevel = await isBilevel(grey);
    const paper = bilevel ? null : await paperLight(grey);
    if (paper && unevenness(paper) > EVEN_LIGHT) grey = await flattenLight(grey, paper);
    if (photo) grey = await withoutEdges(grey);
    const speckle = await speckleShare(grey);
    // Dots are joined, never taken out as specks: a median erased a dot-matrix page's text.
    const middle = await greyOf(centre(grey));
    const dotted = (await closingGain(middle)) > DOTTED;
    if (dotted) grey = await joinDots(grey, middle);
    else if (speckle > SPECKLE) grey = await greyOf(rawInput(grey).median(3));
    const xHeight = measureXHeight(grey.pixels, grey.width);
    const scale =
      xHeight && xHeight < SMALL_X_HEIGHT ? Math.min(MAX_SCALE, TARGET_X_HEIGHT / xHeight) : 1;
    if (scale > 1) grey = await greyOf(rawInput(grey).resize(Math.round(grey.width * scale)));
    const spread = await spreadPages(grey);
    const measures: PageMeasures = {
      colour: small?.coloured ?? false,
      bilevel,
      xHeight,
      unevenLight: paper ? unevenness(paper) : 0,
      speckle,
      pageFound: photo !== null,
      spread: spread !== null,
    };
    const dpi = page.dpi ? { dpi: page.dpi * scale } : {};
    const partOf = (g: Grey): CleanPart => ({
      image: { page: page.page, image: pgm(g), ...dpi },
      left: 0,
      crop: (box: Box) => cropPng(g, box),
      cut: (box: Box, deskew?: number) => cutStraight(g, box, deskew ?? 0),
    });
    const parts = spread?.map((p) => ({ ...partOf(p.grey), left: p.left }));
    return {
      ...partOf(grey),
      scale: photo ? 1 : scale,
      straightened: photo !== null,
      measures,
      ...(parts ? { parts } : {}),
    };
  }
}

/** The spread's ink is looked at in cells this many pixels square: a line of text spans two. */
const CELL = 8;

/**
 * The pages of a two-page spread, in reading order, with where each begins on the image: a
 * landscape image cut at its gutter (page-spread.ts), pages without text left out. Null when the
 * image is no spread: Tesseract reads a spread as one block, line by line across both pages, and
 * ran the right page's signer into the left page's title.
 */
async function spreadPages(g: Grey): Promise<{ left: number; grey: Grey }[] | null> {
  if (g.width <= g.height) return null;
  const ink = await greyOf(rawInput(g).threshold(128).negate());
  const [cols, rows] = [Math.round(g.width / CELL), Math.round(g.height / CELL)];
  const grid = await greyOf(rawInput(ink).resize(cols, rows, { fit: 'fill' }));
  const gutter = spreadGutter(grid.pixels, cols, rows);
  if (!gutter) return null;
  const cut = Math.round((gutter.at * g.width) / cols);
  const halves = [
    { left: 0, width: cut, text: gutter.left },
    { left: cut, width: g.width - cut, text: gutter.right },
  ].filter((h) => h.text);
  return Promise.all(
    halves.map(async ({ left, width }) => ({
      left,
      grey: await greyOf(rawInput(g).extract({ left, top: 0, width, height: g.height })),
    })),
  );
}

/** A box of the page with a margin of half its height (`share` of it above and below), within the page. */
function marginBox(g: Grey, box: Box, share = 0.5) {
  const margin = Math.round(Math.max(4, (box.y1 - box.y0) / 2));
  const high = Math.round(Math.max(3, (box.y1 - box.y0) * share));
  const left = Math.max(0, Math.floor(box.x0) - margin);
  const top = Math.max(0, Math.floor(box.y0) - high);
  const right = Math.min(g.width, Math.ceil(box.x1) + margin);
  const bottom = Math.min(g.height, Math.ceil(box.y1) + high);
  if (right - left < 2 || bottom - top < 2) throw new Error(`empty crop ${JSON.stringify(box)}`);
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Above and below a line cut to be read again, this share of its height: its box hugs its ink and
 * the cut is level, so little is needed; half a height took in half of the lines above and below
 * on a tightly set page, and Tesseract, reading one line, then read nothing.
 */
const CUT_MARGIN = 0.2;

/**
 * A box of the page as the engine straightened it (turned by `deskew` radians about the page's
 * centre), cut out of the unturned page and turned the same way, with a margin (CUT_MARGIN):
 * the line's own picture, level, for the engine to read again.
 */
async function cutStraight(g: Grey, box: Box, deskew: number): Promise<Uint8Array> {
  if (Math.abs(deskew) < 1e-4)
    return pgm(await greyOf(rawInput(g).extract(marginBox(g, box, CUT_MARGIN))));
  const [cx, cy] = [g.width / 2, g.height / 2];
  const [mx, my] = [(box.x0 + box.x1) / 2 - cx, (box.y0 + box.y1) / 2 - cy];
  // tesseract.js turns the page clockwise by `deskew` (leptonica's pixRotate, about its centre):
  // the line's middle on the unturned page is its middle turned back.
  const [cos, sin] = [Math.cos(-deskew), Math.sin(-deskew)];
  const [ux, uy] = [cx + mx * cos - my * sin, cy + mx * sin + my * cos];
  const margin = Math.round(Math.max(4, (box.y1 - box.y0) / 2));
  const high = Math.round(Math.max(3, (box.y1 - box.y0) * CUT_MARGIN));
  const [w, h] = [box.x1 - box.x0 + 2 * margin, box.y1 - box.y0 + 2 * high];
  // The turned band's bounds on the unturned page, cut out and turned level, its middle kept.
  const halfW = Math.ceil((Math.abs(w * cos) + Math.abs(h * sin)) / 2);
  const halfH = Math.ceil((Math.abs(w * sin) + Math.abs(h * cos)) / 2);
  const left = Math.max(0, Math.round(ux - halfW));
  const top = Math.max(0, Math.round(uy - halfH));
  const right = Math.min(g.width, Math.round(ux + halfW));
  const bottom = Math.min(g.height, Math.round(uy + halfH));
  if (right - left < 2 || bottom - top < 2) throw new Error(`empty cut ${JSON.stringify(box)}`);
  const around = await greyOf(
    rawInput(g).extract({ left, top, width: right - left, height: bottom - top }),
  );
  const turned = await greyOf(
    rawInput(around).rotate((deskew * 180) / Math.PI, { background: '#ffffff' }),
  );
  // The middle of the turned picture is the line's middle (ux, uy) moved by the extension.
  const [tx, ty] = [
    turned.width / 2 + (ux - (left + right) / 2),
    turned.height / 2 + (uy - (top + bottom) / 2),
  ];
  const band = {
    left: Math.max(0, Math.round(tx - w / 2)),
    top: Math.max(0, Math.round(ty - h / 2)),
    width: Math.min(Math.round(w), turned.width),
    height: Math.min(Math.round(h), turned.height),
  };
  return pgm(await greyOf(rawInput(turned).extract(band)));
}

/** A line's picture is at most this wide (a phone shows it whole), in grey, as PNG. */
const CROP_WIDTH = 1200;

/**
 * A box of the cleaned page with a margin of half its height (the engine's boxes hug the ink; a
 * slight deskew shifts them), narrowed to CROP_WIDTH: what a person compares a figure with.
 */
async function cropPng(g: Grey, box: Box): Promise<Uint8Array> {
  return rawInput(g)
    .extract(marginBox(g, box))
    .resize({ width: CROP_WIDTH, withoutEnlargement: true })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Black and white only: almost no pixel between ink and paper. */
async function isBilevel(g: Grey): Promise<boolean> {
  const { channels } = await rawInput(g)
    .resize(SMALL * 2, null, { kernel: 'nearest' })
    .stats();
  const hist = await rawInput(g)
    .resize(SMALL * 2, null, { kernel: 'nearest' })
    .raw()
    .toBuffer();
  let mid = 0;
  for (const v of hist) if (v > 40 && v < 215) mid++;
  return channels[0]!.max - channels[0]!.min > 128 && mid / hist.length < 0.01;
}
