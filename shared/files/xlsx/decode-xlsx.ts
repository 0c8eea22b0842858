import type { Workbook, Worksheet } from 'exceljs';
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

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

async function census(bytes: Uint8Array): Promise<ZipCensus> {
  try {
    return await inflateCounted(bytes, (name) => SHEET.test(name) || name === 'xl/workbook.xml');
  } catch (e) {
    if (e instanceof ZipTooLarge)
      throw tooLarge(
        `giải nén quá lớn bất thường (giới hạn ${MAX_DOCX_XML_BYTES / 1048576} MB nội dung)`,
        `xlsx ${e.message}`,
      );
    throw damaged(`zip unreadable: ${(e as Error).message}`);
  }
}

/** Each sheet's XML counted before exceljs reads it; a DOCTYPE anywhere is refused. */
function checkSheets(parts: Map<string, Buffer>): void {
  for (const [name, xml] of parts) {
    try {
      if (SHEET.test(name)) censusOf(xml.toString('utf8'));
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

function gridOf(ws: Worksheet, budget: TextBudget): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > MAX_SHEET_COLUMNS) return;
      const text = cellText(cell.value, cell.numFmt);
      budget.chars += text.length;
      if (budget.chars > MAX_TEXT_CHARS) throw textTooLong(budget.chars);
      // A line break typed in a cell (Alt+Enter) is a space in the line the reader reads.
      cells[c - 1] = text.replace(/\s*\n\s*/g, ' ').trim();
    });
    rows.push({ r, cells: Array.from(cells, (t) => t ?? '') });
  });
  return { name: ws.name, rows, merges: mergesOf(ws) };
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
  checkSheets(sizes.parts);
  const wb = await workbookOf(bytes);
  const visible = wb.worksheets.filter((ws) => !ws.state || ws.state === 'visible');
  const budget: TextBudget = { chars: 0 };
  return layoutDocument(workbookDocument(visible.map((ws) => gridOf(ws, budget)))).document;
}
