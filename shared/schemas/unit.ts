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

/** The provincial Department of Science and Technology: who receives digests, who signs mails. */
export const Department = z.object({
  provinceCode: ProvinceCode,
  name: z.string().min(1),
  emails: z.array(z.string().email()).default([]),
  /**
   * Who signs the rollup: the Director ("GIÁM ĐỐC"), or a Deputy on the Director's behalf
   * ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"); the name goes under the signature.
   */
  signer: z.object({ name: z.string().min(1), deputy: z.boolean() }).optional(),
  /** The Department's contact for the signature of its mails. */
  phone: z.string().optional(),
  address: z.string().optional(),
});
export type Department = z.infer<typeof Department>;
