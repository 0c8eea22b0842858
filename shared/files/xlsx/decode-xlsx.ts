import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { SaxesParser } from 'saxes';
import type { Document } from '../../schemas/document.js';
import { layoutDocument } from '../document-text.js';
import { XmlRefused } from '../docx/xml-tree.js';
import { fileProblem, textTooLong } from '../file-problem.js';
import { inflateCounted, type ZipCensus, ZipTooLarge } from '../inflate-counted.js';
import {
  MAX_DOCX_XML_BYTES,
  MAX_SHEET_CELLS,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_TEXT_CHARS,
} from '../limits.js';
import { cellText } from './cell-text.js';
import { censusOf, rangeOf, SheetTooLarge } from './sheet-census.js';
import { type SheetGrid, workbookDocument } from './sheet-model.js';

// An Excel form (.xlsx) read with exceljs, after its ZIP has been inflated and counted once with
// the DOCX bounds (zip bombs stop as they show) and each sheet's rows, cells and merged areas
// counted by a streaming pass: exceljs builds objects for all of them, so it only ever sees a
// workbook already known to be small. The binary .xls (BIFF) is not read: no maintained parser
// is installed, and the officer is asked for .xlsx.

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const SAVE_AGAIN = 'vui lòng mở bằng Excel, lưu lại thành .xlsx (Excel Workbook) rồi gửi lại.';

export const xlsProblem = () =>
  fileProblem(
    'rejected',
    'file',
    'file.xlsUnsupported',
    `Tệp Excel ở định dạng .xls cũ (Excel 97–2003) hoặc được đặt mật khẩu; ${SAVE_AGAIN}`,
    'binary xls or encrypted xlsx',
  );

const damaged = (log: string) =>
  fileProblem(
    'rejected',
    'file',
    'file.xlsxDamaged',
    `Tệp .xlsx bị hỏng, không đọc được; ${SAVE_AGAIN}`,
    log,
  );

const tooLarge = (why: string, log: string) =>
  fileProblem(
    'rejected',
    'file',
    'file.xlsxTooLarge',
    `Bảng tính ${why}, không phải một biểu mẫu báo cáo; vui lòng gửi riêng biểu mẫu ` +
      '(không kèm dữ liệu thô).',
    log,
  );

/** A workbook with no sheet to read: every sheet hidden, or only charts. Not an empty file. */
const noVisibleSheet = (sheets: number) =>
  fileProblem(
    'rejected',
    'file',
    'file.xlsxNoSheet',
    sheets
      ? `Mọi trang tính trong tệp .xlsx đều bị ẩn; vui lòng hiện trang biểu mẫu báo cáo rồi lưu và gửi lại.`
      : `Tệp .xlsx không có trang tính nào (chỉ có biểu đồ); vui lòng gửi biểu mẫu báo cáo.`,
    `xlsx with ${sheets} sheets, none visible`,
  );

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const RELS = 'xl/_rels/workbook.xml.rels';

/** Each element's attributes by its local name, in document order (a small part: workbook, rels). */
function elements(xml: string, local: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new XmlRefused('DOCTYPE');
  });
  parser.on('opentag', (node) => {
    if (node.name.slice(node.name.indexOf(':') + 1) === local)
      out.push(Object.fromEntries(Object.entries(node.attributes).map(([k, v]) => [k, String(v)])));
  });
  parser.write(xml).close();
  return out;
}

/** The worksheet part of each sheet by its name, from workbook.xml and its relationships. */
function partsBySheet(parts: Map<string, Buffer>): Map<string, string> {
  const rels = parts.get(RELS);
  const book = parts.get('xl/workbook.xml');
  if (!rels || !book) return new Map();
  const target = new Map(
    elements(rels.toString('utf8'), 'Relationship').map((r) => [
      r.Id ?? '',
      (r.Target ?? '').replace(/^\/?(?:xl\/)?/, 'xl/'),
    ]),
  );
  const rid = (a: Record<string, string>) =>
    Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
  return new Map(
    elements(book.toString('utf8'), 'sheet').map((a) => [a.name ?? '', target.get(rid(a)) ?? '']),
  );
}

async function census(bytes: Uint8Array): Promise<ZipCensus> {
  try {
    return await inflateCounted(
      bytes,
      (name) => SHEET.test(name) || name === 'xl/workbook.xml' || name === RELS,
    );
  } catch (e) {
    if (e instanceof ZipTooLarge)
      throw tooLarge(
        `giải nén quá lớn bất thường (giới hạn ${MAX_DOCX_XML_BYTES / 1048576} MB nội dung)`,
        `xlsx ${e.message}`,
      );
    throw damaged(`zip unreadable: ${(e as Error).message}`);
  }
}

/**
 * Each sheet's XML counted before exceljs reads it; a DOCTYPE anywhere is refused. Returns the
 * formula cells whose saved result is 0, by part.
 */
