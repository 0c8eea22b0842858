import type { Box, OcrLine, OcrWord } from '../shared/ports/ocr-engine.js';

// Tesseract's TSV output (`tesseract <image> stdout tsv`): a header row, then one row per page,
// block, paragraph, line and word, each with its level, its place in that hierarchy, its box
// (left, top, width, height) and, for a word, its confidence (0–100) and text. A line's words
// are the word rows that share its block, paragraph and line numbers.

const COLUMNS = [
  'level',
  'page_num',
  'block_num',
  'par_num',
  'line_num',
  'word_num',
  'left',
  'top',
  'width',
  'height',
  'conf',
  'text',
] as const;
const LINE = 4;
const WORD = 5;

/** A box in pixels from the page's top left, moved by `offset` (a region cut out of the page). */
function boxOf(cells: string[], at: Record<string, number>, offset: Box): Box | null {
  const [left, top, width, height] = ['left', 'top', 'width', 'height'].map((c) =>
    Number(cells[at[c]!]),
  ) as [number, number, number, number];
  if (![left, top, width, height].every(Number.isFinite) || width < 0 || height < 0) return null;
  return {
    x0: left + offset.x0,
    y0: top + offset.y0,
    x1: left + width + offset.x0,
    y1: top + height + offset.y0,
  };
}

/**
 * The lines of a TSV reading with their words, boxes and confidences, in reading order; words
 * without text (Tesseract's empty cells) are left out, and so are lines left without words.
 * `offset`: where the image read lies on the page (a region cut out of it), added to every box.
 * A TSV without Tesseract's header row is no reading: an error, never an empty page.
 */
export function linesOfTsv(tsv: string, offset: Box = { x0: 0, y0: 0, x1: 0, y1: 0 }): OcrLine[] {
  const rows = tsv.split(/\r?\n/);
  const head = rows[0]?.split('\t') ?? [];
  const at = Object.fromEntries(COLUMNS.map((c) => [c, head.indexOf(c)]));
  if (COLUMNS.some((c) => at[c]! < 0))
    throw new Error(
      `tesseract TSV without its header row: ${JSON.stringify(rows[0]?.slice(0, 80))}`,
    );
  const lines = new Map<string, OcrLine>();
  for (const row of rows.slice(1)) {
    if (!row) continue;
    const cells = row.split('\t');
    const level = Number(cells[at.level!]);
    if (level !== LINE && level !== WORD) continue;
    const id = ['page_num', 'block_num', 'par_num', 'line_num'].map((c) => cells[at[c]!]).join('.');
    const box = boxOf(cells, at, offset);
    if (!box) continue;
    if (level === LINE) {
      lines.set(id, { words: [], box });
      continue;
    }
    // A word's text is the row's last cell: it may hold no tab, but keep what follows just in case.
    const text = cells.slice(at.text!).join('\t').trim();
    const confidence = Number(cells[at.conf!]);
    if (!text || !Number.isFinite(confidence) || confidence < 0) continue;
    const word: OcrWord = { text, confidence: Math.min(100, confidence), box };
    const line = lines.get(id) ?? { words: [], box };
    line.words.push(word);
    lines.set(id, line);
  }
  return [...lines.values()].filter((l) => l.words.length);
}
