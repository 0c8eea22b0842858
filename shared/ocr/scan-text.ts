import type { Box, OcrPage, OcrWord } from '../ports/ocr-engine.js';
import { repairHeadingNumerals } from './roman-headings.js';

/** Where one line of the text the reader gets came from. */
export interface LineSource {
  page: number;
  /** Position on the page image; null for a page that had a text layer. */
  box: Box | null;
  /** The words as the engine read them, with their confidence; null for a text layer. */
  words: OcrWord[] | null;
}

/** A document's text, page by page, with the source of every line (line n ↔ lines[n - 1]). */
export interface ScanText {
  text: string;
  lines: LineSource[];
  /** Pages read by OCR. */
  scannedPages: number[];
}

/** One page: typed text from a PDF's text layer, or what the engine read on a scanned page. */
export type PageContent = { page: number; text: string } | OcrPage;

/** The text of all pages in page order, each line keeping its page, position and word confidence. */
export function scanText(pages: PageContent[]): ScanText {
  const out: string[] = [];
  const lines: LineSource[] = [];
  const scannedPages: number[] = [];
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const ocrLines = repairHeadingNumerals(sorted.flatMap((p) => ('text' in p ? [] : p.lines)));
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
    const pageLines = ocrLines.slice(next, next + p.lines.length);
    next += p.lines.length;
    for (const line of pageLines) {
      out.push(line.words.map((w) => w.text).join(' '));
      lines.push({ page: p.page, box: line.box, words: line.words });
    }
  }
  return { text: out.join('\n'), lines, scannedPages };
}
