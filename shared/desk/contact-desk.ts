import { type Invitation, inviteContacts } from '../accounts/invite-contacts.js';
import type { AccountDirectory } from '../ports/accounts.js';
import type { DepartmentStore } from '../ports/department-store.js';
import type { DeskLog } from '../ports/desk-log.js';
import type { Mailer } from '../ports/mail.js';
import type { UnitStore } from '../ports/unit-store.js';
import type { Unit } from '../schemas/unit.js';
import { planContactFile } from '../units/contact-file.js';
import { type ContactProblem, mergedDepartment } from '../units/import-units.js';
import { DeskRefused, type DeskStaff, record } from './desk-staff.js';

export interface ContactDeskDeps {
  units: UnitStore;
  departments: DepartmentStore;
  log: DeskLog;
  /** The user pool and the invitation mail; null where the deployment has no pool or sender. */
  accounts: AccountDirectory | null;
  mailer: Mailer | null;
  portalUrl: string;
  now: () => Date;
}

export interface ContactImport {
  fileName: string;
  written: number;
  unchanged: number;
  problems: ContactProblem[];
  /** Null when no invitation was asked for. */
  invitations: Invitation[] | null;
}

const NO_POOL =
  'Chưa mời được: hệ thống chưa cấu hình tài khoản cổng (user pool) hoặc địa chỉ gửi thư; báo quản trị hệ thống.';

async function invited(
  units: Unit[],
  who: DeskStaff,
  deps: ContactDeskDeps,
): Promise<Invitation[]> {
  if (!deps.accounts || !deps.mailer) throw new DeskRefused('accounts', NO_POOL);
  const list = await inviteContacts(units, [], {
    accounts: deps.accounts,
    mailer: deps.mailer,
    portalUrl: deps.portalUrl,
  });
  for (const i of list.filter((x) => x.invited))
    await record(deps.log, who, deps.now(), 'account_invited', i.email, `đơn vị ${i.unitCode}`);
  return list;
}

/**
 * The contact list the Department uploads (CSV or XLSX: unit_code, email, name, phone) onto the
 * units of its own province; rows of other provinces, unknown units and invalid addresses are
 * reported. With `invite`, each new address of a changed unit gets its portal account.
 */
export async function importContacts(
  file: { name: string; bytes: Uint8Array },
  invite: boolean,
  who: DeskStaff,
  deps: ContactDeskDeps,
): Promise<ContactImport> {
  const plan = await planContactFile(
    file.name,
    file.bytes,
    await deps.units.list(),
    who.provinceCode,
  );
  const written = await deps.units.put(plan.changed);
  for (const d of plan.departments)
    await deps.departments.put(mergedDepartment(d, await deps.departments.get(d.provinceCode)));
  const detail = `${written} đơn vị cập nhật, ${plan.unchanged} không đổi, ${plan.problems.length} dòng có vấn đề`;
  await record(deps.log, who, deps.now(), 'contacts_imported', file.name, detail);
  const withMail = plan.changed.filter((u) => u.emails.length);
  return {
    fileName: file.name,
    written,
    unchanged: plan.unchanged,
    problems: plan.problems,
    invitations: invite ? await invited(withMail, who, deps) : null,
  };
}

async function unitOf(unitCode: string, who: DeskStaff, deps: ContactDeskDeps): Promise<Unit> {
  const unit = (await deps.units.list(who.provinceCode)).find((u) => u.code === unitCode);
  if (!unit)
    throw new DeskRefused(
      'unitCode',
      `Tỉnh không có đơn vị mã ${unitCode}; vui lòng tải lại trang.`,
    );
  return unit;
}

/** Portal accounts for every address of one unit of the province; existing ones are left. */
export async function inviteUnit(
  unitCode: string,
  who: DeskStaff,
  deps: ContactDeskDeps,
): Promise<Invitation[]> {
  const unit = await unitOf(unitCode, who, deps);
  if (!unit.emails.length)
    throw new DeskRefused(
      'email',
      'Đơn vị chưa có địa chỉ thư; hãy nhập danh sách liên hệ có địa chỉ của đơn vị trước.',
    );
  return invited([unit], who, deps);
}

/**
 * Revokes the portal account of one address of a unit of the province: it can no longer sign
 * in. Only an address the unit's contacts hold, and only an account of this province.
 */
export async function revokeAccount(
  unitCode: string,
  email: string,
  who: DeskStaff,
  deps: ContactDeskDeps,
): Promise<void> {
  const unit = await unitOf(unitCode, who, deps);
  const address = email.trim().toLowerCase();
  if (!unit.emails.includes(address))
    throw new DeskRefused(
      'email',
      `Địa chỉ ${address} không thuộc đơn vị ${unit.code}; vui lòng tải lại trang.`,
    );
  if (!deps.accounts) throw new DeskRefused('accounts', NO_POOL);
  const { revoked } = await deps.accounts.revoke(address, who.provinceCode);
  if (!revoked)
    throw new DeskRefused(
      'email',
      `Địa chỉ ${address} chưa có tài khoản cổng của tỉnh; không có gì để thu hồi.`,
    );
  await record(deps.log, who, deps.now(), 'account_revoked', address, `đơn vị ${unit.code}`);
}
