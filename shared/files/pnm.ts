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
