export { type CatalogueEntry, INDICATOR_CATALOGUE } from './catalogue.js';

import type { Indicator } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { keyFor } from './catalogue.js';
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

function labelAfter(doc: Doc, end: number): string {
  const window = doc.text.slice(end, end + 120);
  const stop = window.search(/[;(]|\.\s|\n\s*[-+•]|,\s/);
  return cleanLabel(stop >= 0 ? window.slice(0, stop) : window);
}

/**
 * Every stated figure: percentages, fractions ("33.099/33.174 CCCD, đạt 99,77%" is one figure
 * with its numerator and denominator), and counts of named things ("25 tổ công nghệ số",
 * "Tổng số hồ sơ tiếp nhận: 1.866"). Figures are mapped to the catalogue by their label.
 */
export function readIndicators(doc: Doc, from = 0): Indicator[] {
  const out: Indicator[] = [];
  const f = doc.folded;
  let floor = from;
  FIGURE.lastIndex = from;
  for (let m = FIGURE.exec(f); m; m = FIGURE.exec(f)) {
    const start = m.index;
    let end = start + m[0].length;
    const before = f.slice(Math.max(0, start - 16), start);
    const next = f.slice(end, end + 2);
    // Look-aheads are bounded so that the cost stays linear in the text length.
    const after = f.slice(end, end + 160);
    if (/^\/\s*[a-z]/i.test(next) || /^-\s*[a-z]/i.test(next) || /^[a-z]/.test(next)) continue;
    // A list marker ("1. Tỷ lệ …") is not a figure.
    if (
      m[2] === undefined &&
      m[3] === undefined &&
      /(^|\n)[ \t]*$/.test(before) &&
      /^[.)]\s/.test(next)
    )
      continue;
    const a = parseVnNumber(m[1]!);
    if (a === null) continue;
    let value: number | null = null;
    let unit: string | null = null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    let kind: 'rate' | 'count' = 'count';

    if (m[2] !== undefined) {
      const b = parseVnNumber(m[2]);
      if (b === null || b === 0 || a > b || guardedBefore(before, DATE_RANGE_BEFORE)) continue;
      numerator = a;
      denominator = b;
      kind = 'rate';
      const pct = PERCENT_AFTER.exec(after);
      const noun = nounAfter(after);
      if (pct) {
        const p = parseVnNumber(pct[1]!);
        if (p !== null && p <= 100 && Math.abs(p - (a / b) * 100) < 1.5) {
          value = p;
          unit = '%';
          end += pct[0].length;
        }
      }
      if (value === null) {
        value = a;
        unit = noun?.unit ?? null;
      }
    } else if (m[3] !== undefined) {
      if (a > 1000) continue;
      value = a;
      unit = '%';
      kind = 'rate';
      const frac = FRACTION_AFTER.exec(after);
      if (frac) {
        const n = parseVnNumber(frac[1]!);
        const d = parseVnNumber(frac[2]!);
        if (n !== null && d && n <= d) {
          numerator = n;
          denominator = d;
          end += frac[0].length;
        }
      }
    } else {
      if (guardedBefore(before, NOT_A_FIGURE_BEFORE)) continue;
      const noun = nounAfter(after);
      const afterColon = /:[ \t]*$/.test(before);
      if (!noun && !afterColon) continue;
      if (!noun && /^\s*(gio|phut|h\d)/.test(f.slice(end, end + 6))) continue;
      value = a;
      unit = noun?.unit ?? null;
    }

    let label = labelBefore(doc, start, floor);
    if (/:[ \t]*$/.test(before)) {
      // "Tổng số hồ sơ tiếp nhận: 1.866 hồ sơ": the label is what stands before the colon.
      const colonAt = doc.text.lastIndexOf(':', start);
      label = labelBefore(doc, colonAt, floor);
    }
    if (label.replace(/[^\p{L}]/gu, '').length < 6)
      label = cleanLabel(`${label} ${labelAfter(doc, end)}`);
    // The catalogue is matched on the label, the unit and the rest of the clause after the figure
    // ("32 tổ công nghệ số", "chiếm 3,5% tổng chi ngân sách").
    // A target ("phấn đấu 100% …", "chỉ tiêu") is not a result and joins no canonical figure.
    const isTarget =
      /(phan\s+dau|muc\s+tieu|chi\s+tieu|ke\s+hoach\s+dat)\s*$/.test(fold(label)) ||
      /(phan\s+dau|chi\s+tieu)/.test(before);
    const key = isTarget
      ? null
      : keyFor(
          // What stands between the figure and its percentage names it too ("2.000/2.011 thẻ
          // căn cước công dân, đạt 99,45%").
          `${fold(label)} ${unit ? fold(unit) : ''} ${f.slice(start + m[0].length, end)} ` +
            fold(labelAfter(doc, end)),
          kind,
        );
    out.push({ label, value: value!, unit, numerator, denominator, key, line: lineAt(doc, start) });
    floor = end;
    FIGURE.lastIndex = end;
  }
  return out;
}
