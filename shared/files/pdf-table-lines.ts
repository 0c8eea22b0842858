import { GAP_EM, type PdfCell, type PdfLine } from './pdf-text-worker.js';

// The lines of a PDF page as a table finder sees them: by where they stand, not in the order
// they were written. Word writes a table cell by cell, so a row whose label wraps comes out as
// "1  Kích hoạt tài khoản", "định danh điện tử", then "tài khoản  2.697  2.716" on the first
// line's baseline again; pieces on one baseline that do not overlap are one line here.

/** One line as seen on the page: the text lines it gathers (0-based) and its cells, left first. */
export interface PageLine {
  /** The text lines on this baseline, in text order. */
  indexes: number[];
  cells: PdfCell[];
  box: PdfLine;
  /**
   * A line of the page before (a table's header carried over to its rows on this page): its
   * page and the number of text lines before that page; its indexes are that page's.
   */
  carried?: { page: number; offset: number };
}

/** How far two baselines may be apart and still be one line, in font sizes. */
const SAME_BASELINE = 0.25;

const overlaps = (a: PdfCell[], b: PdfCell[]) =>
  a.some((x) => b.some((y) => x[0] < y[1] && y[0] < x[1]));

function merged(into: PageLine, l: PageLine): void {
  into.indexes.push(...l.indexes);
  into.cells = [...into.cells, ...l.cells].sort((a, b) => a[0] - b[0]);
  const [a, b] = [into.box, l.box];
  into.box = [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
    Math.max(a[4], b[4]),
  ];
}

/**
 * The page's lines top to bottom, each with its cells: a text line cut by wide gaps has its own,
 * another is one cell; text lines on one baseline whose cells do not overlap are one line.
 */
export function pageLines(
  texts: string[],
  boxes: (PdfLine | null)[],
  cells: (PdfCell[] | null)[],
): PageLine[] {
  const out: PageLine[] = [];
  // Lines by their baseline rounded to a point: a line looks only at its neighbours' keys.
  const byBaseline = new Map<number, PageLine[]>();
  texts.forEach((t, index) => {
    const box = boxes[index];
    if (!t.trim() || !box) return;
    const own = cells[index];
    const line: PageLine = {
      indexes: [index],
      cells: own && own.length > 1 ? own : [[box[0], box[2], t.trim()]],
      box,
    };
    const key = Math.round(box[3]);
    const near = [key - 1, key, key + 1].flatMap((k) => byBaseline.get(k) ?? []);
    const same = near.find(
      (o) =>
        Math.abs(o.box[3] - box[3]) <= SAME_BASELINE * Math.max(box[4], 1) &&
        !overlaps(o.cells, line.cells),
    );
    if (same) {
      merged(same, line);
      return;
    }
    out.push(line);
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), line]);
  });
  return out.sort((a, b) => a.box[3] - b.box[3] || a.indexes[0]! - b.indexes[0]!);
}

/**
 * The columns of a run of lines: where the rows of figures put their cells (x from, x to), the
 * header's cells over columns left empty added; null `spans` when the cells of different
 * columns overlap (columns typed with spaces, which need not align): then every line has
 * `count` cells, taken in order, unless `typed` measures where each cell stands.
 */
export interface Columns {
  spans: [number, number][] | null;
  count: number;
  typed?: Typed;
}

/**
 * A table typed with one separator between cells (the same run of spaces after every cell, in
 * a proportional font, so columns do not align): the table's left edge and the separator's
 * width. A blank cell has no width, so a gap of k separators has k − 1 blank cells in it, and a
 * line starting k separators in from the edge k blank cells before it.
 */
export interface Typed {
  left: number;
  sep: number;
  /** How far a measured gap may be off a whole number of separators. */
  tol: number;
}

/**
 * A tenth of the font size: glyph widths are exact up to rounding, and a word space is a quarter
 * of the size or more, so a typist's extra or missing space is never within it.
 */
const TYPED_TOL_EM = 0.1;

/** How many separators `d` is, if a whole number of them within the tolerance; else null. */
function separators(d: number, t: Typed): number | null {
  const k = Math.round(d / t.sep);
  return Math.abs(d - k * t.sep) <= t.tol ? k : null;
}

/**
 * The separator of lines typed with one: the lines with every cell (`count`) start at one left
 * edge and have the same gap between all their cells (at least three gaps in all: a header alone
 * may tell it); null if not.
 */
