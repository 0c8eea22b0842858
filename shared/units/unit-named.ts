import type { Unit } from '../schemas/unit.js';
import { foldKey } from '../text/fold.js';
import type { UnitRegistry } from './registry.js';

const COMMITTEE = /^(?:uy ban nhan dan|ubnd)\s+/;
const LEVEL = /^(xa|phuong|dac khu)\s+(.+)$/;
const LEVELS = { xa: 'xa', phuong: 'phuong', 'dac khu': 'dac_khu' } as const;

/**
 * The unit a name written in full names: "UỶ BAN NHÂN DÂN XÃ TÂN AN", "UBND phường Vinh Hưng",
 * "Xã Yên Thành" (a certificate's CN or O, an edXML package's OrganName). Exact or nothing: the
 * whole name must be the unit's, folded (so "UỶ" and "ỦY" agree); `provinceCode` tells apart
 * units of the same name, and a name several units share otherwise is nothing.
 */
export function unitNamed(
  name: string,
  registry: UnitRegistry,
  provinceCode?: string | null,
): Unit | null {
  const folded = foldKey(name)
    .split(/[,;(]|\s-\s/)[0]!
    .replace(/[.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(COMMITTEE, '');
  const m = LEVEL.exec(folded);
  if (!m) return null;
  const level = LEVELS[m[1] as keyof typeof LEVELS];
  const rest = name
    .normalize('NFC')
    .split(/[,;(]|\s-\s/)[0]!
    .trim();
  // The name's own words, diacritics kept, after the committee and level words.
  const words = rest.split(/\s+/).slice(-m[2]!.split(' ').length).join(' ');
  const found = registry.resolveName(words, { level, provinceCode: provinceCode ?? null });
  if (found.kind === 'resolved' && found.match.distance === 0)
    if (found.match.words === m[2]!.split(' ').length) return found.match.unit;
  const cut = withoutProvince(rest, registry);
  if (!cut || (provinceCode && provinceCode !== cut.provinceCode)) return null;
  return unitNamed(cut.name, registry, cut.provinceCode);
}

/**
 * "… XÃ TÂN AN TỈNH NGHỆ AN": a certificate's name with its province after it and no comma.
 * Only a tail that is exactly a province's name is cut, so a unit whose own name holds such a
 * word is never shortened into another unit.
 */
function withoutProvince(
  name: string,
  registry: UnitRegistry,
): { name: string; provinceCode: string } | null {
  const m = /^(.+?)\s+(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name);
  if (!m) return null;
  const key = foldKey(m[2]!).trim();
  const province = registry
    .provinces()
    .find((p) => foldKey(p.name).replace(/^(?:tinh|thanh pho)\s+/, '') === key);
  return province ? { name: m[1]!, provinceCode: province.code } : null;
}
