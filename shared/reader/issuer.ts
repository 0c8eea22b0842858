import type { Diagnostic } from '../schemas/diagnostic.js';
import { diag } from '../schemas/diagnostic.js';
import type { UnitLevel } from '../schemas/report.js';
import type { Unit } from '../schemas/unit.js';
import type { UnitRegistry } from '../units/registry.js';
import type { Line } from './lines.js';
import { LEVEL_WORD, levelOf, NATIONAL_MOTTO, PEOPLES_COMMITTEE } from './patterns.js';

export interface Issuer {
  level: UnitLevel | null;
  name: string | null;
  unit: Unit | null;
  provinceCode: string | null;
  province: string | null;
  /** The name as the header writes it when the registry could not settle it (kept from repair). */
  written?: string | null;
}

interface Candidate {
  level: UnitLevel | null;
  text: string;
  /** Where it was found; the header outranks the body. */
  source: 'header' | 'body';
}

const NAME_STOP =
  /\s(bao\s*c|b[a-z]o\s+c[a-z]{1,2}o|gui|kinh|da\s|thuc\s+hi|tran\s+trong|ve\s+viec|tren\s+dia|voi\s+cac|nam\s+20)/;

/**
 * The header's left column: before the national name and motto, and before a wide gap where the
 * two columns were typed side by side ("XÃ TÂN PHÚ        Tân Phú, ngày …"): the unit's name
 * must not run on into the place of the date line.
 */
function cutRightColumn(l: Line): Line {
  const m = NATIONAL_MOTTO.exec(l.folded);
  const gap = /\S(?:\s{4,}|\t)\S/.exec(l.text);
  const ends = [m && m.index > 0 ? m.index : -1, gap ? gap.index + 1 : -1].filter((n) => n > 0);
  if (!ends.length) return l;
  const end = Math.min(...ends);
  return { ...l, text: l.text.slice(0, end), folded: l.folded.slice(0, end) };
}

// A unit's name is a few words: the text after the level word is read this far, no further, so
// that a line repeating the phrase costs its length and not the square of it.
const NAME_WINDOW = 80;
// Each candidate is compared with every unit of the registry: past this many the text is noise.
const MAX_CANDIDATES = 8;
const COMMITTEE_BEFORE = new RegExp(`${PEOPLES_COMMITTEE.source}$`);
const COMMITTEE_ANYWHERE = new RegExp(PEOPLES_COMMITTEE.source);
const BARE_UBND =
  /(?<![a-z])ubnd\s+(?!x[a4&3](?:\s|$)|ph\w{0,2}[o0]\w{0,2}ng(?:\s|$)|t[i1]nh|huy[e€]n|d[a-z]c\s+khu)/g;

/** The name that starts at `from`: up to a word that ends it, or the first punctuation. */
function nameAt(l: Line, from: number, stopWords = true): string {
  const text = l.text.slice(from, from + NAME_WINDOW);
  // In the header the name fills its line: "Đà" there is part of it, not "đã".
  const stop = stopWords ? l.folded.slice(from, from + NAME_WINDOW).search(NAME_STOP) : -1;
  const name = (stop >= 0 ? text.slice(0, stop) : text).split(/[,;:.()]/)[0]!.trim();
  // "Chủ tịch UBND xã - Trưởng ban": the level word alone, no name after it. A name may open with
  // a number before a word ("Phường 3 Bảo Lộc"); such a name counts only if the registry has it.
  return /^(?:\p{L}|\d{1,2}\s+\p{L})/u.test(name) ? name : '';
}

function candidatesIn(
  l: Line,
  source: Candidate['source'],
  requireCommittee: boolean,
): Candidate[] {
  const out: Candidate[] = [];
  const line = cutRightColumn(l);
  for (const m of line.folded.matchAll(LEVEL_WORD)) {
    if (out.length >= MAX_CANDIDATES) break;
    const before = line.folded.slice(Math.max(0, m.index - 20), m.index);
    if (requireCommittee && !COMMITTEE_BEFORE.test(before)) continue;
    if (/c[o0]ng\s+h[o0]a\s*$/.test(before)) continue;
    const text = nameAt(line, m.index + m[0].length, source === 'body');
    if (text) out.push({ level: levelOf(m[1]!), text, source });
  }
  return out;
}

/** "UBND Hồng Lộc" without the level word, as closings often have it. */
function bareCommitteeNames(body: Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (const l of body) {
    for (const m of l.folded.matchAll(BARE_UBND)) {
      if (out.length >= MAX_CANDIDATES) return out;
      const text = nameAt(l, m.index + m[0].length);
      if (text && /^\p{Lu}/u.test(text)) out.push({ level: null, text, source: 'body' });
    }
  }
  return out;
}

/**
 * The issuing unit: the header's "ỦY BAN NHÂN DÂN / XÃ CẨM DUỆ" first, then "UBND xã …" in the
 * body, each resolved against the unit registry (diacritics restored, code and province found).
 * A name that the registry leaves ambiguous is reported, never guessed.
 */
export interface IssuerHints {
  /** The province the text or the upload gives the commune (province-clue.ts), if any. */
  provinceCode: string | null;
  /** The unit the upload's folder names: among units of one name it is the one meant. */
  folderUnit?: Unit | null;
}

const issuerOfUnit = (u: Unit): Issuer => ({
  level: u.level,
  name: u.name,
  unit: u,
  provinceCode: u.provinceCode,
  province: u.provinceName,
});

