// Two pages scanned as one landscape image (a book or a stapled report laid open on the glass):
// where the gutter between them lies, from a coarse grid of the page's ink.

/** A grid cell with less ink than this share holds no text (JPEG noise, a fold's faint residue). */
const EMPTY_CELL = 0.04;
/** A column with fewer inked cells than this holds no text: one cell is a speck of dust. */
const TEXT_CELLS = 2;
/** A cell darker than this share is shadow or a rule, not text. */
const DARK_CELL = 0.5;
/** A column of cells most of whose cells are dark is the fold's line or shadow. */
const DARK_COLUMN = 0.8;
/** The gutter is sought in the middle of the image: a spread's pages are about the same width. */
const MIDDLE = [0.3, 0.7] as const;
/**
 * The narrowest gutter, as a share of the spread's width: each page keeps a margin of at least
 * 15 mm beside the binding (Nghị định 30/2020), 30 mm of the spread's 420 (7 %); skew and a
 * wide fold's residue eat part of it.
 */
const MIN_GUTTER = 0.025;

type Column = 'empty' | 'dark' | 'text';

/** Each column of the grid (cells 0–255, ink share × 255, rows of `cols` cells) classified. */
function columnsOf(cells: Uint8Array, cols: number, rows: number): Column[] {
  return Array.from({ length: cols }, (_, c) => {
    let [inked, dark] = [0, 0];
    for (let r = 0; r < rows; r++) {
      const v = cells[r * cols + c]! / 255;
      if (v >= EMPTY_CELL) inked++;
      if (v >= DARK_CELL) dark++;
    }
    if (inked < TEXT_CELLS) return 'empty';
    return dark >= DARK_COLUMN * rows ? 'dark' : 'text';
  });
}

/**
 * The gutter of a two-page spread, as the column of the grid where the pages part, and which of
 * the two sides hold text; null when the image is no spread. The gutter is the widest run of
 * columns in the middle of the image where no row holds text (paper, the fold's dark line or
 * shadow), at least MIN_GUTTER wide, with text to its left. Cutting there cuts no line of text,
 * so a landscape page with text across its middle (a table, a centred title) is never cut, and a
 * landscape page in two columns is read column after column, as it is read by a person.
 */
export function spreadGutter(
  cells: Uint8Array,
  cols: number,
  rows: number,
): { at: number; left: boolean; right: boolean } | null {
  const kinds = columnsOf(cells, cols, rows);
  const [from, to] = [Math.floor(MIDDLE[0] * cols), Math.ceil(MIDDLE[1] * cols)];
  let best: { start: number; end: number } | null = null;
  for (let c = from; c < to; c++) {
    if (kinds[c] === 'text') continue;
    let end = c;
    while (end + 1 < to && kinds[end + 1] !== 'text') end++;
    if (!best || end - c > best.end - best.start) best = { start: c, end };
    c = end;
  }
  if (!best || best.end - best.start + 1 < MIN_GUTTER * cols) return null;
  const at = Math.round((best.start + best.end + 1) / 2);
  const left = kinds.slice(0, at).includes('text');
  const right = kinds.slice(at).includes('text');
  return left ? { at, left, right } : null;
}
