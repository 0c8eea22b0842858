import { fold } from '../text/fold.js';
import type { Province, UnitRegistry } from '../units/registry.js';
import type { Line } from './lines.js';
import { NATIONAL_MOTTO } from './patterns.js';

// Where the text says which province a commune belongs to, strongest first. A commune's name
// is often shared (Tân An: ten units in ten provinces), so its province must come from what the
// text says of the commune itself, never from a province it happens to mention (a visit, a
// comparison): the province line above the commune in the header, the Department it writes to
// (Kính gửi), the Department or provincial committee whose documents it cites or answers, and a
// place-and-date line naming a province. Clues of one tier that disagree settle nothing.

export interface ProvinceClue {
  province: Province;
  /** Which clue said it, for the diagnostics. */
  source: 'header' | 'recipient' | 'authority' | 'place';
}

const PROVINCE_WORD = String.raw`(?:t[i1]nh|th[a-z]nh\s+ph[o0])\s+`;
// "UBND TỈNH X", "ỦY BAN NHÂN DÂN TỈNH X", "TỈNH X" heading the header's left column.
const HEADER_PROVINCE = new RegExp(
  String.raw`^(?:(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)\s+)?${PROVINCE_WORD}(?=\S)`,
);
// "Sở Khoa học và Công nghệ tỉnh X", "Sở KH&CN thành phố X", "UBND tỉnh X", "Ủy ban nhân dân tỉnh X".
const AUTHORITY = new RegExp(
  // The department's name has no figure and no "của" in it: a run from "số 12/…" never reaches it.
  String.raw`(?:(?<![a-z])s[o0]\s+(?:(?!cua\s)[^\s.;:\d]+\s+){1,7}?` +
    String.raw`|(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)\s+)` +
    String.raw`${PROVINCE_WORD}(?=\S)`,
  'g',
);
const ANY_PROVINCE = new RegExp(String.raw`(?<![a-z])${PROVINCE_WORD}(?=\S)`, 'g');
// A text repeating the phrase must not cost a look-up each time: a few dozen settle it.
const MAX_LOOKUPS = 24;

const leftColumn = (l: Line): Line => {
  const m = NATIONAL_MOTTO.exec(l.folded);
  const gap = /\s{3,}|\t/.exec(l.text);
  const end = Math.min(m && m.index > 0 ? m.index : l.text.length, gap ? gap.index : l.text.length);
  return { ...l, text: l.text.slice(0, end), folded: l.folded.slice(0, end) };
};

/** The one province a tier names, or null when it names none or several. */
function single(found: Province[]): Province | null {
  const codes = new Set(found.map((p) => p.code));
  return codes.size === 1 ? found[0]! : null;
}

// "Sở Khoa học …", "Sở KH&CN …": a department's name is capitalised, and "số" (a number, "chuyển
// đổi số tại tỉnh …") folds like "sở" but is none.
const DEPARTMENT = /^[sS]\S?\s+\p{Lu}/u;
const isDepartment = (l: Line, at: number) =>
  !/^[sS][ốỐ]/u.test(l.text.slice(at, at + 2)) && DEPARTMENT.test(l.text.slice(at, at + 12));

function namedAfter(l: Line, re: RegExp, registry: UnitRegistry, budget: { n: number }) {
  const out: Province[] = [];
  for (const m of l.folded.matchAll(re)) {
    if (re === AUTHORITY && m[0].startsWith('s') && !isDepartment(l, m.index)) continue;
    if (budget.n-- <= 0) break;
    const from = m.index + m[0].length;
    const p = registry.resolveProvince(l.text.slice(from, from + 24));
    if (p) out.push(p);
  }
  return out;
}

export interface ClueSources {
  headerLines: Line[];
  recipients: string[];
  /** The lines that name who the commune answers or cites (preamble, body). */
  body: Line[];
  place: string | null;
}

/** The province the text gives the commune, by the strongest tier that names exactly one. */
export function provinceClue(s: ClueSources, registry: UnitRegistry): ProvinceClue | null {
  const budget = { n: MAX_LOOKUPS };
  const header = s.headerLines.flatMap((l) => {
    const left = leftColumn(l);
    return HEADER_PROVINCE.test(left.folded)
      ? namedAfter(left, new RegExp(PROVINCE_WORD, 'g'), registry, budget).slice(0, 1)
      : [];
  });
  const recipientLines = s.recipients.map((text, index) => lineOf(text, index));
  const tiers: Array<[ProvinceClue['source'], Province[]]> = [
    ['header', header],
    ['recipient', recipientLines.flatMap((l) => namedAfter(l, ANY_PROVINCE, registry, budget))],
    ['authority', s.body.flatMap((l) => namedAfter(l, AUTHORITY, registry, budget))],
    ['place', ownName(s.place, s.headerLines) ? [] : placeProvince(s.place, registry)],
  ];
  for (const [source, found] of tiers) {
    if (!found.length) continue;
    const province = single(found);
    return province ? { province, source } : null;
  }
  return null;
}

const squeeze = (t: string) => fold(t).replace(/\s+/g, ' ').trim();

/**
 * The place is the commune's own name ("Phú Thọ, ngày …" under "PHƯỜNG PHÚ THỌ"), as most
 * communes write it: a province of the same name is not what it says.
 */
function ownName(place: string | null, headerLines: Line[]): boolean {
  if (!place) return false;
  const own = new RegExp(
    String.raw`(?:^|\s)(?:xa|phuong|dac khu|thi tran)\s+${squeeze(place).replace(/[^a-z0-9 ]/g, '.')}(?:\s|$)`,
  );
  return headerLines.some((l) => own.test(squeeze(leftColumn(l).text)));
}

/** A place-and-date line's place when it is a province's name exactly ("Tây Ninh, ngày …"). */
function placeProvince(place: string | null, registry: UnitRegistry): Province[] {
  if (!place) return [];
  const p = registry.resolveProvince(place);
  const key = (s: string) => fold(s).replace(/\s+/g, ' ').trim();
  return p && key(p.name) === key(place) ? [p] : [];
}

function lineOf(text: string, index: number): Line {
  return { index, start: 0, text, folded: fold(text) };
}
