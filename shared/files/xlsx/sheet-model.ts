import { cellNumber, meaningOf, ROMAN_MARK } from '../../reader/table-figures.js';
import {
  type Block,
  type Cell,
  type Document,
  type Paragraph,
  plainParagraph,
  type Row,
} from '../../schemas/document.js';
import type { Range } from './sheet-census.js';

// An Excel form's visible sheets as the document model. A form is a few header lines (the
// commune's name and the national motto side by side, a title, "Đơn vị báo cáo: …"), one table
// of figures under a header row naming its columns (STT, chỉ tiêu, đơn vị tính, kết quả, kế
// hoạch, tỷ lệ), then the signatures. The header lines come out as a Word header table does
// (column by column), the figures as a table the reader reads row by row, merged cells as
// spans (across) and continued cells (down).

/** One sheet as read: its name and its non-empty rows, each cell's text by 1-based column. */
export interface SheetGrid {
  name: string;
  rows: Array<{ r: number; cells: string[] }>;
  merges: Range[];
  /** Hidden rows (numbers) and columns (letters) that hold text: not in `rows`, not read. */
  hidden: { rows: number[]; columns: string[] };
}

/** A header row names at least two columns by their meaning (STT, chỉ tiêu, ĐVT, kết quả…). */
const HEADER_SEARCH = 40;

const filled = (cells: string[]) => cells.filter((c) => c.trim()).length;

function headerRow(rows: SheetGrid['rows']): number {
  const limit = Math.min(rows.length, HEADER_SEARCH);
  for (let i = 0; i < limit; i++) {
    const known = rows[i]!.cells.filter((c) => c.trim() && meaningOf(c) !== 'unknown').length;
    if (known >= 2) return i;
  }
  return -1;
}

/** A number in a row beyond its first filled cell (the STT): a row of figures. */
const hasFigure = (cells: string[]) =>
  cells
    .filter((c) => c.trim())
    .slice(1)
    .some((c) => cellNumber(c) !== null);

const ROMAN_LABEL = /^[IVXLC]+\s*[.):/-]\s*\S/;

/**
 * A group heading numbered I, II… in the STT column or before its label, and nothing else: the
 * heading of a group whose rows are empty or hidden still belongs to the table (its "(02 chỉ
 * tiêu)" is no figure for the line reader).
 */
function romanGroup(cells: string[], header: string[]): boolean {
  const at = (m: string) => header.findIndex((h) => h.trim() && meaningOf(h) === m);
  const [stt, label] = [at('index'), at('label')];
  const used = cells.flatMap((c, i) => (c.trim() ? [i] : []));
  if (!used.length || used.some((i) => i !== stt && i !== label)) return false;
  return (
    (stt >= 0 && ROMAN_MARK.test(cells[stt]?.trim() ?? '')) || ROMAN_LABEL.test(cells[label] ?? '')
  );
}

const LABEL_SIDE = new Set(['index', 'label', 'unit', 'note']);

/**
 * A row of the table whose value cells the commune left empty: it fills only the STT, label,
 * unit or note columns. Read as a line below the table, its label ran into the next lines.
 */
function emptyValueRow(cells: string[], header: string[]): boolean {
  const used = cells.flatMap((c, i) => (c.trim() ? [i] : []));
  return used.length > 0 && used.every((i) => LABEL_SIDE.has(meaningOf(header[i] ?? '')));
}

/**
 * The table runs from its header through its last row of figures, then on through the group
 * headings and the rows left empty that follow it without a blank row between.
 */
function tableEnd(rows: SheetGrid['rows'], start: number): number {
  const header = rows[start]!.cells;
  for (let i = rows.length - 1; i > start; i--) {
    if (!hasFigure(rows[i]!.cells)) continue;
    let end = i + 1;
    while (
      end < rows.length &&
      (romanGroup(rows[end]!.cells, header) ||
        (rows[end]!.r - rows[end - 1]!.r === 1 && emptyValueRow(rows[end]!.cells, header)))
    )
      end++;
    return end;
  }
  return rows.length;
}

const paragraph = (text: string, page: number): Paragraph =>
  plainParagraph(text, { page, line: 1 });

