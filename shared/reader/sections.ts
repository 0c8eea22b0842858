import type { Section, SectionKind } from '../schemas/report.js';
import type { Line } from './lines.js';

// Keywords on folded headings, in the order a heading is read. OCR often turns "Đ" into "P" or
// "B" and drops the circumflex, so "ĐỀ XUẤT" arrives as "PE XUAT" or "D¢ xuit".
const KIND_KEYWORDS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  [
    'results',
    new RegExp(
      String.raw`\b(ket\s+qu[a-z]|tinh\s+hinh|thuc\s+trang|danh\s+gia|thuan\s+l[a-z]i|viec\s+da\s+lam` +
        String.raw`|cong\s+tac\s+(?:to\s+chuc\s+)?(?:trien\s+khai|chi\s+dao|lanh\s+dao))`,
    ),
  ],
  [
    'difficulties',
    new RegExp(
      String.raw`\b(kh[o0]\s+kh[a-z]n|v[uw][o0]?[a-z]{0,2}ng\s+m[a-z]c|h[a-z]n\s+ch[e€]|t[o0]n\s+t[a-z]i` +
        String.raw`|bat\s+cap|chua\s+lam\s+duoc)`,
    ),
  ],
  ['causes', /\bngu[yv][e€]n\s+nh[a-z]n\b/],
  ['proposals', /(?:^|[^a-z])[a-z][e¢€]\s+(?:xu[a-z]t|ngh[i1])\b|\bki[e€]n\s+ngh[i1]/],
  [
    'plan',
    new RegExp(
      String.raw`\b(nhi[e€]m\s+v[uy]|ph[uw][o0]ng\s+h[uw][o0]ng|d[i1]nh\s+h[uw][o0]ng|k[e&]\s+ho[a-z]ch` +
        String.raw`|gi[a-z]i\s+ph[a-z]p|th[o0]i\s+gian\s+t[o0]i|tr[o0]ng\s+t[a-z]m)`,
    ),
  ],
  ['objectives', /\b(m[uy]c\s+ti[e€]u|m[uy]c\s+d[i1]ch|y[e€]u\s+c[a-z]u)/],
  ['organization', /\bt[o06]\s+ch[a-z]{1,3}c\s+th[uwy]c\s+hi[e€]n/],
];

/** All kinds a heading names, in the order they appear in it. */
export function kindsOf(heading: string): SectionKind[] {
  const found: Array<[number, SectionKind]> = [];
  for (const [kind, re] of KIND_KEYWORDS) {
    const m = re.exec(heading);
    if (m) found.push([m.index, kind]);
  }
  // "Tổ chức thực hiện" is also "thực hiện …" for the results keyword; the more specific wins.
  const kinds = found.sort((a, b) => a[0] - b[0]).map(([, k]) => k);
  if (kinds.includes('organization')) return ['organization'];
  return kinds;
}

// "II.", "II-", "II/" ("V/v", a công văn's subject, is no numeral).
const ROMAN =
  /^(?:ph[a-z]n\s+(?:thu\s+)?)?(?!v\s*\/\s*v\b)([ivxl|1]{1,5})(\s*[.:)/-]\s*|\s+)(?=\S)/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

/** A Roman numeral's value as OCR may give it ("I1" is II, "|" is I), or null. */
export function romanValue(token: string): number | null {
  // OCR reads "I" as "|", "l" or "1": "I1." is II, "|." is I. A token of digits only is Arabic.
  if (!/[ivx|l]/.test(token)) return null;
  const t = token.replace(/[|l1]/g, 'i');
  if (!/^(x{0,3})(ix|iv|v?i{0,3})$/.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUES[t[i]!]!;
    const next = ROMAN_VALUES[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total || null;
}

const SUBSECTION = /^(\d{1,2})\s*[.)]\s+(?=\S)/;

interface RawSection {
  heading: string;
  foldedHeading: string;
  lines: Line[];
}

/**
 * Top-level sections (I., II., … or PHẦN I) with their text. A heading that joins several kinds
 * ("KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN") is split at its numbered sub-sections, so that each
 * part carries the kind it is about.
 */
function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && letters === letters.toUpperCase();
}

/**
 * The numeral of a top-level heading on this line, or null. The numeral expected next always
 * counts; a repeated or skipped one (typists slip), OCR's "1"/"11" for "I"/"II" and a missing dot
 * count when the heading's own words name a kind of section.
 */
