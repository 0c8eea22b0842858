import { cellNumber, figureTableOf, meaningOf } from '../reader/table-figures.js';
import type { Cell, Paragraph, Row, Table } from '../schemas/document.js';
import { plainParagraph } from '../schemas/document.js';
import {
  type Columns,
  columnsOf,
  type PageLine,
  pageLines,
  placeOf,
  withinColumn,
} from './pdf-table-lines.js';
import type { PdfCell, PdfLine } from './pdf-text-worker.js';

// A PDF's tables of figures, found in its text layer. The worker cuts a line into cells where a
// gap is wide (GAP_EM); pdf-table-lines.ts puts the pieces on one baseline together (Word writes
// a table cell by cell) and finds the columns. A run of such lines becomes a table: its header
// (a header cell's words wrapped over lines are one cell), then a row a line, a cell's wrapped
// words joined to its row, headings of rows (a mark of their own, or capitals) kept as rows.
// Only a table the reader reads as one of figures (figureTableOf: a header naming a column of
// results, every row of numbers with its label) is kept; anything else — the header's two
// columns, "Nơi nhận:" beside the signer, justified prose — stays a paragraph a line.

export interface PdfTable {
  table: Table;
  /** The page's 0-based line indexes the table takes, first and last. */
  first: number;
  last: number;
  /** Each of those lines rewritten with its cells apart: by column, "\t" between. */
  text: Map<number, string>;
  /** The header's lines (a page's lines, or carried from the page before). */
  head: PageLine[];
}

/** A table's header at the foot of a page, for its rows continued at the top of the next. */
export type Carry = PageLine[];

/** Wrapped words in a cell, lines of a row: at most this many lines under one row. */
const MAX_WRAPPED = 3;
/** Lines one table may take: a page holds fewer; it bounds the search on a hostile page. */
const MAX_RUN = 300;

const hasNumber = (grid: string[]) => grid.slice(1).some((c) => cellNumber(c) !== null);
/** A group heading set in capitals ("DỊCH VỤ CÔNG TRỰC TUYẾN"): two words or more. */
const isCaps = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return /\p{L}\s+\p{L}/u.test(s) && letters === letters.toLocaleUpperCase('vi');
};

/** Short marks of rows: "1", "2.", "II", "a)". */
const INDEX_MARK = /^(?:\d{1,3}\.?|[IVXLC]{1,6}\.?|\p{L}[.)]?)$/u;

/** Whether the first column numbers the rows: every row of numbers has a mark there. */
const hasIndex = (grids: string[][]) => {
  const numbered = grids.filter((g) => hasNumber(g) && g.filter(Boolean).length > 1);
  return numbered.length > 0 && numbered.every((g) => INDEX_MARK.test(g[0]!.trim()));
};

/** Each line's cells laid in the columns; null when a line fits no column order. */
function gridsOf(lines: PageLine[], columns: Columns): string[][] | null {
  const grids: string[][] = [];
  for (const l of lines) {
    const at = placeOf(l.cells, columns);
    if (!at) return null;
    const grid: string[] = Array.from({ length: columns.count }, () => '');
    l.cells.forEach((c, i) => {
      grid[at[i]!] = c[2];
    });
    grids.push(grid);
  }
  return grids;
}

/** A cell of figures only: digits and their marks, no word. */
const FIGURES_ONLY = /^[\d.,/%()\s]+$/u;

/**
 * Whether a line of figures only is the rest of the figures above it, wrapped in a column too
 * narrow for them ("22.226/22.79" over "6"): in the body, every cell under a cell of the row above
 * that ends in a figure.
 */
function continuesFigures(grid: string[], above: string[]): boolean {
  const cells = grid.filter(Boolean);
  return (
    cells.length > 0 &&
    grid.every((c, k) => !c || (FIGURES_ONLY.test(c) && /[\d.,/]$/.test(above[k] ?? '')))
  );
}

/**
 * A figure and its wrapped rest as one: without a space only where the break is inside a number
 * — after a mark ("22.226/" over "22.796") or inside a group of thousands ("22.79" over "6": a
 * group after "." has three digits); else with a space, which no figure reads (the cell is then
 * missed, never read as a figure it does not say).
 */
export function joinWrappedFigure(above: string, rest: string): string {
  const open = /[./,]$/.test(above);
  const group = /\.(\d{1,2})$/.exec(above)?.[1];
  const lead = /^\d+/.exec(rest)?.[0] ?? '';
  const inGroup = group !== undefined && group.length + lead.length === 3;
  return open || inGroup ? `${above}${rest}` : `${above} ${rest}`;
}

interface Built {
  rows: Row[];
  /** Lines taken, from the run's start. */
  taken: number;
}

function paragraphOf(text: string, l: PageLine, page: number, lineOffset: number): Paragraph {
  const b = l.box;
  const from = l.carried ?? { page, offset: lineOffset };
  const at = { page: from.page, line: from.offset + l.indexes[0]! + 1 };
  const p = plainParagraph(
    text,
    b ? { ...at, box: { x0: b[0], y0: b[1], x1: b[2], y1: b[3] } } : at,
  );
  return { ...p, size: b && b[4] > 0 ? Math.round(b[4] * 10) / 10 : null };
}

