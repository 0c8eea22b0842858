import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { type Department, DepartmentSigner, type Unit } from '../schemas/unit.js';
import { unitsFromNationalCsv } from './load-units.js';

export interface ContactProblem {
  line: number;
  unitCode: string;
  message: string;
}

export interface ImportPlan {
  kind: 'national' | 'contacts';
  /** Units to write: new ones, or existing ones whose data changed. */
  changed: Unit[];
  unchanged: number;
  problems: ContactProblem[];
  /** Rows whose code is a province's (two digits): the Department's own address. */
  departments: Department[];
}

const Email = z.string().email();

function same(a: Unit, b: Unit): boolean {
  return (
    a.name === b.name &&
    a.level === b.level &&
    a.provinceCode === b.provinceCode &&
    a.provinceName === b.provinceName &&
    a.emails.join(';') === b.emails.join(';') &&
    a.contactName === b.contactName &&
    a.phone === b.phone &&
    a.organId === b.organId
  );
}

/** Optional columns of the Department's row: signer_name, signer_title, phone, address. */
function departmentExtras(row: Record<string, string | undefined>): Partial<Department> {
  const name = row.signer_name?.trim();
  const title = row.signer_title?.trim() || 'Giám đốc';
  // A deputy signs on the Director's behalf: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
  const deputy = /ph[oó]/i.test(title);
  const signer = DepartmentSigner.safeParse({ name, title, authority: deputy ? 'KT' : 'none' });
  return {
    ...(name && signer.success ? { signer: signer.data } : {}),
    ...(row.phone?.trim() ? { phone: row.phone.trim() } : {}),
    ...(row.address?.trim() ? { address: row.address.trim() } : {}),
  };
}

/**
 * The Department as a contacts file's row gives it, keeping what the row leaves out (the signer
 * set on the desk's settings page, its phone and address): an import never erases a setting.
 */
export function mergedDepartment(row: Department, stored: Department | null): Department {
  return { ...stored, ...row, emails: row.emails.length ? row.emails : (stored?.emails ?? []) };
}

/**
 * What `tonghop units import` writes: the national list (province_code,…,unit_level) adds and
 * renames units but keeps their contacts; a province's contact list (unit_code,email,name) sets
 * the contacts of units already known. Invalid addresses and unknown units are reported, not
 * written.
 */
export function planImport(csv: string, existing: Unit[], scope?: string): ImportPlan {
  const header = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .toLowerCase();
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const changed: Unit[] = [];
  let unchanged = 0;

  if (header.includes('province_code')) {
    for (const u of unitsFromNationalCsv(csv)) {
      const old = byCode.get(u.code);
      const next = {
        ...u,
        emails: old?.emails ?? [],
        ...(old?.contactName ? { contactName: old.contactName } : {}),
        ...(old?.phone ? { phone: old.phone } : {}),
        ...(old?.organId ? { organId: old.organId } : {}),
      };
      if (old && same(old, next)) unchanged++;
      else changed.push(next);
    }
    return { kind: 'national', changed, unchanged, problems: [], departments: [] };
  }

  if (!/\bunit_code\b/.test(header) || !/\bemail\b/.test(header)) {
    throw new Error(
      'CSV không đúng mẫu: cần cột province_code,province_name,unit_code,unit_name,unit_level ' +
        '(danh mục quốc gia) hoặc unit_code,email,name,phone (danh sách liên hệ của tỉnh).',
    );
  }
  const rows = parse(csv, {
    columns: (head: string[]) => head.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  }) as ContactRow[];
  return planContacts(rows, existing, scope);
}

/** One row of a contact list, by lower-case column name: unit_code, email, name, phone, ma_dinh_danh. */
export type ContactRow = Record<string, string | undefined>;

function validEmails(raw: string, line: number, unitCode: string, problems: ContactProblem[]) {
  return raw
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((e) => e.toLowerCase())
    .filter((email) => {
      const ok = Email.safeParse(email).success;
      if (!ok)
        problems.push({
          line,
          unitCode,
          message: `Địa chỉ thư "${email}" không hợp lệ; không gửi tới địa chỉ này.`,
        });
      return ok;
    });
}