function headingValue(l: Line, expected: number, first: boolean): number | null {
  const m = ROMAN.exec(l.folded);
  if (!m) return null;
  const classified = kindsOf(l.folded.slice(m[0].length)).length > 0;
  const strong = classified && (isUpper(l.text) || /[.:)/-]/.test(m[2]!));
  if (!/[.:)/-]/.test(m[2]!) && !(classified && isUpper(l.text))) return null;
  const token = m[1]!;
  const value = /^1{1,3}$/.test(token)
    ? strong && isUpper(l.text)
      ? token.length
      : null
    : romanValue(token);
  if (value === null) return null;
  if (value === expected || (first && value <= 2)) return value;
  return strong && Math.abs(value - expected) <= 1 ? value : null;
}

const ORDINALS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6 };
// "PHẦN THỨ NHẤT", "PHẦN II", "Phần thứ hai:", with or without its words on the same line.
const PART = /^ph[a-z]n\s+(?:thu\s+(nhat|hai|ba|tu|nam|sau)|([ivxl|]{1,4}))\b\s*[.:-]?\s*/;

/** A "Phần …" heading's number, and whether its words stand on the next line. */
function partValue(l: Line): { value: number; alone: boolean } | null {
  const m = PART.exec(l.folded);
  if (!m) return null;
  const value = m[1] ? ORDINALS[m[1]]! : romanValue(m[2]!);
  return value ? { value, alone: m[0].length === l.folded.length } : null;
}

/**
 * Top-level sections (I., II., … or PHẦN I) with their text. A heading that joins several kinds
 * ("KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN") is split at its numbered sub-sections, so that each
 * part carries the kind it is about.
 */
export function readSections(lines: Line[], from: number): Section[] {
  const raw: RawSection[] = [];
  let expected = 1;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    const part = partValue(l);
    const value =
      part && part.value <= expected + 1 ? part.value : headingValue(l, expected, !raw.length);
    if (value !== null) {
      let heading = l.text;
      let foldedHeading = l.folded;
      // A heading in capitals may wrap onto a second line in capitals; "PHẦN THỨ NHẤT" has its
      // words on the next line.
      const next = lines[i + 1];
      if (
        next &&
        ((part?.alone && !partValue(next)) || (isUpper(l.text) && isUpper(next.text))) &&
        !ROMAN.test(next.folded) &&
        !SUBSECTION.test(next.folded)
      ) {
        heading += ` ${next.text}`;
        foldedHeading += ` ${next.folded}`;
        i++;
      }
      raw.push({ heading: heading.trim(), foldedHeading, lines: [] });
      expected = value + 1;
      continue;
    }
    raw[raw.length - 1]?.lines.push(l);
  }
  // One Roman part may be a "1." read as "I.": numbered parts, when found, tell better.
  const plain = raw.length < 2 ? plainNumbered(lines, from) : [];
  const best = plain.length > raw.length ? plain : raw;
  // Parts in bare capitals over items numbered "1.", "2." (restarting in each part): the
  // capitals are the parts when they find more of them than the numbers do.
  const caps = best.length < 2 || best === plain ? capitalHeadings(lines, from) : [];
  return splitJoined(caps.length > best.length ? caps : best);
}

const CAPS_HEADING_MAX = 90;

/**
 * Without numerals, parts set apart by formatting alone lose it in plain text but keep their
 * capitals: a short line in capitals, ending no sentence and naming a kind of section, heads a
 * part; two at least, and none past the signature's "Nơi nhận".
 */
function capitalHeadings(lines: Line[], from: number): RawSection[] {
  const raw: RawSection[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^n[o0]i\s+nh[a-z]n\b/.test(l.folded)) break;
    const heading =
      l.text.length <= CAPS_HEADING_MAX &&
      isUpper(l.text) &&
      // No figure: a year ("NĂM 2026") is the only number a heading carries.
      !/[:;.,]$|\t/.test(l.text) &&
      !/\d/.test(l.text.replace(/\b(?:19|20)\d\d\b/g, '')) &&
      kindsOf(l.folded).length > 0;
    if (heading) raw.push({ heading: l.text, foldedHeading: l.folded, lines: [] });
    else raw[raw.length - 1]?.lines.push(l);
  }
  return raw.length >= 2 ? raw : [];
}

// Without Roman numerals some number their parts "1.", "2." or "A.", "B.": a line counts as a
// part's heading only when it is short, states no figure, names a kind of section and carries
// exactly the next number (items inside a part restart at 1 or run past it).
const PLAIN_HEADING = /^([1-9]|[A-E])\s*[.)]\s+(?=\S)/;
const HEADING_MAX = 90;

/**
 * Whether the line heads the next part: 'named' when its words name a kind of section; 'other'
 * when, after a named one, it is in capitals like a heading ("C. KINH PHÍ THỰC HIỆN").
 */
