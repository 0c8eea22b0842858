import type { UnitLevel } from '../schemas/report.js';
import type { Unit } from '../schemas/unit.js';
import { fold, foldKey } from '../text/fold.js';

export interface Province {
  code: string;
  name: string;
}

export interface NameMatch {
  unit: Unit;
  /** 0 for an exact match of the folded name; grows with OCR damage. */
  distance: number;
  /** How many words of the candidate text the name took. */
  words: number;
  /** How many words the candidate text had (at most five are read). */
  of: number;
  /** An exact name taken over a longer one further off ("U Minh" in "U MINH THWO'NG"). */
  overLonger?: boolean;
}

export type Resolution =
  | { kind: 'resolved'; match: NameMatch }
  | { kind: 'ambiguous'; candidates: Unit[] }
  | { kind: 'none' };

// OCR confuses these pairs often enough that a swap costs less than a plain substitution:
// "Đ" is read as "P" or "B", "ơ"/"ô" as "6" or "0", "l" as "1".
const CHEAP_SWAPS = new Set([
  'pd',
  'dp',
  'bd',
  'db',
  '6o',
  'o6',
  '0o',
  'o0',
  '1l',
  'l1',
  '1i',
  'i1',
  'il',
  'li',
  'ce',
  'ec',
  'rn',
  'nr',
  'uy',
  'yu',
  'gc',
  'cg',
]);

function swapCost(a: string, b: string): number {
  if (a === b) return 0;
  return CHEAP_SWAPS.has(a + b) ? 0.4 : 1;
}

/** Edit distance with cheap OCR swaps; stops early once it exceeds `limit`. */
export function ocrDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        curr[j - 1]! + 1,
        prev[j - 1]! + swapCost(a[i - 1]!, b[j - 1]!),
      );
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return Infinity;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/**
 * A damaged name matched on fewer words than the best so far never wins: "TẠ AN KHWO'NG" is Tạ An
 * Khương (2 edits), not Tân Ân, one edit from its first two words with "KHWO'NG" left over; "CAO
 * SO'N" is Cao Sơn, not Gào ("c" read for "g"). Only an exact name may (see below).
 */
const explainsAsMuch = (words: number, best: { words: number }) => words >= best.words;

/** Lower case with the two tone-mark styles ("Hòa"/"Hoà") made one; diacritics kept. */
function toneStyle(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/oà/g, 'òa')
    .replace(/oá/g, 'óa')
    .replace(/oả/g, 'ỏa')
    .replace(/oã/g, 'õa')
    .replace(/oạ/g, 'ọa')
    .replace(/uỳ/g, 'ùy')
    .replace(/uý/g, 'úy')
    .replace(/uỷ/g, 'ủy')
    .replace(/uỹ/g, 'ũy')
    .replace(/uỵ/g, 'ụy')
    .replace(/oè/g, 'òe')
    .replace(/oé/g, 'óe')
    .replace(/oẻ/g, 'ỏe')
    .replace(/oẽ/g, 'õe')
    .replace(/oẹ/g, 'ọe');
}

