import { readFile } from 'node:fs/promises';
import type { Invitation } from '../../shared/accounts/invite-contacts.js';
import { mergedDepartment, planImport } from '../../shared/units/import-units.js';
import { NATIONAL_UNITS_CSV } from '../registry.js';
import type { Target } from '../target.js';
import { formatInvitations, invite } from './invite.js';

export interface ImportSummary {
  kind: 'national' | 'contacts';
  written: number;
  unchanged: number;
  problems: Array<{ line: number; unitCode: string; message: string }>;
  departments: string[];
  /** Portal accounts made for the imported contacts (null: no user pool configured). */
  invitations: Invitation[] | null;
}

/** Imports the national list (default) or a province's contact CSV into the unit table. */
export async function importUnits(
  target: Target,
  csvPath = NATIONAL_UNITS_CSV,
  /** A contact list's province; by default that of its first row (other provinces' rows are refused). */
  province?: string,
): Promise<ImportSummary> {
  const csv = await readFile(csvPath, 'utf8');
  const plan = planImport(csv, await target.ports.units.list(), province);
  const written = await target.ports.units.put(plan.changed);
  for (const d of plan.departments) {
    const stored = await target.ports.departments.get(d.provinceCode);
    await target.ports.departments.put(mergedDepartment(d, stored));
  }
  const invitations =
    plan.kind === 'contacts'
      ? await invite(
          plan.changed.filter((u) => u.emails.length),
          plan.departments,
        )
      : [];
  return {
    kind: plan.kind,
    written,
    unchanged: plan.unchanged,
    problems: plan.problems,
    departments: plan.departments.map((d) => `${d.name} <${d.emails.join(', ')}>`),
    invitations,
  };
}

/** The national list, imported once when the table has no units yet. */
export async function ensureUnits(target: Target): Promise<void> {
  if ((await target.ports.units.list('01')).length === 0) await importUnits(target);
}

export function formatImport(s: ImportSummary): string {
  const what = s.kind === 'national' ? 'danh mục đơn vị hành chính' : 'danh sách liên hệ';
  const lines = [
    `Đã nhập ${what}: ${s.written} đơn vị ghi mới hoặc cập nhật, ${s.unchanged} không đổi.`,
  ];
  for (const d of s.departments) lines.push(`Địa chỉ của Sở: ${d}`);
  lines.push(...formatInvitations(s.invitations));
  for (const p of s.problems) lines.push(`  ! dòng ${p.line} (${p.unitCode}): ${p.message}`);
  return `${lines.join('\n')}\n`;
}