export function readIssuer(
  header: Line[],
  body: Line[],
  registry: UnitRegistry | undefined,
  hints: IssuerHints,
  diagnostics: Diagnostic[],
): Issuer {
  const candidates = candidatesOf(header, body);
  const found = registry ? resolve(candidates, registry, hints.provinceCode) : { ambiguous: null };
  if ('unit' in found) return issuerOfUnit(found.unit);
  const { ambiguous } = found;
  const folder = hints.folderUnit;
  if (ambiguous && folder && ambiguous.some((u) => u.code === folder.code))
    return issuerOfUnit(folder);
  if (ambiguous) {
    const where = ambiguous
      .slice(0, 12)
      .map((u) => `${LEVEL_NAME[u.level]} ${u.name} (${u.provinceName})`)
      .join(', ');
    const message =
      `Tên đơn vị "${ambiguous[0]!.name}" có ở nhiều tỉnh: ${where}; văn bản không cho biết ` +
      'tỉnh (dòng Kính gửi, tên Sở, dòng tên tỉnh ở đầu văn bản), nên chưa xác định đơn vị.';
    diagnostics.push(diag.warning('issuer.name', message, 'issuer.ambiguous'));
  }
  return unresolved(candidates[0], ambiguous !== null, diagnostics);
}

const LEVEL_NAME = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' } as const;

// The rest of a wrapped unit name: one or two words in capitals, no other part of the header.
const WRAPPED_NAME_END = /^\p{Lu}[\p{Lu}\p{M}'’]*(?:\s\p{Lu}[\p{Lu}\p{M}'’]*)?$/u;
const joinedWith = (l: Line, next: Line): Line => ({
  ...l,
  text: `${cutRightColumn(l).text.trimEnd()} ${next.text.trim()}`,
  folded: `${cutRightColumn(l).folded.trimEnd()} ${next.folded.trim()}`,
});

/** The header's "ỦY BAN NHÂN DÂN / XÃ …" first, then "UBND xã …" and "UBND Hồng Lộc" in the body. */
function candidatesOf(header: Line[], body: Line[]): Candidate[] {
  const candidates: Candidate[] = [];
  header.forEach((l, i) => {
    const prev = header[i - 1];
    const afterCommittee =
      COMMITTEE_ANYWHERE.test(l.folded) ||
      (prev !== undefined && COMMITTEE_ANYWHERE.test(`${prev.folded} `));
    if (!(afterCommittee || i < 4)) return;
    const own = candidatesIn(l, 'header', false);
    // A long name wraps in its narrow column ("… PHƯỜNG NAM HOA" over "LƯ"): the name with the
    // next line's words is tried first.
    const next = header[i + 1];
    if (own.length && next && WRAPPED_NAME_END.test(next.text.trim()))
      candidates.push(...candidatesIn(joinedWith(l, next), 'header', false).slice(-1));
    candidates.push(...own);
  });
  for (const l of body) candidates.push(...candidatesIn(l, 'body', true));
  candidates.push(...bareCommitteeNames(body));
  return candidates.slice(0, MAX_CANDIDATES * 2);
}

/**
 * The first candidate the registry resolves; else the first ambiguity met, if any. Once a name
 * shared by several units is met, a later candidate settles it only by naming one of those
 * units: another unit's name further down (a neighbour, a look-alike) is never taken instead.
 */
function resolve(
  candidates: Candidate[],
  registry: UnitRegistry,
  provinceCode: string | null,
): { unit: Unit } | { ambiguous: Unit[] | null } {
  let ambiguous: Unit[] | null = null;
  for (const c of candidates) {
    const r = registry.resolveName(c.text, { level: c.level, provinceCode });
    if (r.kind === 'resolved') {
      const u = r.match.unit;
      // "PHƯỜNG NAM HOA" is no "xã Nam Hòa": a level the text states is never overridden.
      if (c.level && u.level !== c.level) continue;
      // The header's line holds the name alone: a damaged name that leaves words of it over is a
      // guess ("CAO DWO'NG" one edit from "Gào", the commune Cao Dương), and so is a name whose
      // line a longer one also fits ("U MINH THWO'NG": U Minh, or U Minh Thượng?).
      const over = r.match.words < r.match.of && (r.match.distance > 0 || r.match.overLonger);
      if (c.source === 'header' && over) continue;
      if (ambiguous && !ambiguous.some((a) => a.code === u.code)) continue;
      return { unit: u };
    }
    if (r.kind === 'ambiguous' && !ambiguous) ambiguous = r.candidates;
  }
  return { ambiguous };
}

/** Unresolved: a name is kept only where the text has its diacritics, so that it is no guess. */
function unresolved(
  first: Candidate | undefined,
  ambiguous: boolean,
  diagnostics: Diagnostic[],
): Issuer {
  if (!first) {
    const message = 'Không tìm thấy tên đơn vị ban hành (UBND xã/phường/đặc khu).';
    diagnostics.push(diag.warning('issuer', message, 'issuer.missing'));
    return { level: null, name: null, unit: null, provinceCode: null, province: null };
  }
  const words = first.text.split(/\s+/).slice(0, 4).join(' ');
  const clean = /[^\p{ASCII}]/u.test(words) && words.split(' ').every((w) => /^\p{Lu}/u.test(w));
  if (!ambiguous) {
    const message = `Không tìm thấy đơn vị "${words}" trong danh mục đơn vị hành chính.`;
    diagnostics.push(diag.warning('issuer.name', message, 'issuer.unknown'));
  }
  const name = clean && !ambiguous ? words : null;
  const written = clean ? words : null;
  return { level: first.level, name, unit: null, provinceCode: null, province: null, written };
}
