import type { OcrWord } from '../ports/ocr-engine.js';
import { NUMERIC_DATE, toIsoDate, WRITTEN_DATE } from '../reader/dates.js';
import { findDocNumbers } from '../reader/doc-number.js';
import { DOCUMENT_TYPES } from '../reader/patterns.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Report } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { isVietnameseSyllable } from '../text/syllables.js';
import type { LineSource, ScanText } from './scan-text.js';
import {
  dateOpinion,
  numberOpinion,
  secondSigner,
  secondTexts,
  signerFromSecond,
  signerOpinion,
  textOpinion,
} from './second-opinion.js';
import { misreadTonePair } from './tone-pairs.js';

/**
 * A header or signature field read from a scan is given only when every word that spells it was
 * read with at least this confidence (0–100): as for figures (scan-review.ts), clean words score
 * above 90 and misread ones mostly below. Below it the field is left for a person.
 */
export const FIELD_CONFIDENCE = 80;
/** A title or a name is words of Vietnamese: below this share of real syllables it is misread. */
export const SYLLABLE_SHARE = 0.9;

const key = (s: string) => fold(s).replace(/\s+/g, '');
const numberKey = (s: string) => key(s).replace(/[^a-z0-9&]/g, '');

/** How sure a scanned field is: the lines that spell it and the words on them. */
interface Found {
  line: number;
  source: LineSource;
  words: OcrWord[];
}

/** The first scanned line (1-based) from `from` whose folded text holds `text`, with its words. */
function lineHolding(scan: ScanText, text: string, from = 0): Found | null {
  const want = key(text);
  if (!want) return null;
  const lines = scan.text.split('\n');
  for (let i = from; i < lines.length; i++) {
    const source = scan.lines[i];
    if (!source?.words || !key(lines[i]!).includes(want)) continue;
    return { line: i + 1, source, words: source.words };
  }
  return null;
}

/** The words of a line that spell `text` (its folded letters, in order). */
function wordsOf(found: Found, text: string): OcrWord[] {
  const want = key(text);
  const words = found.words;
  for (let i = 0; i < words.length; i++) {
    let got = '';
    for (let j = i; j < words.length; j++) {
      got += key(words[j]!.text);
      if (got.includes(want)) return words.slice(i, j + 1);
      if (!want.startsWith(got.slice(0, want.length)) && !got.startsWith(want)) break;
    }
  }
  return words;
}

const weakest = (words: OcrWord[]) => Math.min(100, ...words.map((w) => w.confidence));

// An error, not a remark: a field left out for doubt is for a person to read off the scan, so the
// submission waits for the desk (rules.ts sends any error there) instead of standing as read.
const note = (field: string, what: string, page: number | null, why: string): Diagnostic =>
  diag.error(
    field,
    `${page ? `Trang ${page}: ` : ''}${what} đọc từ bản quét ${why}, nên chưa ghi nhận; ` +
      'cần người đối chiếu với bản gốc.',
    'ocr.doubtfulField',
  );

/** Numbers and dates the text cites (the documents it answers, a resolution in its title). */
function cited(report: Report): { numbers: Set<string>; dates: Set<string> } {
  const refs = [...report.requestedBy, ...report.basedOn];
  const numbers = new Set(refs.map((r) => numberKey(r.number)));
  const dates = new Set(refs.flatMap((r) => (r.issuedOn ? [r.issuedOn] : [])));
  const title = report.title ?? '';
  for (const m of findDocNumbers(title)) numbers.add(numberKey(m.number));
  for (const m of fold(title).matchAll(new RegExp(NUMERIC_DATE, 'g'))) {
    const d = toIsoDate(m[1]!, m[2]!, m[3]!);
    if (d.ok) dates.add(d.iso);
  }
  return { numbers, dates };
}

