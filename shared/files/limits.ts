// Every limit on what one upload may cost. They are chosen so that the largest allowed file stays
// well inside the ingest function's 1,024 MB and its timeout (`npm run bench` measures the worst
// cases: the largest DOCX and PDF allowed, a zip bomb that lies, a PDF of 10,000 pages).

/** An upload larger than this is refused before it is read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** All parts of a DOCX together, counted in real bytes while inflating (not the declared sizes). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** The XML parts the text is read from (their pruned trees take ~30× their size in memory). */
export const MAX_DOCX_XML_BYTES = 8 * 1024 * 1024;
/** …or whose parts compress better than this: real Word files stay far below it. */
export const MAX_DOCX_RATIO = 200;
/** Text of any file: a report is 10–40 KB of text; a million characters is no report. */
export const MAX_TEXT_CHARS = 1_000_000;
/** Pages of a PDF: a report has a few dozen at most. */
export const MAX_PDF_PAGES = 300;
/** Time for reading the text layer of the whole file (in a worker, terminated when it is up). */
export const MAX_PDF_TOTAL_MS = 20_000;
/** Heap of the worker that reads a PDF's text layer (shared/files/pdf-text-worker.ts). */
export const MAX_PDF_HEAP_MB = 384;
/**
 * Time and heap of the worker that reads a legacy Word .doc (shared/files/doc/doc-worker.ts):
 * word-extractor follows the file's own sector chains and piece table, which a damaged or
 * hostile file can make circular or overlapping; a real 20 MB .doc reads in well under a second.
 */
export const MAX_DOC_TOTAL_MS = 10_000;
export const MAX_DOC_HEAP_MB = 256;
/**
 * Bytes of a .doc's list tables (numbering definitions) handed from the worker to the reader; a
 * report's lists take a few KB (each of nine levels some 40 bytes), a list table past this is ignored.
 */
export const MAX_DOC_LIST_BYTES = 1024 * 1024;
/**
 * An Excel form's sheets, counted before exceljs reads them (a form has a few hundred rows; a
 * sheet of raw data is no report): rows of one sheet, and cells of one sheet, merged cells
 * counted apart. Its ZIP has the DOCX bounds above (unpacked, XML, ratio).
 */
export const MAX_SHEET_ROWS = 5_000;
export const MAX_SHEET_CELLS = 100_000;
/** Columns of a sheet read into the model: a form has a dozen; the rest are notes far right. */
export const MAX_SHEET_COLUMNS = 60;
/** A PDF page with fewer letters than this has no usable text layer (a scan). */
export const MIN_LETTERS_PER_PAGE = 40;
/**
 * Pages of one upload read by OCR (a scanned PDF, a .zip of photos): a report has a few dozen at
 * most, and the OCR function's timeout is this many pages at the measured seconds per page.
 */
export const MAX_OCR_PAGES = 60;
/**
 * Pixels of one page image, read from its header before anything is decoded: an A4 page scanned
 * at 600 dpi has 35 million, a phone photo 12–48 million; a header may claim any size it likes.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
/**
 * Decoded pixels of the images one page paints, masks included: one page scanned at 600 dpi is
 * 35 million; twelve distinct 7,000 × 7,000 images on one page are 588 million.
 */
export const MAX_PAGE_IMAGE_PIXELS = MAX_IMAGE_PIXELS;
/** Decoded pixels of a whole scanned PDF: MAX_OCR_PAGES pages scanned at 300 dpi (8.7 million each). */
export const MAX_DOC_IMAGE_PIXELS = MAX_OCR_PAGES * 10_000_000;
/**
 * Wall time the OCR of one upload may take: the page cap does not bound it (a dense 1-bit page
 * under the pixel cap can take minutes). Under the OCR function's 660 s timeout with room to
 * record the outcome; an engine may be given less (the embedded stack, tests).
 */
export const OCR_DOCUMENT_MS = 540_000;
/** The widest and tallest image Tesseract (Leptonica) takes: a side must fit in 15 bits. */
export const MAX_IMAGE_SIDE = 32_767;
