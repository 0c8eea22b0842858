import * as z from 'zod';
import { Uploader } from '../shared/schemas/uploader.js';

/**
 * Who is signed in: a unit's contact, or a Department's staff member of one province. The same
 * person an upload's metadata names (`Uploader`), always with an e-mail address.
 */
export const Identity = Uploader.extend({ email: z.string() });
export type Identity = z.infer<typeof Identity>;

/** May this person see a unit's pages and download its originals? */
export function canReadUnit(who: Identity, unit: { code: string; provinceCode: string }): boolean {
  if (who.role === 'staff') return who.provinceCode === unit.provinceCode;
  return who.unitCode === unit.code && who.provinceCode === unit.provinceCode;
}

/** May this person upload for a unit? Staff upload for the units of their province. */
export const canUploadFor = canReadUnit;

/** The claims of a verified ID token that decide who someone is. */
export interface IdentityClaims {
  sub: string;
  email: string;
  unitCode: string | null;
  provinceCode: string | null;
  staffProvinces: string[];
}

/**
 * Staff by group (one group per province), a commune by its unit attribute; anything else
 * (no group, no unit, several provinces) is nobody: such an account has no business here.
 */
export function identityOf(claims: IdentityClaims): Identity | null {
  const [staffOf, ...more] = claims.staffProvinces;
  const base = { sub: claims.sub, email: claims.email };
  if (staffOf && more.length === 0)
    return Identity.safeParse({ ...base, role: 'staff', provinceCode: staffOf }).data ?? null;
  if (claims.staffProvinces.length || !claims.unitCode || !claims.provinceCode) return null;
  return (
    Identity.safeParse({
      ...base,
      role: 'commune',
      provinceCode: claims.provinceCode,
      unitCode: claims.unitCode,
    }).data ?? null
  );
}
