import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import type { Department, Unit } from '../schemas/unit.js';
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
    a.emails.join(';') === b.emails.join(';')
  );
}

/**
 * What `tonghop units import` writes: the national list (province_code,…,unit_level) adds and
 * renames units but keeps their contacts; a province's contact list (unit_code,email,name) sets
 * the contacts of units already known. Invalid addresses and unknown units are reported, not
 * written.
 */
export function planImport(csv: string, existing: Unit[]): ImportPlan {
  const header = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .toLowerCase();
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const changed: Unit[] = [];
  let unchanged = 0;
  const problems: ContactProblem[] = [];

  if (header.includes('province_code')) {
    for (const u of unitsFromNationalCsv(csv)) {
      const old = byCode.get(u.code);
      const next = { ...u, emails: old?.emails ?? [] };
      if (old && same(old, next)) unchanged++;
      else changed.push(next);
    }
    return { kind: 'national', changed, unchanged, problems, departments: [] };
  }

  if (!/\bunit_code\b/.test(header) || !/\bemail\b/.test(header)) {
    throw new Error(
      'CSV không đúng mẫu: cần cột province_code,province_name,unit_code,unit_name,unit_level (danh mục quốc gia) hoặc unit_code,email,name (danh sách liên hệ của tỉnh).',
    );
  }
  const rows = parse(csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  }) as Array<Record<string, string>>;
  const emailsByUnit = new Map<string, string[]>();
  const departments: Department[] = [];
  const provinceNames = new Map(existing.map((u) => [u.provinceCode, u.provinceName]));
  const validEmails = (raw: string, line: number, unitCode: string) =>
    raw
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
  rows.forEach((row, i) => {
    const line = i + 2;
    const raw = (row.unit_code ?? '').trim();
    if (/^\d{2}$/.test(raw)) {
      const province = provinceNames.get(raw);
      if (!province)
        problems.push({ line, unitCode: raw, message: `Mã tỉnh ${raw} không có trong danh mục.` });
      else
        departments.push({
          provinceCode: raw,
          name: row.name || `Sở Khoa học và Công nghệ tỉnh ${province}`,
          emails: validEmails(row.email ?? '', line, raw),
        });
      return;
    }
    const code = raw.padStart(5, '0');
    const unit = byCode.get(code);
    if (!unit) {
      problems.push({
        line,
        unitCode: code,
        message: `Mã đơn vị ${code} chưa có trong danh mục; hãy nhập danh mục quốc gia trước.`,
      });
      return;
    }
    const list = emailsByUnit.get(code) ?? [];
    for (const email of validEmails(row.email ?? '', line, code))
      if (!list.includes(email)) list.push(email);
    emailsByUnit.set(code, list);
  });
  for (const [code, emails] of emailsByUnit) {
    const old = byCode.get(code)!;
    const next = { ...old, emails };
    if (same(old, next)) unchanged++;
    else changed.push(next);
  }
  return { kind: 'contacts', changed, unchanged, problems, departments };
}