export function typedOf(lines: PageLine[], count: number): Typed | null {
  const full = lines.filter((l) => l.cells.length === count && count > 1);
  const gaps = full.flatMap((l) => l.cells.slice(1).map((c, k) => c[0] - l.cells[k]![1]));
  if (gaps.length < 3) return null;
  const size = Math.max(...full.map((l) => l.box[4]));
  const sep = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
  const left = Math.min(...full.map((l) => l.cells[0]![0]));
  const typed = { left, sep, tol: TYPED_TOL_EM * size };
  const one = (d: number) => Math.abs(d - sep) <= typed.tol;
  return gaps.every(one) && full.every((l) => Math.abs(l.cells[0]![0] - left) <= typed.tol)
    ? typed
    : null;
}

/** The column of each cell of a line typed with the separator; null when a gap is no whole count. */
function typedPlaces(cells: PdfCell[], count: number, t: Typed): number[] | null {
  const lead = separators(cells[0]![0] - t.left, t);
  if (lead === null || lead < 0) return null;
  const at = [lead];
  for (let i = 1; i < cells.length; i++) {
    const k = separators(cells[i]![0] - cells[i - 1]![1], t);
    if (k === null || k < 1) return null;
    at.push(at[i - 1]! + k);
  }
  return at[at.length - 1]! < count ? at : null;
}

const union = (cells: PdfCell[]): [number, number][] => {
  const out: [number, number][] = [];
  for (const c of [...cells].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && c[0] <= last[1]) last[1] = Math.max(last[1], c[1]);
    else out.push([c[0], c[1]]);
  }
  return out;
};

/**
 * The columns of the lines cut into cells: the stretches of x the body's cells cover, apart
 * by gaps no cell of a row of figures crosses (a label wraps inside its column, numbers stand
 * left, centred or right in theirs, under a header set otherwise).
 */
export function columnsOf(
  lines: PageLine[],
  isBody: (l: PageLine) => boolean,
  isGroup: (l: PageLine) => boolean,
): Columns | null {
  const count = Math.max(0, ...lines.map((l) => l.cells.length));
  const body = lines.filter((l) => l.cells.length > 1 && isBody(l));
  if (!body.length) return null;
  const spans = union(body.flatMap((l) => l.cells));
  // The header (above the first row of figures), its cells taken together (the words of one
  // header cell wrap over its lines); a heading of rows across merged cells tells no column.
  const header = lines.slice(0, lines.indexOf(body[0]!)).filter((l) => !isGroup(l));
  const gap = GAP_EM * Math.max(0, ...lines.map((l) => l.box[4]));
  for (const c of union(header.flatMap((l) => l.cells))) {
    const near = spans.filter((s) => c[0] < s[1] + gap && s[0] - gap < c[1]);
    // Over one column it widens it (a header set left over numbers set right); over several it
    // spans them ("Kết quả" over "Số lượng | Tỷ lệ"); over none it is a column of its own.
    if (near.length === 1)
      [near[0]![0], near[0]![1]] = [Math.min(near[0]![0], c[0]), Math.max(near[0]![1], c[1])];
    else if (!near.length) spans.push(c);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged = union(spans.map((s) => [s[0], s[1], ''] as PdfCell));
  const placed: Columns = { spans: merged, count: merged.length };
  if (merged.length >= count && lines.every((l) => placeOf(l.cells, placed))) return placed;
  const cut = lines.filter((l) => l.cells.length > 1);
  if (cut.every((l) => l.cells.length === count)) return { spans: null, count };
  const typed = typedOf(cut, count);
  return typed && cut.every((l) => typedPlaces(l.cells, count, typed))
    ? { spans: null, count, typed }
    : null;
}

/** The column of each of a line's cells; null when two fall in one column. */
export function placeOf(cells: PdfCell[], columns: Columns): number[] | null {
  const { spans } = columns;
  if (!spans && columns.typed) return typedPlaces(cells, columns.count, columns.typed);
  if (!spans) return cells.length === columns.count ? cells.map((_, i) => i) : null;
  const at = cells.map((c) => {
    const mid = (c[0] + c[1]) / 2;
    let best = 0;
    let far = Number.POSITIVE_INFINITY;
    spans.forEach((s, k) => {
      const d = mid < s[0] ? s[0] - mid : mid > s[1] ? mid - s[1] : 0;
      if (d < far) [best, far] = [k, d];
    });
    return best;
  });
  return at.every((k, i) => i === 0 || k > at[i - 1]!) ? at : null;
}

/** Whether a one-cell line stands inside one column (a cell's wrapped words), clear of the others. */
export function withinColumn(cell: PdfCell, columns: Columns): boolean {
  const { spans } = columns;
  if (!spans) return false;
  return spans.some(
    (_, k) =>
      cell[0] > (spans[k - 1]?.[1] ?? Number.NEGATIVE_INFINITY) &&
      cell[1] < (spans[k + 1]?.[0] ?? Number.POSITIVE_INFINITY),
  );
}