function plainValue(l: Line, expected: number): 'named' | 'other' | null {
  const m = PLAIN_HEADING.exec(l.text);
  if (!m || l.text.length > HEADING_MAX || /\d\s*%|:\s*\S/.test(l.text)) return null;
  const token = m[1]!;
  const value = /\d/.test(token) ? Number(token) : token.charCodeAt(0) - 64;
  if (value !== expected) return null;
  if (kindsOf(l.folded.slice(m[0].length)).length > 0) return 'named';
  return expected > 1 && isUpper(l.text.slice(m[0].length)) ? 'other' : null;
}

function plainNumbered(lines: Line[], from: number): RawSection[] {
  const raw: RawSection[] = [];
  let style: 'digit' | 'letter' | null = null;
  let named = 0;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    const own = /^\d/.test(l.text) ? 'digit' : 'letter';
    const value = style === null || style === own ? plainValue(l, raw.length + 1) : null;
    if (value) {
      style = own;
      if (value === 'named') named++;
      raw.push({ heading: l.text, foldedHeading: l.folded, lines: [] });
    } else raw[raw.length - 1]?.lines.push(l);
  }
  // One numbered line is an item, not a structure.
  return named >= 2 ? raw : [];
}

/**
 * Sections whose headings the document's structure gave (Word's numbering, outline levels,
 * formatting: model-sections.ts): each heading's line starts one, its text runs to the next.
 */
export function sectionsAtHeadings(
  lines: Line[],
  headings: ReadonlyArray<{ index: number; span: number }>,
): Section[] {
  const at = new Map(headings.map((h) => [h.index, h]));
  const raw: RawSection[] = [];
  // The heading's own lines (a heading broken by a manual line break) are read as it, as repaired.
  let headingUntil = -1;
  for (const l of lines) {
    const h = at.get(l.index);
    const current = raw[raw.length - 1];
    if (h) {
      raw.push({ heading: l.text, foldedHeading: l.folded, lines: [] });
      headingUntil = l.index + h.span;
    } else if (current && l.index < headingUntil) {
      current.heading += ` ${l.text}`;
      current.foldedHeading += ` ${l.folded}`;
    } else current?.lines.push(l);
  }
  return splitJoined(raw);
}

/** Each section with its kind; a heading naming several kinds split at its sub-sections. */
function splitJoined(raw: RawSection[]): Section[] {
  const out: Section[] = [];
  for (const s of raw) {
    const kinds = kindsOf(s.foldedHeading);
    const primary = kinds[0] ?? 'other';
    if (kinds.length < 2) {
      out.push({ heading: s.heading, kind: primary, text: s.lines.map((l) => l.text).join('\n') });
      continue;
    }
    let current: Section = { heading: s.heading, kind: primary, text: '' };
    const parts: Section[] = [current];
    for (const l of s.lines) {
      const sub = SUBSECTION.exec(l.folded);
      if (sub) {
        const subKinds = kindsOf(l.folded).filter((k) => kinds.includes(k));
        const subKind = subKinds[0];
        if (subKind && subKind !== current.kind) {
          const romanPart = /^\S+/.exec(s.heading)?.[0].replace(/[.:)]$/, '') ?? '';
          current = {
            heading: `${romanPart}.${sub[1]}. ${l.text.slice(sub[0].length).trim()}`,
            kind: subKind,
            text: '',
          };
          parts.push(current);
          continue;
        }
      }
      current.text += (current.text ? '\n' : '') + l.text;
    }
    out.push(...parts);
  }
  return out;
}

// "Điều 1. …", "Điều 2: …": a quyết định's articles, numbered from 1 without a gap.
const ARTICLE = /^dieu\s+(\d{1,2})\s*[.:]\s*/;

/**
 * A quyết định's articles as its parts ("Điều 1. Kiện toàn …"), each with its text and the kind
 * `other`: an article decides, it reports no result, difficulty or proposal. Two at least.
 */
export function readArticles(lines: Line[], from: number): Section[] {
  const out: Section[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    // The signature block ends the last article.
    if (/^n[o0]i\s+nh[a-z]n\b/.test(l.folded)) break;
    const m = ARTICLE.exec(l.folded);
    if (m && Number(m[1]) === out.length + 1) {
      out.push({ heading: l.text.slice(0, 120), kind: 'other', text: l.text.slice(m[0].length) });
      continue;
    }
    const current = out[out.length - 1];
    if (current) current.text += `\n${l.text}`;
  }
  return out.length >= 2 ? out : [];
}