interface ContactOfUnit {
  emails: string[];
  contactName?: string;
  phone?: string;
  organId?: string;
}

const OUTSIDE =
  'thuộc tỉnh khác; Sở chỉ cập nhật liên hệ của các đơn vị trong tỉnh mình, dòng này bỏ qua.';

/**
 * The province a contact list is of, when nobody said: that of its first row naming a known unit
 * or a province. A list is one province's; a row of another would give that unit receipts.
 */
function listProvince(rows: ContactRow[], byCode: Map<string, Unit>): string | undefined {
  for (const row of rows) {
    const raw = String(row.unit_code ?? '').trim();
    if (/^\d{2}$/.test(raw)) return raw;
    const unit = byCode.get(raw.padStart(5, '0'));
    if (unit) return unit.provinceCode;
  }
  return undefined;
}

/**
 * A contact list's rows into each unit's addresses, contact name and phone (first given wins);
 * rows of another province than `scope` (or the list's own, listProvince) are reported, not taken.
 */
function contactsOf(
  rows: ContactRow[],
  existing: Unit[],
  problems: ContactProblem[],
  scope?: string,
) {
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const provinceNames = new Map(existing.map((u) => [u.provinceCode, u.provinceName]));
  scope ??= listProvince(rows, byCode);
  const units = new Map<string, ContactOfUnit>();
  const departments: Department[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const raw = String(row.unit_code ?? '').trim();
    if (/^\d{2}$/.test(raw) && scope && raw !== scope) {
      problems.push({ line, unitCode: raw, message: `Mã tỉnh ${raw} ${OUTSIDE}` });
      return;
    }
    if (/^\d{2}$/.test(raw)) {
      const province = provinceNames.get(raw);
      if (!province)
        problems.push({ line, unitCode: raw, message: `Mã tỉnh ${raw} không có trong danh mục.` });
      else
        departments.push({
          provinceCode: raw,
          name: row.name?.trim() || `Sở Khoa học và Công nghệ tỉnh ${province}`,
          emails: validEmails(row.email ?? '', line, raw, problems),
          ...departmentExtras(row),
        });
      return;
    }
    const code = raw.padStart(5, '0');
    if (!byCode.has(code)) {
      problems.push({
        line,
        unitCode: code,
        message: `Mã đơn vị ${code} chưa có trong danh mục; hãy nhập danh mục quốc gia trước.`,
      });
      return;
    }
    if (scope && byCode.get(code)!.provinceCode !== scope) {
      problems.push({ line, unitCode: code, message: `Đơn vị ${code} ${OUTSIDE}` });
      return;
    }
    const c = units.get(code) ?? { emails: [] };
    for (const email of validEmails(row.email ?? '', line, code, problems))
      if (!c.emails.includes(email)) c.emails.push(email);
    c.contactName ??= row.name?.trim() || undefined;
    c.phone ??= row.phone?.trim() || undefined;
    c.organId ??= row.ma_dinh_danh?.trim() || undefined;
    units.set(code, c);
  });
  return { units, departments, byCode };
}

/**
 * A province's contact list (from a CSV or an XLSX sheet) onto the units already known: their
 * addresses, contact name and phone. Invalid addresses and unknown units are reported, not written;
 * with a `scope` (a province code, the portal's import), so are rows of other provinces.
 */
export function planContacts(rows: ContactRow[], existing: Unit[], scope?: string): ImportPlan {
  const problems: ContactProblem[] = [];
  const { units, departments, byCode } = contactsOf(rows, existing, problems, scope);
  const changed: Unit[] = [];
  let unchanged = 0;
  for (const [code, c] of units) {
    const { contactName: _n, phone: _p, organId: _o, ...old } = byCode.get(code)!;
    const next: Unit = {
      ...old,
      emails: c.emails,
      ...(c.contactName ? { contactName: c.contactName } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.organId ? { organId: c.organId } : {}),
    };
    if (same(byCode.get(code)!, next)) unchanged++;
    else changed.push(next);
  }
  return { kind: 'contacts', changed, unchanged, problems, departments };
}