function nameKey(name: string): string {
  // Tone-mark styles ("Hòa"/"Hoà") fold to the same key; apostrophes in Central Highlands names too.
  // Collapsed again: "Lang Biang - Đà Lạt" loses its dash, not a word boundary.
  return foldKey(name)
    .replace(/[^a-z0-9' ]/g, '')
    .replace(/ {2,}/g, ' ');
}

/** The national list of commune-level units, searchable by code, province and (damaged) name. */
export class UnitRegistry {
  private readonly byCodeMap = new Map<string, Unit>();
  private readonly byOrganIdMap = new Map<string, Unit>();
  private readonly byProvince = new Map<string, Unit[]>();
  private readonly byKey = new Map<string, Unit[]>();
  private readonly provinceList: Province[] = [];
  private readonly keys: Array<{ key: string; unit: Unit }> = [];

  constructor(units: Iterable<Unit>) {
    for (const unit of units) {
      this.byCodeMap.set(unit.code, unit);
      if (unit.organId) this.byOrganIdMap.set(unit.organId.toUpperCase(), unit);
      let list = this.byProvince.get(unit.provinceCode);
      if (!list) {
        list = [];
        this.byProvince.set(unit.provinceCode, list);
        this.provinceList.push({ code: unit.provinceCode, name: unit.provinceName });
      }
      list.push(unit);
      const key = nameKey(unit.name);
      const same = this.byKey.get(key);
      if (same) same.push(unit);
      else this.byKey.set(key, [unit]);
      this.keys.push({ key, unit });
    }
    this.provinceList.sort((a, b) => a.code.localeCompare(b.code));
  }

  get size(): number {
    return this.byCodeMap.size;
  }

  byCode(code: string): Unit | undefined {
    return this.byCodeMap.get(code);
  }

  /** The unit whose digital identifier (mã định danh) this is, when the contact list gave it. */
  byOrganId(organId: string): Unit | undefined {
    return this.byOrganIdMap.get(organId.trim().toUpperCase());
  }

  unitsOf(provinceCode: string): Unit[] {
    return this.byProvince.get(provinceCode) ?? [];
  }

  provinces(): Province[] {
    return this.provinceList;
  }

  province(code: string): Province | undefined {
    return this.provinceList.find((p) => p.code === code);
  }

  /** A province named in text ("tỉnh Quảng Ngãi", "TINH HA TINH"), tolerant of OCR damage. */
  resolveProvince(text: string): Province | undefined {
    const key = nameKey(text);
    let best: { p: Province; d: number } | undefined;
    for (const p of this.provinceList) {
      const pk = nameKey(p.name);
      const candidate = key.split(' ').slice(0, pk.split(' ').length).join(' ');
      const d = ocrDistance(candidate, pk, 2);
      if (d <= Math.max(0.4, pk.length * 0.15) && (!best || d < best.d)) best = { p, d };
    }
    return best?.p;
  }

  /**
   * Resolves the unit whose name starts `text` (the words after "xã", "phường" …). Tries one to
   * five words, exact folded names first, then OCR-tolerant ones; several units of the same name
   * are narrowed by level and province, and reported as ambiguous when that is not enough.
   */
  resolveName(
    text: string,
    opts: { level?: UnitLevel | null; provinceCode?: string | null } = {},
  ): Resolution {
    const words = nameKey(text).split(' ').filter(Boolean).slice(0, 5);
    const narrow = (units: Unit[]): Unit[] => {
      let out = units;
      if (opts.level) {
        const l = out.filter((u) => u.level === opts.level);
        if (l.length) out = l;
      }
      if (opts.provinceCode) {
        const p = out.filter((u) => u.provinceCode === opts.provinceCode);
        if (p.length) out = p;
      }
      return out;
    };
    let best: { units: Unit[]; distance: number; words: number; overLonger?: boolean } | undefined;
    for (let n = Math.min(words.length, 5); n >= 1; n--) {
      const candidate = words.slice(0, n).join(' ');
      if (candidate.length < 2) continue;
      const exact = this.byKey.get(candidate);
      if (exact) {
        const units = narrow(exact);
        // A longer name one OCR confusion away ("Nam Đông Hwng") explains more of the text than
        // a shorter exact one ("Nam Đông"); further off, the exact name wins.
        if (!best || best.distance > 1 || n > best.words)
          best = { units, distance: 0, words: n, overLonger: !!best && best.words > n };
        break;
      }
      const limit = Math.max(1, Math.floor(candidate.length * 0.2));
      for (const { key, unit } of this.keys) {
        const d = ocrDistance(candidate, key, limit);
        if (d > limit || d === Infinity) continue;
        // Longer names must be close in proportion to their length; short ones must be nearly exact.
        if (d / key.length > 0.22) continue;
        if (!best || (d < best.distance - 1e-9 && explainsAsMuch(n, best)))
          best = { units: [unit], distance: d, words: n };
        else if (
          Math.abs(d - best.distance) < 1e-9 &&
          n === best.words &&
          !best.units.includes(unit)
        )
          best.units.push(unit);
      }
    }
    if (!best) return { kind: 'none' };
    let units = best.distance === 0 ? best.units : narrow(best.units);
    if (units.length > 1) {
      // Typed with its diacritics, "Vinh Hưng" is not "Vĩnh Hưng": the exact spelling decides.
      const typed = toneStyle(text.split(/\s+/).slice(0, best.words).join(' '));
      const exact = units.filter((u) => toneStyle(u.name) === typed);
      if (exact.length) units = exact;
    }
    if (units.length === 1)
      return {
        kind: 'resolved',
        match: {
          unit: units[0]!,
          distance: best.distance,
          words: best.words,
          of: words.length,
          ...(best.overLonger ? { overLonger: true } : {}),
        },
      };
    return { kind: 'ambiguous', candidates: units };
  }
}

export { fold };
