import type ExcelJS from 'exceljs';
import type { Unit } from '../schemas/unit.js';
import { type ContactRow, type ImportPlan, planContacts, planImport } from './import-units.js';

/** A contact list is a few hundred rows; anything far larger is not one. */
export const MAX_CONTACT_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 20_000;

/** A contact list that cannot be read, with what to do, in Vietnamese. */
export class ContactFileProblem extends Error {
  override readonly name = 'ContactFileProblem';
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink (mailto:)
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return '';
  }
  return String(v);
}

/** The first sheet's rows by lower-case header: the same columns as the CSV. */
export async function contactRowsFromXlsx(bytes: Uint8Array): Promise<ContactRow[]> {
  // exceljs loads here, not with the portal: only a contact list in .xlsx needs it.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new ContactFileProblem(
      'Tệp .xlsx bị hỏng hoặc không phải tệp Excel; vui lòng lưu lại rồi gửi lại.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.rowCount < 2) return [];
  if (sheet.rowCount > MAX_ROWS)
    throw new ContactFileProblem(
      `Bảng có ${sheet.rowCount} dòng, quá ${MAX_ROWS}; đây không phải danh sách liên hệ.`,
    );
  const head = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) =>
    cellText(v).trim().toLowerCase(),
  );
  const rows: ContactRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    // fromEntries makes own properties even of a header named `__proto__`.
    const row: ContactRow = Object.fromEntries(
      head.flatMap((h, i) => (h ? [[h, cellText(values[i]).trim()]] : [])),
    );
    if (Object.values(row).some(Boolean)) rows.push(row);
  }
  return rows;
}

/**
 * The import plan of a contact list the Department uploads: CSV or XLSX with the columns
 * unit_code, email, name, phone (a row whose code is the province's is the Department's own);
 * with a `scope`, rows of other provinces are reported, not taken.
 */
export async function planContactFile(
  fileName: string,
  bytes: Uint8Array,
  existing: Unit[],
  scope?: string,
): Promise<ImportPlan> {
  if (bytes.length > MAX_CONTACT_FILE_BYTES)
    throw new ContactFileProblem(
      'Tệp lớn hơn 5 MB; danh sách liên hệ chỉ cần các cột unit_code, email, name, phone.',
    );
  if (/\.xlsx$/i.test(fileName)) {
    const rows = await contactRowsFromXlsx(bytes);
    if (!rows.length || !Object.hasOwn(rows[0]!, 'unit_code') || !Object.hasOwn(rows[0]!, 'email'))
      throw new ContactFileProblem(
        'Trang đầu của tệp cần các cột unit_code, email, name, phone ở dòng 1.',
      );
    return planContacts(rows, existing, scope);
  }
  if (!/\.csv$/i.test(fileName))
    throw new ContactFileProblem(
      'Vui lòng gửi tệp .csv hoặc .xlsx (cột unit_code, email, name, phone).',
    );
  let plan: ImportPlan;
  try {
    plan = planImport(new TextDecoder().decode(bytes), existing, scope);
  } catch (e) {
    throw new ContactFileProblem((e as Error).message);
  }
  if (plan.kind !== 'contacts')
    throw new ContactFileProblem(
      'Đây là danh mục đơn vị quốc gia, không phải danh sách liên hệ; dùng lệnh tonghop units import.',
    );
  return plan;
}
