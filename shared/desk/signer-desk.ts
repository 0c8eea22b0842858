import type { DepartmentStore } from '../ports/department-store.js';
import type { DeskLog } from '../ports/desk-log.js';
import type { UnitStore } from '../ports/unit-store.js';
import { signatureBlock } from '../rollup/signature-block.js';
import { type Department, DepartmentSigner } from '../schemas/unit.js';
import { provinceTitle } from '../units/province-title.js';
import { DeskRefused, type DeskStaff, record } from './desk-staff.js';

export interface SignerDeskDeps {
  departments: DepartmentStore;
  units: UnitStore;
  log: DeskLog;
  now: () => Date;
}

/** What the settings form sends; every field as typed. */
export interface SignerForm {
  name: string;
  title: string;
  authority: string;
  principal: string;
}

const FIELD_WORDS: Record<string, string> = {
  name: 'Họ và tên người ký',
  title: 'Chức vụ người ký',
  authority: 'Hình thức ký',
  principal: 'Ký thay cho',
};

/** The signer the form describes, or the first problem in words for the field. */
function signerOf(form: SignerForm): DepartmentSigner {
  const parsed = DepartmentSigner.safeParse({
    name: form.name,
    title: form.title,
    authority: form.authority || 'none',
    principal: form.principal || 'GIÁM ĐỐC',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'title');
    const what =
      issue.code === 'too_small'
        ? 'không được để trống'
        : issue.code === 'too_big'
          ? 'dài quá 80 ký tự'
          : 'chỉ gồm chữ, dấu cách, dấu chấm, gạch nối';
    throw new DeskRefused(field, `${FIELD_WORDS[field] ?? field}: ${what}.`);
  }
  const s = parsed.data;
  // "KT. GIÁM ĐỐC / GIÁM ĐỐC" signs for oneself: the one who signs on behalf has another title.
  if (s.authority !== 'none' && fold(s.title) === fold(s.principal))
    throw new DeskRefused(
      'title',
      `Chức vụ người ký: người ký ${s.authority}. phải có chức vụ khác "${s.principal}" (ví dụ Phó Giám đốc).`,
    );
  return s;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/**
 * Sets who signs the province's rollup (the Department's settings page): stored with the
 * Department, written to the desk log, used by every rollup built after it.
 */
export async function setSigner(
  form: SignerForm,
  who: DeskStaff,
  deps: SignerDeskDeps,
): Promise<Department> {
  const signer = signerOf(form);
  const stored = await deps.departments.get(who.provinceCode);
  const province = stored ? null : (await deps.units.list(who.provinceCode))[0]?.provinceName;
  const department: Department = stored
    ? { ...stored, signer }
    : {
        provinceCode: who.provinceCode,
        name: `Sở Khoa học và Công nghệ${province ? ` ${provinceTitle(province)}` : ''}`,
        emails: [],
        signer,
      };
  await deps.departments.put(department);
  const block = signatureBlock(signer);
  const detail = [...block.titles, block.name ?? '(để trống dòng họ tên)'].join(' / ');
  await record(deps.log, who, deps.now(), 'signer_set', 'Người ký báo cáo tổng hợp', detail);
  return department;
}