function checkSheets(parts: Map<string, Buffer>): Map<string, Set<string>> {
  const zeros = new Map<string, Set<string>>();
  for (const [name, xml] of parts) {
    try {
      if (SHEET.test(name)) zeros.set(name, censusOf(xml.toString('utf8')).zeros);
      else if (/<!DOCTYPE/i.test(xml.toString('utf8'))) throw new XmlRefused('DOCTYPE');
    } catch (e) {
      if (e instanceof SheetTooLarge) {
        const why =
          e.what === 'rows'
            ? `có trang tính hơn ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng`
            : `có trang tính hơn ${MAX_SHEET_CELLS.toLocaleString('vi-VN')} ô`;
        throw tooLarge(why, `${name}: ${e.message}`);
      }
      if (e instanceof XmlRefused)
        throw fileProblem(
          'rejected',
          'file',
          'file.xlsxDamaged',
          'Tệp .xlsx chứa khai báo XML không được phép (DOCTYPE); hệ thống từ chối để bảo đảm an toàn.',
          `${name}: DOCTYPE`,
        );
      throw damaged(`${name}: ${(e as Error).message.slice(0, 200)}`);
    }
  }
  return zeros;
}

/** exceljs keeps a sheet's merged ranges by their top-left cell; they are read, not changed. */
const mergesOf = (ws: Worksheet) =>
  Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {})
    .map((m) => rangeOf(m.range))
    .filter((m) => m !== null);

/**
 * Characters read so far from a workbook's cells. A shared string is stored once and may be
 * named by every cell: a 0.7 MB file whose one long string fills 4,000 cells is 3 GB of text.
 * The count stops reading as soon as it passes the text bound, before the text is built.
 */
interface TextBudget {
  chars: number;
}

/** A formula whose saved result is 0 reads as 0 (exceljs loses it); any other missing result stays empty. */
function savedValue(cell: Cell, zeros: Set<string>): CellValue {
  const v = cell.value;
  const formula = v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
  if (formula && (v as { result?: unknown }).result === undefined && zeros.has(cell.address))
    return 0;
  return v;
}

/** The columns the author hid (Format → Hide): not part of the form the commune shows. */
function hiddenColumnsOf(ws: Worksheet): Set<number> {
  const out = new Set<number>();
  (ws.columns ?? []).forEach((col, i) => {
    if (col.hidden) out.add(i + 1);
  });
  return out;
}

/**
 * The sheet's shown rows and columns as text; hidden rows and columns that hold text are not
 * read but listed, so that the reader can say they were left out (never silently dropped).
 */
function gridOf(ws: Worksheet, budget: TextBudget, zeros: Set<string>): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns = new Set<number>();
  const hiddenColumn = hiddenColumnsOf(ws);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    let hiddenText = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > MAX_SHEET_COLUMNS) return;
      const text = cellText(savedValue(cell, zeros), cell.numFmt);
      budget.chars += text.length;
      if (budget.chars > MAX_TEXT_CHARS) throw textTooLong(budget.chars);
      if (!text.trim()) return;
      if (row.hidden) hiddenText = true;
      else if (hiddenColumn.has(c)) hiddenColumns.add(c);
      // A line break typed in a cell (Alt+Enter) is a space in the line the reader reads.
      else cells[c - 1] = text.replace(/\s*\n\s*/g, ' ').trim();
    });
    if (hiddenText) hiddenRows.push(r);
    else rows.push({ r, cells: Array.from(cells, (t) => t ?? '') });
  });
  const hidden = {
    rows: hiddenRows,
    columns: [...hiddenColumns].sort((a, b) => a - b).map((c) => ws.getColumn(c).letter),
  };
  return { name: ws.name, rows, merges: mergesOf(ws), hidden };
}

async function workbookOf(bytes: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    throw damaged(`exceljs: ${(e as Error).message.slice(0, 200)}`);
  }
  return wb;
}

/** The document model of an Excel form: its visible sheets, hidden ones (lists, lookups) left out. */
export async function readXlsx(bytes: Uint8Array): Promise<Document> {
  if (startsWith(bytes, OLE)) throw xlsProblem();
  if (!startsWith(bytes, ZIP)) throw damaged('not a zip archive');
  const sizes = await census(bytes);
  if (!sizes.parts.has('xl/workbook.xml')) throw damaged('zip without xl/workbook.xml');
  const zeros = checkSheets(sizes.parts);
  let parts: Map<string, string>;
  try {
    parts = partsBySheet(sizes.parts);
  } catch (e) {
    throw damaged(`workbook.xml: ${(e as Error).message.slice(0, 200)}`);
  }
  const wb = await workbookOf(bytes);
  const visible = wb.worksheets.filter((ws) => !ws.state || ws.state === 'visible');
  if (!visible.length) throw noVisibleSheet(wb.worksheets.length);
  const budget: TextBudget = { chars: 0 };
  const grids = visible.map((ws) =>
    gridOf(ws, budget, zeros.get(parts.get(ws.name) ?? '') ?? new Set()),
  );
  const hidden = grids
    .filter((g) => g.hidden.rows.length || g.hidden.columns.length)
    .map((g) => ({ sheet: g.name, ...g.hidden }));
  const document = workbookDocument(grids);
  return layoutDocument(hidden.length ? { ...document, hidden } : document).document;
}
