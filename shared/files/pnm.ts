/** Pixels as pdf.js hands them over: 1-bit rows (1 = white), RGB or RGBA bytes. */
export interface RawImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 GRAYSCALE_1BPP, 2 RGB_24BPP, 3 RGBA_32BPP. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * A grey PGM (P5) of the image, a format Tesseract's Leptonica reads without any codec, so no image
 * library is needed between pdf.js and the engine.
 */
export function toPgm(img: RawImage): Uint8Array {
  const { width, height, data, kind } = img;
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  let o = header.length;
  if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        out[o++] = (data[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7)) ? 255 : 0;
    return out;
  }
  const step = kind === 3 ? 4 : kind === 2 ? 3 : data.length / (width * height);
  if (step === 1) {
    out.set(data.subarray(0, width * height), o);
    return out;
  }
  for (let i = 0; i < width * height; i++) {
    const p = i * step;
    // ITU-R BT.601 luma, in integers.
    out[o++] = ((data[p] ?? 0) * 299 + (data[p + 1] ?? 0) * 587 + (data[p + 2] ?? 0) * 114) / 1000;
  }
  return out;
}

/** A pixel whose channels differ by more than this is coloured ink (a red seal, a blue pen). */
const COLOURED = 60;
/** Colour kept when at least this share of the pixels is coloured: a seal covers far more. */
const COLOURED_SHARE = 0.0005;

/** Whether an RGB(A) image has colour ink on it, judged on every 7th pixel. */
function hasColour(img: RawImage, step: number): boolean {
  const { data } = img;
  const n = img.width * img.height;
  let coloured = 0;
  let seen = 0;
  for (let i = 0; i < n; i += 7, seen++) {
    const p = i * step;
    const r = data[p] ?? 0;
    const g = data[p + 1] ?? 0;
    const b = data[p + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOURED) coloured++;
  }
  return coloured > seen * COLOURED_SHARE;
}

/**
 * The page as a PNM: a colour PPM (P6) when it has colour ink on it, so that a page cleaner can
 * take a red seal or a blue pen out before OCR (in grey they are as dark as the text), else the
 * grey PGM. Tesseract's Leptonica reads both without any codec.
 */
export function toPnm(img: RawImage): Uint8Array {
  const step = img.kind === 3 ? 4 : img.kind === 2 ? 3 : 0;
  if (!step || !hasColour(img, step)) return toPgm(img);
  const { width, height, data } = img;
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height * 3);
  out.set(header, 0);
  if (step === 3) out.set(data.subarray(0, width * height * 3), header.length);
  else
    for (let i = 0, o = header.length; i < width * height; i++, o += 3)
      out.set(data.subarray(i * 4, i * 4 + 3), o);
  return out;
}
