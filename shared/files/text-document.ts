import {
  type Block,
  type Cell,
  type Document,
  type Paragraph,
  plainParagraph,
  type Row,
} from '../schemas/document.js';

// Plain text as the document model: one paragraph a line, on the line of the file, and tables
// where consecutive lines are cut into the same kind of columns: tabs, "|" bars, or runs of two
// or more spaces (a table typed with aligned columns, or copied out of Word or Excel).

const SEPARATORS: ReadonlyArray<RegExp> = [/\t+/, /\s*\|\s*/, / {2,}/];
/** Lines longer than this are prose however they are spaced. */
const MAX_ROW_CHARS = 400;

/**
 * A line's cells by the separator: two filled cells or more (trailing blank cells dropped). In a
 * table (`inTable`), a line of one filled cell with the separator after it ("Cán bộ được tập
 * huấn⇥", a row whose value was left blank; a tab reaches the reader as three spaces) is a row of
 * that cell and a blank one.
 */
function cellsOf(line: string, sep: RegExp, inTable = false): string[] | null {
  // Bounded before any pattern runs: "\s*\|" over a long run of spaces costs its square.
  const trimmed = line.replace(/^\s+/, '');
  if (trimmed.length > MAX_ROW_CHARS) return null;
  const t = trimmed.replace(/^\|\s*|\s*\|$/g, '');
  if (!t.trim()) return null;
  const cells = t.split(sep).map((c) => c.trim());
  const filled = cells.filter(Boolean).length;
  if (filled >= 2) {
    while (!cells[cells.length - 1]) cells.pop();
    return cells;
  }
  return inTable && filled === 1 && cells.length >= 2 && cells[0] ? cells.slice(0, 2) : null;
}

/** The separator a line is cut by into columns, the first that cuts it. */
function separatorOf(line: string): RegExp | null {
  for (const sep of SEPARATORS) if (cellsOf(line, sep)) return sep;
  return null;
}

function cell(text: string, line: number): Cell {
  const paragraphs: Paragraph[] = text ? [plainParagraph(text, { page: 1, line })] : [];
  return { text, paragraphs, span: 1, continued: false };
}

/**
 * A run of lines from `start` cut by the same separator: a table, or null under two rows. A row
 * of one filled cell is kept only with a row of two or more after it: the table ends at its last
 * such row, so a line of prose after it is never taken for a row left blank.
 */
function tableAt(lines: string[], start: number): { rows: Row[]; end: number } | null {
  const sep = separatorOf(lines[start]!);
  if (!sep) return null;
  const rows: Row[] = [];
  let kept = 0;
  let end = start;
  let last = start;
  for (let i = start; i < lines.length; i++) {
    // Text taken out of a PDF puts a blank line after every line: one blank line between rows
    // cut the same way is no end of the table.
    if (!lines[i]!.trim() && rows.length) continue;
    const own = separatorOf(lines[i]!);
    const cells = own === sep || !own ? cellsOf(lines[i]!, sep, rows.length > 0) : null;
    if (!cells || i - last > 3) break;
    rows.push({ cells: cells.map((c) => cell(c, i + 1)), header: false });
    last = i;
    if (cells.filter(Boolean).length >= 2) [kept, end] = [rows.length, i + 1];
  }
  rows.length = kept;
  return rows.length >= 2 ? { rows, end } : null;
}

/** Plain text (already decoded) as the document model. */
export function textDocument(text: string): Document {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const table = tableAt(lines, i);
    if (table) {
      blocks.push({ kind: 'table', rows: table.rows, caption: null, at: { page: 1, line: i + 1 } });
      i = table.end - 1;
    } else blocks.push(plainParagraph(line, { page: 1, line: i + 1 }));
  }
  return { format: 'txt', blocks, notes: [], margins: [] };
}
