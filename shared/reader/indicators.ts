export { type CatalogueEntry, INDICATOR_CATALOGUE } from './catalogue.js';

import type { Indicator } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { INDICATOR_CATALOGUE, keyFor } from './catalogue.js';
import { headedLabel, isFragment, trimmedLabel } from './figure-label.js';
import { type Doc, lineAt } from './lines.js';
import { parseVnNumber } from './numbers.js';

// Counted things after a number, on folded text, with the unit written back properly. OCR
// mangles "hồ sơ" into "hd 80", "h?) so"; "tổ" into "t6"; "lớp" into "16p".
const NOUNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^h\S{0,2}\s*[s8][o0]\b/, 'hồ sơ'],
  [/^t[o06]\s+(?:cong\s+nghe|cntt|chuyen\s+doi)/, 'tổ'],
  [/^t[o06]\s+(?:dan\s+pho|chuc)\b/, 'tổ'],
  [/^t[o06]\b/, 'tổ'],
  [/^may\b/, 'máy'],
  [/^nguoi\b/, 'người'],
  [/^luot\b/, 'lượt'],
  [/^ho\b/, 'hộ'],
  [/^(?:l[o0]p|16p)\b/, 'lớp'],
  [/^cuoc\b/, 'cuộc'],
  [/^doanh\s+nghiep/, 'doanh nghiệp'],
  [/^hop\s+tac\s+xa/, 'hợp tác xã'],
  [/^thu\s+tuc/, 'thủ tục'],
  [/^dich\s+vu/, 'dịch vụ'],
  [/^ch[uw]ng\s+th[uw]/, 'chứng thư'],
  [/^ch[uw]\s+k[yi]\s+s[o0]/, 'chữ ký số'],
  [/^tai\s+khoan/, 'tài khoản'],
  [/^diem\b/, 'điểm'],
  [/^thon\b/, 'thôn'],
  [/^can\s+bo/, 'cán bộ'],
  [/^cong\s+chuc/, 'công chức'],
  [/^hoi\s+nghi/, 'hội nghị'],
  [/^mo\s+hinh/, 'mô hình'],
  [/^de\s+tai/, 'đề tài'],
  [/^sang\s+kien/, 'sáng kiến'],
  [/^trieu\s+dong/, 'triệu đồng'],
  [/^ty\s+dong/, 'tỷ đồng'],
  [/^camera\b/, 'camera'],
  [/^tram\b/, 'trạm'],
  [/^buu\s+cuc/, 'bưu cục'],
  [/^co\s+so\b/, 'cơ sở'],
  [/^van\s+ban/, 'văn bản'],
  [/^thiet\s+bi/, 'thiết bị'],
  [/^ung\s+dung/, 'ứng dụng'],
  [/^(?:bai\s+viet|tin\s+bai)/, 'tin bài'],
  [/^doi\s+tuong/, 'đối tượng'],
  [/^hoc\s+vien/, 'học viên'],
  [/^cccd\b/, 'CCCD'],
  [/^san\s+pham/, 'sản phẩm'],
  // Also counted in commune reports: members of a team, criteria met, Zalo groups, pages.
  [/^thanh\s+vien/, 'thành viên'],
  [/^tieu\s+chi\b/, 'tiêu chí'],
  [/^chi\s+tieu\b/, 'chỉ tiêu'],
  [/^tthc\b/, 'TTHC'],
  [/^nhom\b/, 'nhóm'],
  [/^buoi\b/, 'buổi'],
  [/^thue\s+bao/, 'thuê bao'],
  [/^hoc\s+sinh/, 'học sinh'],
  [/^phan\s+mem/, 'phần mềm'],
  [/^he\s+thong/, 'hệ thống'],
];

function nounAfter(folded: string): { unit: string; length: number } | null {
  const m = /^\s+/.exec(folded);
  const rest = folded.slice(m ? m[0].length : 0, 40);
  if (!m && !/^[a-z]/.test(rest)) return null;
  for (const [re, unit] of NOUNS) {
    const n = re.exec(rest);
    if (n) return { unit, length: (m?.[0].length ?? 0) + n[0].length };
  }
  return null;
}

