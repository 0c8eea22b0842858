// How big a page's text is, measured on its pixels: the row profile of a few narrow strips.

/** Narrow upright strips across the page: on a page skewed 2° a line drifts little within one. */
const STRIPS = 7;
const STRIP_SHARE = 0.04;

/** Darkness of each row of a strip, 0 (paper) to 255 (ink): the mean over the strip's width. */
function rowDarkness(grey: Uint8Array, width: number, left: number, w: number): Uint8Array {
  const height = grey.length / width;
  const rows = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let sum = 0;
    for (let x = left; x < left + w; x++) sum += grey[y * width + x]!;
    rows[y] = 255 - sum / w;
  }
  return rows;
}

/** A row darker than this (of 255) holds ink: paper and JPEG noise stay below. */
const INK = 10;
/**
 * Lower-case letters stand about this share of the distance from one line to the next (at the
 * single or 1.15 spacing of reports: x-height about half the type size, lines 1.15–1.3 sizes apart).
 */
const X_SHARE = 0.4;

/** The autocorrelation of a row profile at each lag up to `top` (lags below 4 left 0). */
function autocorrelation(rows: Uint8Array, top: number): Float64Array {
  const n = rows.length;
  let mean = 0;
  for (const v of rows) mean += v;
  mean /= n;
  const corr = new Float64Array(top + 1);
  for (let lag = 4; lag <= top; lag++) {
    let sum = 0;
    for (let y = 0; y + lag < n; y++) sum += (rows[y]! - mean) * (rows[y + lag]! - mean);
    corr[lag] = sum / (n - lag);
  }
  return corr;
}

/**
 * The distance between text lines, from row profiles of strips of one page: the first clear peak,
 * past the first trough, of their summed autocorrelation (strips with more text weigh more; the
 * later peaks are its multiples). Null when there is no such peak.
 */
export function linePitch(profiles: Uint8Array[], maxLag = 400): number | null {
  const n = Math.min(...profiles.map((p) => p.length));
  const top = Math.min(maxLag, Math.floor(n / 4));
  if (top < 8) return null;
  const corr = new Float64Array(top + 1);
  for (const p of profiles) {
    const c = autocorrelation(p, top);
    for (let i = 0; i <= top; i++) corr[i]! += c[i]!;
  }
  // Down from the zero lag to the first trough (half a line: ink against the gap between lines).
  let lag = 5;
  while (lag < top && corr[lag + 1]! <= corr[lag]!) lag++;
  let highest = 0;
  for (let l = lag; l <= top; l++) highest = Math.max(highest, corr[l]!);
  for (let l = lag + 1; l < top; l++)
    if (corr[l]! > 0.3 * highest && corr[l]! >= corr[l - 1]! && corr[l]! >= corr[l + 1]!) return l;
  return null;
}

/**
 * The lower-case letter height of a page's text in pixels, from the distance between its lines
 * (the period of the row profiles of a few narrow strips). Null when no strip shows text.
 */
export function measureXHeight(grey: Uint8Array, width: number): number | null {
  const w = Math.max(8, Math.round(width * STRIP_SHARE));
  const profiles: Uint8Array[] = [];
  for (let i = 0; i < STRIPS; i++) {
    const left = Math.round(((i + 1) * (width - w)) / (STRIPS + 1));
    const rows = rowDarkness(grey, width, left, w);
    if (rows.some((v) => v > INK)) profiles.push(rows);
  }
  const pitch = profiles.length ? linePitch(profiles) : null;
  return pitch ? Math.round(X_SHARE * pitch) : null;
}