const cellOf = (text: string, page: number, span = 1, continued = false): Cell => ({
  text,
  paragraphs: text && !continued ? [paragraph(text, page)] : [],
  span,
  continued,
});

/** Rows apart by no empty row: one group of lines. */
function groupsOf(rows: SheetGrid['rows']): Array<SheetGrid['rows']> {
  const groups: Array<SheetGrid['rows']> = [];
  rows.forEach((row, i) => {
    if (i === 0 || row.r - rows[i - 1]!.r > 1) groups.push([]);
    groups.at(-1)!.push(row);
  });
  return groups;
}

/**
 * Lines above or below the table. A group of lines where two cells stand side by side (the
 * commune beside the motto, the preparer beside the signer) reads column by column, as a Word
 * header table does: the columns part where the first side-by-side row's second cell starts.
 */
function looseBlocks(rows: SheetGrid['rows'], page: number): Block[] {
  const out: Block[] = [];
  for (const group of groupsOf(rows)) {
    const side = group.find((r) => filled(r.cells) >= 2);
    if (!side) {
      for (const r of group) for (const t of r.cells) if (t.trim()) out.push(paragraph(t, page));
      continue;
    }
    const split = side.cells.findIndex(
      (c, i) => i > side.cells.findIndex((x) => x.trim()) && c.trim(),
    );
    const column = (from: number, to: number) => {
      const paragraphs = group.flatMap((r) =>
        r.cells.slice(from, to).flatMap((t) => (t.trim() ? [paragraph(t, page)] : [])),
      );
      return {
        text: paragraphs.map((p) => p.text).join('\n'),
        paragraphs,
        span: 1,
        continued: false,
      };
    };
    const cells = [column(0, split), column(split, Number.POSITIVE_INFINITY)];
    out.push({
      kind: 'table',
      rows: [{ cells, header: false }],
      caption: null,
      at: { page, line: 1 },
    });
  }
  return out;
}

/** The merge a cell stands in, if any. */
function mergeAt(merges: Range[], r: number, c: number): Range | undefined {
  return merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

function tableRow(
  row: SheetGrid['rows'][number],
  width: number,
  merges: Range[],
  page: number,
): Row {
  const cells: Cell[] = [];
  for (let c = 1; c <= width; c++) {
    const m = mergeAt(merges, row.r, c);
    const text = row.cells[c - 1] ?? '';
    if (!m) cells.push(cellOf(text, page));
    else if (c !== m.left) continue;
    else {
      const span = Math.min(m.right, width) - m.left + 1;
      cells.push(cellOf(row.r === m.top ? text : '', page, span, row.r !== m.top));
    }
  }
  return { cells, header: false };
}

function sheetBlocks(sheet: SheetGrid, page: number, named: boolean): Block[] {
  const rows = sheet.rows.filter((r) => filled(r.cells) > 0);
  const head = headerRow(rows);
  const start = Math.max(head, 0);
  const end = tableEnd(rows, start);
  const body = rows.slice(start, end);
  const width = Math.max(0, ...body.map((r) => r.cells.length));
  const blocks: Block[] = named ? [paragraph(sheet.name, page)] : [];
  blocks.push(...looseBlocks(rows.slice(0, start), page));
  if (body.length) {
    blocks.push({
      kind: 'table',
      rows: body.map((r) => tableRow(r, width, sheet.merges, page)),
      caption: sheet.name,
      at: { page, line: 1 },
    });
  }
  blocks.push(...looseBlocks(rows.slice(end), page));
  return blocks;
}

/** A sheet named by its author ("I. Hạ tầng số", "Biểu 02"), not Excel's default name. */
const ownName = (name: string) => !/^(?:sheet|trang\s*tính|bảng\s*tính)\s*\d*$/iu.test(name.trim());

/** The visible sheets of a workbook, each on a page of its own. */
export function workbookDocument(sheets: SheetGrid[]): Document {
  const blocks: Block[] = [];
  sheets.forEach((sheet, i) => {
    const page = i + 1;
    if (i > 0) blocks.push({ kind: 'pageBreak', at: { page, line: 1 } });
    blocks.push(...sheetBlocks(sheet, page, sheets.length > 1 && ownName(sheet.name)));
  });
  return { format: 'xlsx', blocks, notes: [], margins: [] };
}