/** Why a scanned document number is not this report's own; null when it may be. */
function numberDoubt(report: Report, scan: ScanText, citedNumbers: Set<string>): string | null {
  const number = report.number!;
  if (citedNumbers.has(numberKey(number))) return 'trùng số của văn bản được trích dẫn';
  const type = report.documentType === 'OTHER' ? null : DOCUMENT_TYPES[report.documentType];
  const kinds = Object.values(DOCUMENT_TYPES).flatMap((t) => (t.symbol ? [t.symbol] : []));
  if (type?.symbol && !type.symbol.test(number)) return `có ký hiệu không phải của ${type.name}`;
  if (type && !type.symbol && kinds.some((k) => k.test(number)))
    return `có ký hiệu không phải của ${type.name}`;
  if (report.issuer.level && !/-UBND\b|\/UBND\b/i.test(number))
    return 'có ký hiệu không phải của Ủy ban nhân dân cấp xã';
  const found = lineHolding(scan, number);
  if (found && weakest(wordsOf(found, number)) < FIELD_CONFIDENCE) return 'không rõ';
  return null;
}

/** The header's date line ("…, ngày 8 tháng 8 năm 2025") holding the report's date, read surely. */
function dateDoubt(
  report: Report,
  scan: ScanText,
  citedDates: Set<string>,
  receivedOn: string | null,
): string | null {
  const iso = report.issuedOn!;
  if (citedDates.has(iso)) return 'trùng ngày của văn bản được trích dẫn';
  if (receivedOn && iso > receivedOn) return 'sau ngày gửi báo cáo';
  const lines = scan.text.split('\n');
  for (const i of lines.keys()) {
    // The date line may be read as two ("…, ngày 27 tháng 10" over "năm 2025") on a narrow column.
    for (const span of [1, 2]) {
      const m = WRITTEN_DATE.exec(fold(lines.slice(i, i + span).join(' ')));
      const d = m && toIsoDate(m[1]!, m[2]!, m[3]!);
      if (!d?.ok || d.iso !== iso) continue;
      const words = scan.lines.slice(i, i + span).flatMap((l) => l?.words ?? []);
      return weakest(words.filter((w) => /\d/.test(w.text))) < FIELD_CONFIDENCE ? 'không rõ' : null;
    }
  }
  return 'không nằm ở dòng ngày tháng của phần đầu văn bản';
}

// The type line misread leads a title too ("BẢO CÁD Kết quả …" on a dot-matrix page).
const TYPE_LINE = /^\s*(?:b[a-z0-9]{1,2}o\s*c[a-z0-9]{2}|k[e&a-z]\s*ho[a-z]{1,2}ch)\b/;
const HEADER_WORDS = new RegExp(
  `cong\\s*hoa|doc\\s*lap|hanh\\s*phuc|viet\\s*nam|uy\\s*ban\\s*nhan|${TYPE_LINE.source}`,
);

/** The first year a report exists for: the Democratic Republic's first documents (1945). */
const FIRST_YEAR = 1945;
/** A title looks this far ahead at most ("… đến năm 2030, tầm nhìn đến năm 2050"). */
const VISION_YEARS = 50;

/**
 * The years a title names, each with whether it looks ahead: "năm 2025" does not, "đến năm 2030"
 * and a range's end ("giai đoạn 2026-2030") do.
 */
function titleYears(title: string): { year: number; ahead: boolean }[] {
  const t = fold(title);
  const out: { year: number; ahead: boolean }[] = [];
  for (const m of t.matchAll(/(\bden\s+)?\bnam\s+(\d{4})\b/g))
    out.push({ year: Number(m[2]), ahead: Boolean(m[1]) });
  for (const m of t.matchAll(/(?<![\d/.,])(\d{4})\s*[-–]\s*(\d{4})(?![\d/.,])/g))
    out.push({ year: Number(m[1]), ahead: false }, { year: Number(m[2]), ahead: true });
  return out;
}

/**
 * A scanned title naming a year no report of its day can name: before 1945, after the year it was
 * received (or dated) and the next, or looking ahead past VISION_YEARS. One digit misread ("quý
 * III năm 2925" for 2025 on a dot-matrix page) makes such a year, read surely by both readings.
 */
function titleYearDoubt(title: string, report: Report, receivedOn: string | null): string | null {
  const dated = receivedOn ?? report.issuedOn;
  const now = dated ? Number(dated.slice(0, 4)) : null;
  const odd = titleYears(title).find(
    ({ year, ahead }) =>
      year < FIRST_YEAR || (now !== null && year > now + (ahead ? VISION_YEARS : 1)),
  );
  return odd ? `có năm không hợp lý (${odd.year})` : null;
}

/**
 * Two words in capitals inside a title typed in small letters ("l BÁO CÁO ị Kết quả …"): the type
 * line, read into the title behind a speck that kept it from being known as the type line.
 * Acronyms ("UBND", "KH&CN") are no Vietnamese syllables and do not count.
 */