// Bounded: a run of digits longer than any figure is not one, and cannot cost more than its length.
const NUM = String.raw`\d(?:[\d.,]{0,24}\d)?`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d.,/-])(${NUM})(?:\s*/\s*(${NUM})(?![\d/]|\s*/\s*\d))?(\s*(?:[,.]\s*)?%)?`,
  'gu',
);
// Any character of the same item: a wrapped line continues it, a new bullet does not.
const SAME_ITEM = String.raw`(?:[^;\n]|\n(?![ \t]*[-+•]))`;
const PERCENT_AFTER = new RegExp(
  String.raw`^${SAME_ITEM}{0,40}?(?:dat|chiem|bang|=)?\s*(?:ty\s*l\S{0,2}\s*)?(${NUM})\s*(?:[,.]\s*)?%`,
);
const FRACTION_AFTER = new RegExp(String.raw`^\s*\(\s*(${NUM})\s*/\s*(${NUM})(?![\d/])`);
// Dates, articles and document numbers are not figures.
// "Tỷ lệ" read by OCR as "Ty 18": the digits are the word "lệ".
// Whole words only: "điện tử" and "hồ sơ" fold to words that also mean "from" and "number".
// "số 12" is a number's name, "số: 12" a label's end.
const NOT_A_FIGURE_BEFORE = new RegExp(
  String.raw`(?<![a-z])(ngay|thang|nam|den|tu|dieu|khoan|muc|giai\s+doan|quy|lan|phien|ty)\s*(?:[:.]\s*)?$` +
    String.raw`|(?<![a-z])so\s*\.?\s*$`,
);
const NOT_A_GUARD = /(?<![a-z])(dien\s+tu|ho\s+so|co\s+so|s[o0]\s+hoa)\s*(?:[:.]\s*)?$/;
const DATE_RANGE_BEFORE = /(?<![a-z])(ngay|den|tu|thang)\s*$/;

/** Whether the words before a number make it a date, an article, a range end: not a figure. */
function guardedBefore(before: string, guard: RegExp): boolean {
  return guard.test(before) && !NOT_A_GUARD.test(before);
}
// Where a label stops, reading backwards: a clause break, a bullet, a bracket.
const LABEL_BREAK = /;\s|\n\s*[-+•]|\(|\.\s+(?=\p{L})|:\s|\n\s*\n/gu;

function cleanLabel(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-+•,.:;)]+|[\s\-+•,:;(]+$/g, '')
    .trim();
}

function labelBefore(doc: Doc, start: number, floor: number): string {
  const from = Math.max(floor, start - 160);
  const window = doc.text.slice(from, start);
  let cut = 0;
  for (const m of window.matchAll(LABEL_BREAK)) cut = m.index + m[0].length;
  let label = cleanLabel(window.slice(cut));
  if (label.length > 120) label = label.slice(label.indexOf(' ', label.length - 120) + 1);
  return label;
}

// A closing bracket ends what the bracket said ("II. Dịch vụ số (03 chỉ tiêu)"), and a line that
// opens with a capital is the next item, not the rest of this one's label.
function labelAfter(doc: Doc, end: number): string {
  const window = doc.text.slice(end, end + 120);
  const stop = window.search(/[;()]|\.\s|\n\s*[-+•]|\n[ \t]*\p{Lu}|,\s/u);
  return cleanLabel(stop >= 0 ? window.slice(0, stop) : window);
}

interface Parsed {
  value: number;
  unit: string | null;
  numerator: number | null;
  denominator: number | null;
  kind: 'rate' | 'count';
  /** Characters read past the match (the percentage after a fraction, the fraction after it). */
  extra: number;
}

/** "33.099/33.174 CCCD, đạt 99,77%": a fraction, with its percentage when one follows. */
function fractionFigure(a: number, rawB: string, before: string, after: string): Parsed | null {
  const b = parseVnNumber(rawB);
  if (b === null || b === 0 || a > b || guardedBefore(before, DATE_RANGE_BEFORE)) return null;
  const pct = PERCENT_AFTER.exec(after);
  const p = pct ? parseVnNumber(pct[1]!) : null;
  if (pct && p !== null && p <= 100 && Math.abs(p - (a / b) * 100) < 1.5)
    return {
      value: p,
      unit: '%',
      numerator: a,
      denominator: b,
      kind: 'rate',
      extra: pct[0].length,
    };
  const unit = nounAfter(after)?.unit ?? null;
  return { value: a, unit, numerator: a, denominator: b, kind: 'rate', extra: 0 };
}

/** "95,5% (1.500/1.570)": a percentage, with the fraction in brackets when one follows. */
function percentFigure(a: number, after: string): Parsed | null {
  if (a > 1000) return null;
  const out: Parsed = {
    value: a,
    unit: '%',
    numerator: null,
    denominator: null,
    kind: 'rate',
    extra: 0,
  };
  const frac = FRACTION_AFTER.exec(after);
  const n = frac ? parseVnNumber(frac[1]!) : null;
  const d = frac ? parseVnNumber(frac[2]!) : null;
  if (frac && n !== null && d && n <= d)
    return { ...out, numerator: n, denominator: d, extra: frac[0].length };
  return out;
}

// "11.872 hồ sơ trên tổng số 13.905 hồ sơ": a count of a whole written around words.
const OF_TOTAL = new RegExp(
  String.raw`^[^;\n]{0,60}?\b(?:tren|trong)\s+(?:tong\s+)?so\s+(${NUM})(?![\d/])`,
);

/** A count that names its whole in the same clause: a fraction, with a percentage if stated. */
function ofTotal(a: number, after: string): Parsed | null {
  const m = OF_TOTAL.exec(after);
  const b = m ? parseVnNumber(m[1]!) : null;
  if (!m || b === null || b === 0 || a > b) return null;
  const rest = after.slice(m[0].length);
  const pct = PERCENT_AFTER.exec(rest);
  const p = pct ? parseVnNumber(pct[1]!) : null;
  const stated = pct !== null && p !== null && p <= 100 && Math.abs(p - (a / b) * 100) < 1.5;
  return {
    value: stated ? p : a,
    unit: stated ? '%' : (nounAfter(after)?.unit ?? null),
    numerator: a,
    denominator: b,
    kind: 'rate',
    extra: m[0].length + (stated ? pct[0].length : 0),
  };
}

/** "25 tổ công nghệ số", "Tổng số hồ sơ tiếp nhận: 1.866": a count of a named thing. */
function countFigure(a: number, before: string, after: string): Parsed | null {
  const noun = nounAfter(after);
  // "tiếp nhận trong năm: 1.902 hồ sơ": a label's colon and a counted noun outweigh the word.
  const labelled = noun !== null && /:[ \t]*$/.test(before);
  if (!labelled && guardedBefore(before, NOT_A_FIGURE_BEFORE)) return null;
  if (!noun && (!/:[ \t]*$/.test(before) || /^\s*(gio|phut|h\d)/.test(after.slice(0, 6))))
    return null;
  return {
    value: a,
    unit: noun?.unit ?? null,
    numerator: null,
    denominator: null,
    kind: 'count',
    // Past the counted noun: the next figure's label does not start with this one's unit.
    extra: noun?.length ?? 0,
  };
}

// "Mỗi thôn có 01 tổ", "bình quân 1 máy/người", "01 máy tính/01 cán bộ": an amount per one unit,
// not a total. Read as a count, a commune of twelve teams filed "1 tổ". "12 tổ/12 thôn" and
// "8.540 tài khoản/10.200 nhân khẩu" state totals and stay counts.
const PER_BEFORE = /(?<!\p{L})(?:mỗi|bình\s+quân|trung\s+bình)\s[^;:.\n\d]{0,30}$/iu;
const PER_ONE_AFTER = /^[^\d;:,.\n/]{0,30}\/\s*(?:0*1\s+)?[a-z]/;

/** Whether a count is an amount per one unit: `before` is original text, `rest` the folded text after its noun. */
function perUnit(before: string, rest: string): boolean {
  return PER_BEFORE.test(before) || PER_ONE_AFTER.test(rest);
}

// A change, a bound or one end of a range states no figure of the period, only a difference or a
// limit: "tăng 15% so với năm 2024", "tăng từ 65% lên 80%" (80 is the figure, 65 was), "đạt từ
// 70% trở lên", "80 - 90%", "từ 70% đến 75%". Read alone, each end was filed as the rate. Matched
// with diacritics: folded, "đầu tư 250 triệu" would read as "from 250", "hạ tầng" as "rise".
const CHANGE_BEFORE = /(?<!\p{L})(?:(?:tăng|giảm)(?:\s+(?:thêm|đi|được))?|từ)\s*$/iu;
const RANGE_END_BEFORE = /\d[ ]*%?[ ]*(?:[-–—~]|(?<!\p{L})(?:đến|tới))[ ]*$/iu;
const RANGE_START_AFTER = /^[ ]*(?:[-–—~]|(?:đến|tới)\s)[ ]*\d/iu;
const COMPARED_AFTER = /^[ ]*(?:trở\s+(?:lên|xuống)|so\s+với|so\s+cùng\s+kỳ)(?!\p{L})/iu;

/**
 * Whether a figure is a change, a bound or a range's end, on the text `before` it, right `after`
 * its match, and past what it read (`past`: its noun, its bracketed fraction).
 */
function notOfThePeriod(before: string, after: string, past: string): boolean {
  return (
    CHANGE_BEFORE.test(before) ||
    RANGE_END_BEFORE.test(before) ||
    RANGE_START_AFTER.test(after) ||
    COMPARED_AFTER.test(past)
  );
}

function figureOf(m: RegExpExecArray, before: string, after: string): Parsed | null {
  const next = after.slice(0, 2);
  if (/^\/\s*[a-z]/i.test(next) || /^-\s*[a-z]/i.test(next) || /^[a-z]/.test(next)) return null;
  // A list marker ("1. Tỷ lệ …") is not a figure.
  if (
    m[2] === undefined &&
    m[3] === undefined &&
    /(^|\n)[ \t]*$/.test(before) &&
    /^[.)]\s/.test(next)
  )
    return null;
  const a = parseVnNumber(m[1]!);
  if (a === null) return null;
  if (m[2] !== undefined) return fractionFigure(a, m[2], before, after);
  if (m[3] !== undefined) return percentFigure(a, after);
  // "… trên tổng số …" makes a figure of a count whatever noun it counts ("thẻ", "công dân").
  const whole = guardedBefore(before, NOT_A_FIGURE_BEFORE) ? null : ofTotal(a, after);
  return whole ?? countFigure(a, before, after);
}

function labelOf(doc: Doc, start: number, end: number, before: string, floor: number): string {
  // "Tổng số hồ sơ tiếp nhận: 1.866 hồ sơ": the label is what stands before the colon.
  const at = /:[ \t]*$/.test(before) ? doc.text.lastIndexOf(':', start) : start;
  const label = labelBefore(doc, at, floor);
  if (label.replace(/[^\p{L}]/gu, '').length >= 6) return label;
  return cleanLabel(`${label} ${labelAfter(doc, end)}`);
}

/**
 * The catalogue key, matched on the label, the unit, what stands between the figure and its
 * percentage ("2.000/2.011 thẻ căn cước công dân, đạt 99,45%") and the rest of the clause
 * ("chiếm 3,5% tổng chi ngân sách"). A target ("phấn đấu 100% …") joins no canonical figure.
 */
function catalogueKey(
  doc: Doc,
  label: string,
  p: Parsed,
  span: [number, number, number],
  before: string,
) {
  const [, matchEnd, end] = span;
  const folded = fold(label);
  if (/(phan\s+dau|muc\s+tieu|chi\s+tieu|ke\s+hoach\s+dat)\s*$/.test(folded)) return null;
  if (/(phan\s+dau|chi\s+tieu)/.test(before)) return null;
  const context = `${folded} ${p.unit ? fold(p.unit) : ''} ${doc.folded.slice(matchEnd, end)} `;
  return keyFor(context + fold(labelAfter(doc, end)), p.kind, p.unit);
}

const CATALOGUE_NAMES = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e.name]));
const UNCLEAR = 'Số liệu chưa rõ tên';
const unclear = (line: number) => `${UNCLEAR} (dòng ${line})`;

/** Whether a label is the reader's flag that no name could be given to the figure. */
export const isUnclearLabel = (label: string) => label.startsWith(UNCLEAR);

/**
 * What people read beside the value: the text's own label when it is a noun phrase; else the
 * catalogue's name; else one built from what the sentence counts ("Số tổ công nghệ số cộng
 * đồng"); else null (the label is flagged, never a fragment).
 */
function readableLabel(read: string, p: Parsed, key: string | null, after: string): string | null {
  const own = trimmedLabel(read);
  if (own && !isFragment(own)) return own;
  if (key) return CATALOGUE_NAMES.get(key) ?? null;
  // What the noun right after the figure names ("3.204/3.517 hồ sơ": Tỷ lệ hồ sơ); a bare
  // percentage ("đạt 95% …") says nothing of what it is a share of.
  const fraction = p.numerator !== null && p.denominator !== null;
  const noun = p.unit !== '%' ? p.unit : fraction ? (nounAfter(fold(after))?.unit ?? null) : null;
  // A fraction stated without its percentage is read as its count ("Số hồ sơ …").
  const built = headedLabel(p.unit === '%' ? 'rate' : 'count', noun, noun ? after : '', own);
  return built && !isFragment(built) ? built : null;
}

/**
 * A figure that is one group of digits split by a plain space ("1 234 hồ sơ"): 1234, or 1 and 234?
 * Neither part is read (234 hồ sơ would be a wrong value); typographic separators (no-break and
 * thin spaces) are joined as groups when the text is repaired, so only a plain space is left here.
 */
function spacedGroup(before: string, figure: string, after: string): boolean {
  const groupBefore = /(?:^|[^\p{L}\d.,/])\d{1,3} $/u.test(before) && /^\d{3}(?![\d])/.test(figure);
  return groupBefore || (/^\d{1,3}$/.test(figure) && /^ \d{3}(?![\d])/.test(after));
}

/**
 * Every stated figure: percentages, fractions ("33.099/33.174 CCCD, đạt 99,77%" is one figure
 * with its numerator and denominator), and counts of named things ("25 tổ công nghệ số",
 * "Tổng số hồ sơ tiếp nhận: 1.866"). Figures are mapped to the catalogue by their label.
 */
export function readIndicators(doc: Doc, from = 0, spaced: number[] = []): Indicator[] {
  const out: Indicator[] = [];
  const f = doc.folded;
  let floor = from;
  for (const m of f.matchAll(FIGURE)) {
    // Skipped: the header, and what the previous figure read past its match.
    if (m.index < floor) continue;
    const start = m.index;
    const matchEnd = start + m[0].length;
    const before = f.slice(Math.max(0, start - 16), start);
    if (spacedGroup(before, m[1]!, f.slice(matchEnd, matchEnd + 5))) {
      spaced.push(lineAt(doc, start));
      continue;
    }
    // Look-aheads are bounded so that the cost stays linear in the text length. A count's noun may
    // wrap onto the next line ("đã cấp 1.250 / thẻ …"), but a line that opens with a capital is the
    // next item: "…: 120 / Tổ công nghệ số: 5" is no 120 tổ.
    const ahead = doc.text.slice(matchEnd, matchEnd + 160).search(/\n[ \t]*\p{Lu}/u);
    const p = figureOf(m, before, f.slice(matchEnd, matchEnd + (ahead >= 0 ? ahead : 160)));
    if (!p) continue;
    const end = matchEnd + p.extra;
    const t = doc.text;
    const around = [t.slice(Math.max(0, start - 24), start), t.slice(matchEnd, matchEnd + 24)];
    if (notOfThePeriod(around[0]!, around[1]!, t.slice(end, end + 24))) continue;
    if (
      p.kind === 'count' &&
      perUnit(doc.text.slice(Math.max(0, start - 48), start), f.slice(end, end + 48))
    )
      continue;
    const read = labelOf(doc, start, end, before, floor);
    const key = catalogueKey(doc, read, p, [start, matchEnd, end], before);
    const { value, unit, numerator, denominator } = p;
    const line = lineAt(doc, start);
    const label =
      readableLabel(read, p, key, doc.text.slice(matchEnd, matchEnd + 160)) ?? unclear(line);
    out.push({ label, value, unit, numerator, denominator, key, line });
    floor = end;
  }
  return out;
}
