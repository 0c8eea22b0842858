import type { Box, OcrLine, OcrPage, OcrWord, RegionReading, Turn } from '../ports/ocr-engine.js';
import { repairHeadingNumerals } from './roman-headings.js';

/** Where one line of the text the reader gets came from. */
export interface LineSource {
  page: number;
  /** Position on the page image; null for a page that had a text layer. */
  box: Box | null;
  /** The words as the engine read them, with their confidence; null for a text layer. */
  words: OcrWord[] | null;
  /** The line's picture (PNG) when the engine kept one (lines holding a digit). */
  crop?: Uint8Array;
  /** The line read a second time from its own picture (lines holding a digit; OcrLine.again). */
  again?: string;
}

/** A document's text, page by page, with the source of every line (line n ↔ lines[n - 1]). */
export interface ScanText {
  text: string;
  lines: LineSource[];
  /** Pages read by OCR. */
  scannedPages: number[];
  /** Scanned pages that lay sideways or upside down, and how far they were turned to be read. */
  turnedPages: { page: number; turn: Turn }[];
  /** The header and signature regions read a second time, another way (second-reading.ts). */
  second: (RegionReading & { page: number; text: string })[];
}

/** One page: typed text from a PDF's text layer, or what the engine read on a scanned page. */
export type PageContent = { page: number; text: string } | OcrPage;

/**
 * A gap between two words wider than this many line heights is a gap between columns (the header's
 * two blocks, "Nơi nhận" beside the signature): it is kept as several spaces, as in typed text,
 * where the reader looks for columns. Word spaces, even justified ones, stay well below it.
 */
export const COLUMN_GAP_LINES = 1.5;
const COLUMN_GAP = '     ';

/** One OCR line as text, its words joined by a space, or by a column gap where they stand far apart. */
export function lineText(line: OcrLine): string {
  const height = Math.max(1, line.box.y1 - line.box.y0);
  let text = '';
  line.words.forEach((w, i) => {
    const before = line.words[i - 1];
    if (before) text += w.box.x0 - before.box.x1 > COLUMN_GAP_LINES * height ? COLUMN_GAP : ' ';
    text += w.text;
  });
  return text;
}

/**
 * Slashes Tesseract reads for "/" that no report types: the fraction slash (U+2044) and the
 * division slash (U+2215). A figure "23.583⁄31.364" was no figure to the reader, which knows
 * only "/", and was lost with its label.
 */
const OCR_SLASH = /[\u2044\u2215]/;

const OCR_SLASHES = new RegExp(OCR_SLASH.source, 'g');

function plainSlashes(line: OcrLine): OcrLine {
  if (!line.words.some((w) => OCR_SLASH.test(w.text))) return line;
  const words = line.words.map((w) => ({ ...w, text: w.text.replaceAll(OCR_SLASHES, '/') }));
  return { ...line, words };
}

/** The text of all pages in page order, each line keeping its page, position and word confidence. */
export function scanText(pages: PageContent[]): ScanText {
  const out: string[] = [];
  const lines: LineSource[] = [];
  const scannedPages: number[] = [];
  const turnedPages: ScanText['turnedPages'] = [];
  const second: ScanText['second'] = [];
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const ocrLines = repairHeadingNumerals(
    sorted.flatMap((p) => ('text' in p ? [] : p.lines.map(plainSlashes))),
  );
  let next = 0;
  for (const p of sorted) {
    if ('text' in p) {
      for (const line of p.text.split('\n')) {
        out.push(line);
        lines.push({ page: p.page, box: null, words: null });
      }
      continue;
    }
    scannedPages.push(p.page);
    if (p.turn) turnedPages.push({ page: p.page, turn: p.turn });
    for (const r of p.second ?? [])
      second.push({ ...r, page: p.page, text: r.lines.map(plainSlashes).map(lineText).join('\n') });
    const pageLines = ocrLines.slice(next, next + p.lines.length);
    next += p.lines.length;
    for (const line of pageLines) {
      out.push(lineText(line));
      lines.push({
        page: p.page,
        box: line.box,
        words: line.words,
        ...(line.crop ? { crop: line.crop } : {}),
        ...(line.again !== undefined ? { again: line.again.replaceAll(OCR_SLASHES, '/') } : {}),
      });
    }
  }
  return { text: out.join('\n'), lines, scannedPages, turnedPages, second };
}