function capitalsAmidWords(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}{2,}$/u.test(w));
  const caps = (w: string) => w === w.toLocaleUpperCase('vi') && isVietnameseSyllable(w);
  if (!words.some((w) => /\p{Ll}/u.test(w))) return false;
  return words.some((w, i) => i > 0 && caps(w) && caps(words[i - 1]!));
}

/** A Vietnamese syllable neither in small letters, nor capitalised, nor in capitals ("nÀO"). */
function oddCase(w: string): boolean {
  const lower = w.toLocaleLowerCase('vi');
  const upper = w.toLocaleUpperCase('vi');
  const capital = upper.charAt(0) + lower.slice(1);
  return w !== lower && w !== upper && w !== capital && isVietnameseSyllable(lower);
}

/** Why a scanned text (a title, a name) is not given: header words, marks, misread words. */
function textDoubt(text: string, scan: ScanText, field: 'title' | 'name'): string | null {
  if (field === 'title' && (HEADER_WORDS.test(fold(text)) || capitalsAmidWords(text)))
    return 'lẫn với phần đầu văn bản';
  if (/[|[\]{}_~`^<>=\\]/.test(text)) return 'lẫn ký tự lạ';
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''));
  const letters = words.filter((w) => /^\p{L}+$/u.test(w));
  // Letters cut by a dot ("ch.xyển") or a syllable in mixed case ("nÀO CÁO"): OCR's, not a typist's.
  if (words.some((w) => /\p{Ll}\.\p{Ll}{2}/u.test(w)) || letters.some(oddCase))
    return 'có chữ không đọc rõ';
  const pair = field === 'title' ? misreadTonePair(text) : null;
  if (pair) return `có chữ có thể đọc sai dấu ("${pair}")`;
  const valid = letters.filter(isVietnameseSyllable).length;
  if (letters.length && valid / letters.length < SYLLABLE_SHARE) return 'có chữ không đọc rõ';
  const found = lineHolding(scan, text.split(/\s+/).slice(0, 4).join(' '));
  if (!found) return null;
  if (weakest(wordsOf(found, text)) < FIELD_CONFIDENCE) return 'không rõ';
  // A title that goes on in small letters on the next line was cut at its line break.
  const next = scan.text.split('\n')[found.line]?.trim() ?? '';
  if (field === 'title' && /^\p{Ll}/u.test(next) && !key(text).endsWith(key(next)))
    return 'bị cắt ở chỗ xuống dòng';
  return null;
}

/** Why a scanned signer's title is not given: unsure words, or a deputy's block read as the chief's. */
function signerTitleDoubt(report: Report, scan: ScanText): string | null {
  const title = report.signer.title!;
  // The block's first line ("TM. ỦY BAN NHÂN DÂN") names the body signing, never an office held:
  // given as the title when a seal or a column run together hid the line below it.
  if (/uy\s*ban|^\W*(?:t\s*\/?\s*m|k\s*t|t\s*l|tuq)\b/.test(fold(title)))
    return 'là dòng đầu của khối chữ ký, không phải chức vụ';
  const lines = scan.text.split('\n');
  const found = [...lines.keys()]
    .reverse()
    .map((i) => ({ i, text: fold(lines[i]!) }))
    .find((l) => l.text.includes(fold(title).replace(/\s+/g, ' ').trim()));
  if (!found) return null;
  const words = wordsOf(
    { line: found.i + 1, source: scan.lines[found.i]!, words: scan.lines[found.i]?.words ?? [] },
    title,
  );
  if (weakest(words) < FIELD_CONFIDENCE) return 'không rõ';
  // "KT." (ký thay) above: the one who signs is a deputy, whatever the line under it reads.
  const above = lines
    .slice(Math.max(0, found.i - 2), found.i + 1)
    .map(fold)
    .join(' ');
  if (/\bk\s*\.?\s*t\b/.test(above) && !/\bpho\b/.test(fold(title)))
    return 'thiếu chữ "PHÓ" sau dòng "KT."';
  return null;
}

/**
 * The report's header and signature fields as read from a scan, each kept only when the scan
 * supports it: every word read surely, the field's own grammar (a number whose symbol fits the
 * document type and a commune's committee; a date on the header's date line, not after the upload;
 * a title that is not the header; a name of Vietnamese syllables), and not a number or date the
 * text cites. Any other is left null with a Vietnamese diagnostic naming why.
 */
export function holdDoubtfulFields(
  report: Report,
  scan: ScanText,
  receivedOn: string | null = null,
): Report {
  if (!scan.scannedPages.length) return report;
  const notes: Diagnostic[] = [];
  const page = scan.scannedPages[0] ?? null;
  const { numbers, dates } = cited(report);
  const out: Report = { ...report, issuer: { ...report.issuer }, signer: { ...report.signer } };
  const drop = (field: string, what: string, why: string | null) => {
    if (why) notes.push(note(field, what, page, why));
    return why !== null;
  };
  if (out.number && drop('number', `Số văn bản "${out.number}"`, numberDoubt(out, scan, numbers)))
    out.number = null;
  if (
    out.issuedOn &&
    drop('issuedOn', `Ngày ban hành ${out.issuedOn}`, dateDoubt(out, scan, dates, receivedOn))
  )
    out.issuedOn = null;
  const title = out.titleOriginal ?? out.title;
  const titleWhy =
    title && (titleYearDoubt(title, out, receivedOn) ?? textDoubt(title, scan, 'title'));
  if (title && drop('title', 'Trích yếu', titleWhy || null)) {
    out.title = null;
    delete out.titleOriginal;
  }
  if (
    out.signer.name &&
    drop('signer.name', 'Tên người ký', textDoubt(out.signer.name, scan, 'name'))
  ) {
    out.signer.name = null;
    delete out.signer.nameOriginal;
  }
  if (out.signer.title && drop('signer.title', 'Chức vụ người ký', signerTitleDoubt(out, scan)))
    out.signer.title = null;
  secondOpinions(out, scan, drop);
  return { ...out, diagnostics: [...out.diagnostics, ...notes] };
}

/** Where a scanned field was read: the page, and the words on its line that spell it. */
function spelled(
  scan: ScanText,
  text: string,
  last = false,
): { page: number; words: OcrWord[] } | null {
  const want = key(text);
  const lines = scan.text.split('\n');
  const order = [...lines.keys()];
  for (const i of last ? order.reverse() : order) {
    const source = scan.lines[i];
    if (!source?.words || !key(lines[i]!).includes(want)) continue;
    return {
      page: source.page,
      words: wordsOf({ line: i + 1, source, words: source.words }, text),
    };
  }
  return null;
}

/**
 * The fields still given after the single-reading rules, against the second reading of their
 * region (second-opinion.ts); a signer the first reading did not find, from the second when the
 * first spells it too.
 */
function secondOpinions(out: Report, scan: ScanText, drop: Drop): void {
  if (!scan.second.length) return;
  const at = (text: string) => spelled(scan, text);
  for (const [field, what, value] of [
    ['number', `Số văn bản "${out.number}"`, out.number],
    ['title', 'Trích yếu', out.titleOriginal ?? out.title],
  ] as const)
    if (value && drop(field, what, outsideHeader(scan, value))) {
      if (field === 'number') out.number = null;
      else {
        out.title = null;
        delete out.titleOriginal;
      }
    }
  out.documentType = typeOfScan(out, scan);
  const number = out.number ? at(out.number) : null;
  if (
    number &&
    drop(
      'number',
      `Số văn bản "${out.number}"`,
      numberOpinion(out.number!, number.words, secondTexts(scan, number.page, 'header')),
    )
  )
    out.number = null;
  const date = out.issuedOn ? dateLine(scan, out.issuedOn) : null;
  if (
    date &&
    drop(
      'issuedOn',
      `Ngày ban hành ${out.issuedOn}`,
      dateOpinion(out.issuedOn!, date.words, secondTexts(scan, date.page, 'header')),
    )
  )
    out.issuedOn = null;
  const title = out.titleOriginal ?? out.title;
  const titleAt = title ? at(title.split(/\s+/).slice(0, 4).join(' ')) : null;
  if (
    title &&
    titleAt &&
    drop(
      'title',
      'Trích yếu',
      textOpinion(title, titleAt.words, secondTexts(scan, titleAt.page, 'header')),
    )
  ) {
    out.title = null;
    delete out.titleOriginal;
  }
  signerOpinions(out, scan, drop);
}

type Drop = (field: string, what: string, why: string | null) => boolean;

/** The signer against the block the second reading found; one not found, from the second. */
function signerOpinions(out: Report, scan: ScanText, drop: Drop): void {
  const at = (text: string) => spelled(scan, text, true);
  const last = scan.scannedPages.at(-1);
  const block = last ? secondSigner(scan, last) : undefined;
  const name = out.signer.nameOriginal ?? out.signer.name;
  const nameAt = name ? at(name) : null;
  const nameWhy = nameAt
    ? signerOpinion(name!, nameAt.words, block?.name, secondTexts(scan, nameAt.page, 'signature'))
    : null;
  if (name && drop('signer.name', 'Tên người ký', nameWhy)) {
    out.signer.name = null;
    delete out.signer.nameOriginal;
  }
  const role = out.signer.title;
  const roleAt = role ? at(role) : null;
  const roleWhy = roleAt
    ? signerOpinion(role!, roleAt.words, block?.title, secondTexts(scan, roleAt.page, 'signature'))
    : null;
  if (role && drop('signer.title', 'Chức vụ người ký', roleWhy)) out.signer.title = null;
  if (out.signer.name && out.signer.title) return;
  const found = last ? signerFromSecond(scan, last, FIELD_CONFIDENCE) : null;
  if (!out.signer.name && found?.name) out.signer.name = found.name;
  if (!out.signer.title && found?.title) out.signer.title = found.title;
}

/** The header's date line (one line or two) that holds `iso`: its page and its digits. */
function dateLine(scan: ScanText, iso: string): { page: number; words: OcrWord[] } | null {
  const lines = scan.text.split('\n');
  for (const i of lines.keys())
    for (const span of [1, 2]) {
      const m = WRITTEN_DATE.exec(fold(lines.slice(i, i + span).join(' ')));
      const d = m && toIsoDate(m[1]!, m[2]!, m[3]!);
      const source = scan.lines[i];
      if (!d?.ok || d.iso !== iso || !source?.words) continue;
      const words = scan.lines.slice(i, i + span).flatMap((l) => l?.words ?? []);
      return { page: source.page, words: words.filter((w) => /\d/.test(w.text)) };
    }
  return null;
}

/**
 * A number or title read on a page whose header was read again, below that header: a line of the
 * body (a title was once taken from "… như sau: A. KẾT QUẢ THỰC HIỆN …" on a shadowed photo); or
 * beside it, on the other page of a spread.
 */
function outsideHeader(scan: ScanText, value: string): string | null {
  const lines = scan.text.split('\n');
  const want = key(value.split(/\s+/).slice(0, 4).join(' '));
  const i = lines.findIndex((l, n) => scan.lines[n]?.words && key(l).includes(want));
  const source = scan.lines[i];
  if (i < 0 || !source?.box) return null;
  const header = scan.second.find((r) => r.page === source.page && r.region === 'header');
  if (!header) return null;
  // Below the header, or beside it: the other page of a two-page spread read after this one.
  const outside = source.box.y0 >= header.box.y1 || source.box.x0 >= header.box.x1;
  return outside ? 'không nằm ở phần đầu văn bản' : null;
}

/**
 * The document type of a scan whose type line the first reading could not read ("BẢO CÁD"): the
 * one the header's second reading names on a line of its own, else the one the number's symbol
 * names ("…/BC-UBND" is a báo cáo, Nghị định 30/2020); else it stays OTHER.
 */
function typeOfScan(report: Report, scan: ScanText): Report['documentType'] {
  if (report.documentType !== 'OTHER') return report.documentType;
  const types = Object.entries(DOCUMENT_TYPES) as [
    Exclude<Report['documentType'], 'OTHER'>,
    (typeof DOCUMENT_TYPES)['BAO_CAO'],
  ][];
  const header = scan.second
    .filter((r) => r.region === 'header')
    .flatMap((r) => r.text.split('\n'));
  const named = new Set(
    types.filter(([, t]) => header.some((l) => t.line.test(fold(l).trim()))).map(([k]) => k),
  );
  if (named.size === 1) return [...named][0]!;
  const bySymbol = types.filter(
    ([, t]) => t.symbol && report.number && t.symbol.test(report.number),
  );
  return bySymbol.length === 1 ? bySymbol[0]![0] : 'OTHER';
}
