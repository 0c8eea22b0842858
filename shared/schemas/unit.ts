import * as z from 'zod';
import { UnitLevel } from './report.js';

export const UnitCode = z.string().regex(/^\d{5}$/, 'mã đơn vị gồm 5 chữ số');
export const ProvinceCode = z.string().regex(/^\d{2}$/, 'mã tỉnh gồm 2 chữ số');

/** A commune-level unit (xã, phường, đặc khu) of the 2025 national list. */
export const Unit = z.object({
  code: UnitCode,
  name: z.string().min(1),
  level: UnitLevel,
  provinceCode: ProvinceCode,
  provinceName: z.string().min(1),
  /** Contact addresses for receipts and reminders; from the province's own CSV. */
  emails: z.array(z.string().email()).default([]),
  /** Who to call about the unit's reports, from the contact list's `name` and `phone`. */
  contactName: z.string().optional(),
  phone: z.string().optional(),
  /**
   * The agency's digital identifier (mã định danh, Quyết định 20/2020/QĐ-TTg), e.g.
   * "000.00.12.H40", from the contact list's `ma_dinh_danh`: an edXML package names its sender so.
   */
  organId: z.string().optional(),
});
export type Unit = z.infer<typeof Unit>;

/**
 * How the signer signs (Nghị định 30/2020, Phụ lục I): in their own right, or on behalf of the
 * head: KT. (ký thay), TM. (thay mặt), TL. (thừa lệnh), TUQ. (thừa ủy quyền).
 */
export const SignAuthority = z.enum(['none', 'KT', 'TM', 'TL', 'TUQ']);
export type SignAuthority = z.infer<typeof SignAuthority>;

const SignerWords = z
  .string()
  .trim()
  .max(80)
  .regex(/^[\p{L}\p{M} .'-]*$/u, 'chỉ gồm chữ, dấu cách, dấu chấm, gạch nối');

/**
 * Who signs the rollup and how: "GIÁM ĐỐC / Nguyễn Văn A", or on the head's behalf
 * "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Thị B". An empty name leaves the line for it blank.
 * Records stored before kept `{ name, deputy }`: a deputy signed "KT. GIÁM ĐỐC".
 */
export const DepartmentSigner = z.preprocess(
  (v) =>
    v && typeof v === 'object' && 'deputy' in v && !('title' in v)
      ? {
          name: (v as { name?: unknown }).name,
          title: (v as { deputy?: unknown }).deputy ? 'PHÓ GIÁM ĐỐC' : 'GIÁM ĐỐC',
          authority: (v as { deputy?: unknown }).deputy ? 'KT' : 'none',
        }
      : v,
  z.object({
    name: SignerWords.default(''),
    /** The signer's own title: "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC". */
    title: SignerWords.min(1),
    authority: SignAuthority.default('none'),
    /** Whom a KT./TM./TL./TUQ. signer stands for: "GIÁM ĐỐC". */
    principal: SignerWords.min(1).default('GIÁM ĐỐC'),
  }),
);
export type DepartmentSigner = z.infer<typeof DepartmentSigner>;

/** The provincial Department of Science and Technology: who receives digests, who signs mails. */
export const Department = z.object({
  provinceCode: ProvinceCode,
  name: z.string().min(1),
  emails: z.array(z.string().email()).default([]),
  /** Who signs the rollup (set on the desk's settings page or by the contacts file). */
  signer: DepartmentSigner.optional(),
  /** The Department's contact for the signature of its mails. */
  phone: z.string().optional(),
  address: z.string().optional(),
});
export type Department = z.infer<typeof Department>;
