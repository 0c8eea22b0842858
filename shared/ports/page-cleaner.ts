import type { Box, PageImage } from './ocr-engine.js';

/** What a page looked like before it was cleaned, measured on the page itself. */
export interface PageMeasures {
  /** The page had colour: ink that is not black (a red seal, a blue pen) was taken out. */
  colour: boolean;
  /** Already black and white (a fax, a 1-bit scanner). */
  bilevel: boolean;
  /** Lower-case letter height in pixels as scanned; null when no text lines were found. */
  xHeight: number | null;
  /** Darkest to lightest background across the page, 0–1: the shadow of a fold, a photo's light. */
  unevenLight: number;
  /** Share of the pixels that are specks (dust, fax noise): changed by a 3×3 median. */
  speckle: number;
  /** A photo of the page on a desk: the page was found and straightened. */
  pageFound: boolean;
  /** Two pages scanned side by side (a spread): cut at the gutter, each read on its own. */
  spread: boolean;
}

/** One page of a two-page spread, cut from the cleaned image, read on its own. */
export interface CleanPart {
  image: PageImage;
  /** Where the part begins on the cleaned image, in its pixels: its boxes are moved by it. */
  left: number;
  /** A region of the part (its own pixels) as a small PNG. */
  crop?(box: Box): Promise<Uint8Array>;
  /**
   * A region of the part (its own pixels, as the engine read it straightened by `deskew` radians)
   * with a margin, at full size and level, for the engine to read again.
   */
  cut?(box: Box, deskew?: number): Promise<Uint8Array>;
}

/** A page image made ready for OCR, and how its pixels relate to the uploaded image. */
export interface CleanPage {
  image: PageImage;
  /** Cleaned pixels per original pixel: boxes read on the clean page are divided by it. */
  scale: number;
  /** The page was cut out of a photo and straightened: its boxes are on the straightened page. */
  straightened: boolean;
  measures: PageMeasures;
  /** A region of the cleaned page (its own pixels, as boxes are read on it) as a small PNG. */
  crop?(box: Box): Promise<Uint8Array>;
  /** A region of the cleaned page with a margin, level, for the engine to read again (CleanPart). */
  cut?(box: Box, deskew?: number): Promise<Uint8Array>;
  /**
   * The pages of a two-page spread in reading order, read each on its own instead of `image`
   * (a spread read as one block runs the two pages' lines together).
   */
  parts?: CleanPart[];
}

/** Prepares a page image for OCR: colour dropout, scale, shadows, specks, the page found in a photo. */
export interface PageCleaner {
  clean(image: PageImage): Promise<CleanPage>;
}