/** Whether a row of figures follows line `i` (past a heading's wrapped lines in capitals). */
function headsRows(grids: string[][], i: number): boolean {
  for (let j = i + 1; j <= i + MAX_WRAPPED && j < grids.length; j++) {
    if (hasNumber(grids[j]!)) return true;
    if (!isCaps(grids[j]!.join(' '))) return false;
  }
  return false;
}

/** Rows from the grids: header lines wrapped into one, body lines wrapped onto their row. */
function rowsOf(grids: string[][], lines: PageLine[], page: number, offset: number): Built {
  const rows: { grid: string[]; parts: Paragraph[][] }[] = [];
  let body = false;
  let wrapped = 0;
  let taken = 0;
  let kept = 0;
  const index = hasIndex(grids);
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i]!;
    const above = rows[rows.length - 1];
    const numbered = hasNumber(grid);
    const caps = isCaps(grid.join(' '));
    // Wrapped words: under cells of the row above, no mark of their own. In the header a year
    // may wrap ("Kế hoạch năm" over "2025"); in the body words only, and capitals only under a
    // heading (a heading in capitals under a row of figures heads the next rows).
    const under = !!above && grid.every((c, k) => !c || !!above.grid[k]);
    const words = body ? !numbered && (!caps || !hasNumber(above!.grid)) : !numbered || !grid[0];
    const rest = body && under && continuesFigures(grid, above.grid);
    const wraps = under && (words || rest) && !(index && grid[0]) && wrapped < MAX_WRAPPED;
    if (wraps) {
      wrapped++;
      grid.forEach((c, k) => {
        if (!c) return;
        above.grid[k] = rest ? joinWrappedFigure(above.grid[k]!, c) : `${above.grid[k]} ${c}`;
        above.parts[k]!.push(paragraphOf(c, lines[i]!, page, offset));
      });
      if (body && hasNumber(above.grid)) taken = i + 1;
      continue;
    }
    // A heading of rows has its own mark in the index column, or is set in capitals, and rows
    // of figures follow it (a part's heading after the table is the text's).
    if (body && !numbered && !(((index && grid[0]) || caps) && headsRows(grids, i))) break;
    wrapped = 0;
    body ||= numbered;
    rows.push({
      grid,
      parts: grid.map((c) => (c ? [paragraphOf(c, lines[i]!, page, offset)] : [])),
    });
    // The table ends with its last row of figures: a heading after it belongs to the text.
    if (numbered) [taken, kept] = [i + 1, rows.length];
  }
  rows.length = kept;
  const cell = (text: string, paragraphs: Paragraph[]): Cell => ({
    text,
    paragraphs,
    span: 1,
    continued: false,
  });
  return {
    rows: rows.map((r, i) => ({
      cells: r.grid.map((t, k) => cell(t, r.parts[k]!)),
      header: i === 0,
    })),
    taken,
  };
}

/**
 * The text each line of the table becomes: a row's line its cells by column, "\t" between, and
 * the other text lines on its baseline empty; null when the table's lines are not one stretch of
 * the text in the order they stand (something else written among them).
 */
function textOf(lines: PageLine[], grids: string[][], texts: string[]): Map<number, string> | null {
  const text = new Map<number, string>();
  // A header carried from the page before stays in that page's text.
  lines.forEach((l, i) => {
    if (l.carried) return;
    l.indexes.forEach((at, k) => {
      text.set(at, k ? '' : grids[i]!.join('\t').replace(/\t+$/, ''));
    });
  });
  const firsts = lines.filter((l) => !l.carried).map((l) => l.indexes[0]!);
  if (!firsts.length) return null;
  if (firsts.some((at, i) => i > 0 && at < firsts[i - 1]!)) return null;
  const all = [...text.keys()];
  for (let at = Math.min(...all); at <= Math.max(...all); at++)
    if (!text.has(at) && texts[at]?.trim()) return null;
  return text;
}

/** The table a run of lines makes, if the reader would read it as one of figures. */
function tableOfRun(
  run: PageLine[],
  columns: Columns,
  texts: string[],
  page: number,
  offset: number,
): PdfTable | null {
  const grids = gridsOf(run, columns);
  if (!grids) return null;
  const { rows, taken } = rowsOf(grids, run, page, offset);
  const first = run[0]!;
  const from = first.carried ?? { page, offset };
  const table: Table = {
    kind: 'table',
    rows,
    caption: null,
    at: { page: from.page, line: from.offset + first.indexes[0]! + 1 },
  };
  const shape = figureTableOf(table);
  if (!shape || taken < 2) return null;
  // Every row of numbers carries its label: otherwise the pieces were written in an order the
  // places do not undo, and a row's words would name the next row's figures.
  const label = shape.columns.indexOf('label');
  const unlabelled = rows
    .slice(shape.body)
    .some((r) => hasNumber(r.cells.map((c) => c.text)) && !r.cells[label]?.text.trim());
  const text = unlabelled ? null : textOf(run.slice(0, taken), grids, texts);
  if (!text) return null;
  const all = [...text.keys()];
  const head = run.slice(0, Math.max(0, grids.findIndex(hasNumber)));
  return { table, first: Math.min(...all), last: Math.max(...all), text, head };
}

