import { INDICATOR_CATALOGUE } from '../reader/catalogue.js';
import { parseVnNumber } from '../reader/numbers.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { DocumentRef, Indicator, Report } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import type { LineSource, ScanText } from './scan-text.js';

const lineText = (l: LineSource) => (l.words ?? []).map((w) => w.text).join(' ');

// A digit misread on a scan comes with its word read surely as often as not (a dot-matrix page under
// a phone's shadow gave "9412" and "98,4", a cited "89/UBND-KGVX" for 80, every word above the
// bar), so confidence cannot tell it. Each line holding a digit is read a second time from its own
// picture (cleaned-engine.ts); a figure or a cited number stands only when the two readings spell
// its digits alike. A figure whose numbers contradict each other is held too, never repaired.

/** The numbers a line spells, digit for digit with their separators ("9.412", "98,4", "80"). */
export const numbersIn = (text: string): string[] => text.match(/\d+(?:[.,]\d+)*/g) ?? [];

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const shown = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 80);

/** Why a line read again is no second reading of it: nothing read, or no number where one stands. */
function unread(src: LineSource): string | null {
  return src.again?.trim() ? null : 'lần đọc lại dòng này không đọc được';
}

/**
 * Why a scanned line's numbers are not confirmed by its second reading; null when both readings
 * spell the same numbers in the same order, or when the line was not read again (an engine that
 * does not: the confidence bar alone, scan-review.ts).
 */
export function numbersDisagree(src: LineSource): string | null {
  if (src.again === undefined || !src.words) return null;
  const first = numbersIn(src.words.map((w) => w.text).join(' '));
  const second = numbersIn(src.again);
  if (same(first, second)) return null;
  return (
    unread(src) ??
    `hai lần đọc dòng này cho số khác nhau ("${shown(first.join(' '))}" và "${shown(second.join(' '))}")`
  );
}

/**
 * Why a scanned figure's own numbers (its value, numerator and denominator as the line spells
 * them) are not each spelled, digit for digit, by its line's second reading; null when they are,
 * or when the line was not read again. Other numbers of the line (a list's "1.", a year in the
 * label) do not count; a figure none of whose numbers the line spells needs every number alike.
 */
export function figureDisagrees(src: LineSource, ind: Indicator): string | null {
  if (src.again === undefined || !src.words) return null;
  const own = new Set([ind.value, ind.numerator, ind.denominator].filter((v) => v !== null));
  const first = numbersIn(src.words.map((w) => w.text).join(' '));
  const mine = first.filter((t) => own.has(parseVnNumber(t) ?? Number.NaN));
  if (!mine.length) return numbersDisagree(src);
  const theirs = numbersIn(src.again);
  const missing = mine.filter((t) => !theirs.includes(t));
  if (!missing.length) return null;
  return (
    unread(src) ??
    `hai lần đọc dòng này không khớp nhau: lần đầu "${shown(missing.join(' '))}", ` +
      `lần sau "${shown(theirs.join(' ')) || 'không có số'}"`
  );
}

const RATE_KEYS = new Set(INDICATOR_CATALOGUE.filter((e) => e.kind === 'rate').map((e) => e.key));
const NAMES_SHARE = /^\W*ty\s*l[e€]\b/;

/**
 * Why a figure's numbers contradict each other, each rule what a report's figures always obey: a
 * share is at most 100 %, a part at most its whole, a percentage stated beside its fraction equal
 * to it. Null when they hold.
 */
export function figureContradiction(ind: Indicator): string | null {
  const share = (ind.key !== null && RATE_KEYS.has(ind.key)) || NAMES_SHARE.test(fold(ind.label));
  if (share && ind.unit === '%' && ind.value > 100) return `tỷ lệ ${ind.value} % lớn hơn 100 %`;
  const { numerator: n, denominator: d } = ind;
  if (n === null || d === null) return null;
  if (n > d) return `số đạt (${n}) lớn hơn tổng số (${d})`;
  if (ind.unit === '%' && d > 0 && Math.abs((100 * n) / d - ind.value) >= 1.5)
    return `tỷ lệ ${ind.value} % không khớp với ${n}/${d}`;
  return null;
}

const letters = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

/**
 * The scanned line whose text holds `number` (letters and digits only), or the two lines it is
 * wrapped across ("… số 4932/SKHCN-" over "CĐS ngày …"), with their second readings joined.
 */
function linesOf(
  scan: ScanText,
  number: string,
): { again: string | undefined; src: LineSource } | null {
  const want = letters(number);
  const lines = scan.text.split('\n');
  for (const span of [1, 2])
    for (let i = 0; i + span <= lines.length; i++) {
      const srcs = scan.lines.slice(i, i + span);
      if (!srcs.every((l) => l.words) || !letters(lines.slice(i, i + span).join('')).includes(want))
        continue;
      // A line without a digit is not read again: its letters stand as first read.
      const agains = srcs.map(
        (l) => l.again ?? (l.words!.some((w) => /\d/.test(w.text)) ? undefined : lineText(l)),
      );
      const again = agains.some((a) => a === undefined) ? undefined : agains.join(' ');
      return { again, src: { ...srcs[0]!, words: srcs.flatMap((l) => l.words!), again } };
    }
  return null;
}

/** Why a cited document's number read from a scan is not confirmed by its line read again. */
function citedDoubt(scan: ScanText, number: string): string | null {
  const found = linesOf(scan, number);
  if (!found)
    return scan.lines.some((l) => l.again !== undefined) ? 'không thấy trên bản quét' : null;
  if (found.again === undefined || letters(found.again).includes(letters(number))) return null;
  return numbersDisagree(found.src) ?? 'hai lần đọc dòng này không khớp nhau';
}

/**
 * The documents a scanned report cites (the requests it answers, its grounds), each kept only when
 * its line's second reading spells its number too; else left out with the reason, in Vietnamese.
 */
export function holdUnconfirmedRefs(report: Report, scan: ScanText): Report {
  const notes: Diagnostic[] = [];
  const kept = (field: 'requestedBy' | 'basedOn', what: string) =>
    report[field].filter((r: DocumentRef) => {
      const why = citedDoubt(scan, r.number);
      if (why)
        notes.push(
          diag.error(
            field,
            `${what} "${r.number.slice(0, 60)}" đọc từ bản quét: ${why}, nên chưa ghi nhận; ` +
              'cần người đối chiếu với bản gốc.',
            'ocr.doubtfulField',
          ),
        );
      return !why;
    });
  const requestedBy = kept('requestedBy', 'Số văn bản được trả lời');
  const basedOn = kept('basedOn', 'Số văn bản làm căn cứ');
  if (!notes.length) return report;
  return { ...report, requestedBy, basedOn, diagnostics: [...report.diagnostics, ...notes] };
}
