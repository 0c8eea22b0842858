/** A rectangle on a page image, in pixels from its top left corner. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, the engine's own confidence in this word. */
  confidence: number;
  box: Box;
}

export interface OcrLine {
  words: OcrWord[];
  box: Box;
  /**
   * The line's picture (PNG) as the engine read it, for a person to compare a figure with: only
   * lines holding a digit, and only when the page cleaner can cut one.
   */
  crop?: Uint8Array;
  /**
   * The line read a second time from its own picture (cut from the clean page with a margin, read
   * as one line of text, thresholded on its own): only lines holding a digit on a cleaned page.
   * A figure's digits and a cited number are kept only when both readings spell them alike.
   */
  again?: string;
}

/** A quarter turn clockwise, in degrees. */
export type Turn = 90 | 180 | 270;

/** What the engine read on one page. */
export interface OcrPage {
  /** 1-based page of the uploaded document. */
  page: number;
  lines: OcrLine[];
  /** The page was read turned this far clockwise (it lay sideways or upside down); boxes are on the turned page. */
  turn?: Turn;
  /** The small rotation (radians) the engine straightened the page by; boxes are on that page. */
  deskew?: number;
  /** Parts of the page read a second time, another way (second-reading.ts): the header, the signature. */
  second?: RegionReading[];
}

/** One part of a page read again with another segmentation: its lines, boxes on the same page. */
export interface RegionReading {
  region: 'header' | 'signature';
  box: Box;
  lines: OcrLine[];
  /**
   * Not read again (no lines): the first reading of the region was sure, every field it holds
   * read whole with every word at the single-reading bar. Its fields then stand on that reading
   * alone, under that bar (second-opinion.ts).
   */
  skipped?: true;
}

/** One page as an encoded image the engine decodes itself (PNG, JPEG, TIFF, PNM). */
export interface PageImage {
  page: number;
  image: Uint8Array;
  /** Resolution when known (a PDF page's image, a TIFF header); the engine scales its text model by it. */
  dpi?: number;
  /** Turn the image this far clockwise before reading it. */
  turn?: Turn;
  /** Read only this part of the image (pixels of the page as straightened by `deskew`). */
  region?: Box;
  /** Straighten by this rotation (radians) instead of measuring it again: a part of a page read before. */
  deskew?: number;
  /**
   * How the engine cuts the page into lines: `block` (the default) reads it as one block of text,
   * `columns` finds columns and blocks first (a header's two columns, "Nơi nhận" beside the signer),
   * `line` reads the image as one line of text (a line's picture read again).
   */
  segmentation?: 'block' | 'columns' | 'line';
}

/** Optical character recognition of Vietnamese page images (Tesseract on AWS and locally). */
export interface OcrEngine {
  /**
   * Reads one page. When `signal` aborts (the document's time is up) the engine stops the page's
   * work and rejects; it stays usable for the next document.
   */
  recognize(image: PageImage, signal?: AbortSignal): Promise<OcrPage>;
  /** Wall time one document may take, when shorter than OCR_DOCUMENT_MS. */
  readonly documentMs?: number;
}