/**
 * The lines a table may take from line `start`: lines cut into cells, and up to MAX_WRAPPED
 * one-cell lines among or after them that stand inside one column; a line across columns (the
 * prose after the table) ends it.
 */
function runFrom(lines: PageLine[], start: number): { run: PageLine[]; columns: Columns } | null {
  const near = (within: (l: PageLine) => boolean) => {
    const run: PageLine[] = [];
    let single = 0;
    for (let j = start; j < lines.length && run.length < MAX_RUN; j++) {
      const l = lines[j]!;
      single = l.cells.length > 1 ? 0 : single + 1;
      if (single > MAX_WRAPPED || (single && !within(l))) break;
      run.push(l);
    }
    return run;
  };
  // The columns of the lines cut into cells nearby, then the one-cell lines that fit them.
  const columns = columnsOf(
    near(() => true),
    (l) => hasNumber(l.cells.map((c) => c[2])),
    (l) =>
      isCaps(l.cells.map((c) => c[2]).join(' ')) &&
      l.cells.every((c) => meaningOf(c[2]) === 'unknown'),
  );
  if (!columns?.spans) return columns && { run: near(() => false), columns };
  const [first, second] = columns.spans;
  // A heading of rows across the table's width (merged cells) in capitals stays in it too.
  const across = (c: PdfCell) =>
    isCaps(c[2]) && c[0] >= first![0] - (c[1] - c[0]) / c[2].length && c[0] < (second?.[0] ?? c[1]);
  const fits = (l: PageLine) => withinColumn(l.cells[0]!, columns) || across(l.cells[0]!);
  return { run: near(fits), columns };
}

/**
 * The header lines a table at the foot of the page leaves to rows continued on the next page:
 * the header of a table that ends the page, or lines cut into cells without a figure that end it
 * (a header whose rows all went to the next page). Carried lines keep their page.
 */
function carryOf(lines: PageLine[], tables: PdfTable[], page: number, offset: number): Carry {
  const last = lines[lines.length - 1];
  if (!last) return [];
  const mark = (l: PageLine): PageLine => (l.carried ? l : { ...l, carried: { page, offset } });
  const ending = tables.find((t) => last.indexes.some((i) => t.text.has(i)));
  if (ending) return ending.head.map(mark);
  let from = lines.length;
  while (from > 0 && lines.length - from <= MAX_WRAPPED) {
    const l = lines[from - 1]!;
    if (l.cells.some((c) => cellNumber(c[2]) !== null)) break;
    from--;
  }
  while (from < lines.length && lines[from]!.cells.length < 2) from++;
  return lines.slice(from).map(mark);
}

/**
 * Rows at the top of a page with no header of their own, under the header carried from the page
 * before: taken only when the header's cells and the rows' cells make the same columns, one
 * column a header cell (a header that does not fit them heads some other table).
 */
function continued(
  lines: PageLine[],
  carry: Carry,
  tables: PdfTable[],
  texts: string[],
  page: number,
  offset: number,
) {
  if (!carry.length || !lines[0] || lines[0].cells.length < 2) return null;
  if (tables.some((t) => lines[0]!.indexes.some((i) => t.text.has(i)))) return null;
  const found = runFrom([...carry, ...lines], 0);
  if (!found || found.run.length <= carry.length) return null;
  const widest = Math.max(...carry.map((l) => l.cells.length));
  const { spans, count } = found.columns;
  if ((spans ? spans.length : count) !== widest) return null;
  return tableOfRun(found.run, found.columns, texts, page, offset);
}

/**
 * The tables of figures on one page. `offset` is the number of text lines before the page, so
 * that a cell's line is its line in the document's text; `carry` the header a table at the foot
 * of the page before left. Returns the tables and what this page leaves to the next.
 */
export function pdfTables(
  texts: string[],
  boxes: (PdfLine | null)[],
  cells: (PdfCell[] | null)[],
  page: number,
  offset: number,
  carry: Carry = [],
): { tables: PdfTable[]; carry: Carry } {
  const lines = pageLines(texts, boxes, cells);
  const out: PdfTable[] = [];
  let done = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.cells.length < 2 || lines[i]!.indexes[0]! <= done) continue;
    const found = runFrom(lines, i);
    const table =
      found && found.run.length >= 2
        ? tableOfRun(found.run, found.columns, texts, page, offset)
        : null;
    if (table && !out.some((t) => t.last >= table.first && t.first <= table.last)) {
      out.push(table);
      done = table.last;
    }
  }
  const rest = continued(lines, carry, out, texts, page, offset);
  if (rest && !out.some((t) => t.last >= rest.first && t.first <= rest.last)) out.unshift(rest);
  return { tables: out, carry: carryOf(lines, out, page, offset) };
}
