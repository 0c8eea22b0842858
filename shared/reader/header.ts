import type { Diagnostic } from '../schemas/diagnostic.js';
import { diag } from '../schemas/diagnostic.js';
import type { DocumentType } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { SPACE, trimEndOf } from '../text/trim.js';
import { findDate } from './dates.js';
import { findDocNumbers, isOwnDocumentSymbol } from './doc-number.js';
import { joinLines, type Line } from './lines.js';
import {
  AUTHORITY_LINE,
  BODY_OPENER,
  CLAUSE_OPENER,
  DOCUMENT_TYPES,
  DRAFT_MARK,
  KINH_GUI,
  NATIONAL_MOTTO,
  OTHER_TYPES,
  type OtherType,
  REPORT_CLOSING,
  SUBJECT_VV,
} from './patterns.js';
import { meaningOf } from './table-figures.js';

export interface Header {
  /** Lines before the document-type line or the body (the two-column header block). */
  headerLines: Line[];
  /** Index in `lines` of the first line after the title: where the body begins. */
  bodyStart: number;
  documentType: DocumentType;
  /** A kind the contract calls OTHER but the header names (quyết định, tờ trình, thông báo). */
  otherType: OtherType | null;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  recipients: string[];
}

// "II.", "II)", "II/", "II-" opening a part ("V/v", a công văn's subject, is none).
const ROMAN_HEADING = /^(?!v\s*\/\s*v\b)([ivxl|1]{1,5})\s*(?:[.:)]\s+|[/-]\s*)\S/;
const TITLE_MAX_LINES = 8;

/**
 * A table's header row ("STT⇥Chỉ tiêu⇥Đơn vị tính⇥Kết quả", cells apart by tabs or the wide
 * gaps the text repair leaves of them): the body has begun, whatever its case.
 */
function isTableHeader(l: Line): boolean {
  // A header row is a few short cells; a long line is prose, and splitting it on every call made
  // the title search quadratic in a line of repeated dates (reader-linear property).
  if (l.text.length > 400) return false;
  // The header's own two columns (the unit beside the motto, "Số:" beside the date) are no table.
  if (HEADER_LINE.test(l.folded)) return false;
  const cells = l.text.split(/\t|\s{3,}/);
  return cells.length >= 2 && cells.filter((c) => meaningOf(c) !== 'unknown').length >= 2;
}

function isTitleStop(l: Line): boolean {
  return (
    isTableHeader(l) ||
    BODY_OPENER.test(l.folded) ||
    // A title typed in capitals wraps anywhere ("… VÀ / THỰC HIỆN …"); a clause never is.
    (CLAUSE_OPENER.test(l.folded) && !/^\p{Ll}/u.test(l.text) && /\p{Ll}/u.test(l.text)) ||
    (/^[-+•*]\s/.test(l.folded) && !DRAFT_MARK.test(l.folded)) ||
    (ROMAN_HEADING.test(l.folded) && /[iv|]/.test(l.folded.slice(0, 4))) ||
    // "A. CĂN CỨ PHÁP LÝ": a part lettered A, B… in capitals opens the body as "I." does.
    (/^[a-hđ]\s*[.)]\s+\S/.test(l.folded) && l.text === l.text.toLocaleUpperCase('vi')) ||
    /^phan\s+(i|thu)/.test(l.folded)
  );
}

interface TypeLine {
  type: DocumentType;
  other: OtherType | null;
}

/** The type a line names when the type word stands alone on it (a short line). */
function documentTypeOf(l: Line): TypeLine | null {
  const letters = l.text.replace(/[^\p{L}]/gu, '');
  if (!letters || letters.length > 40) return null;
  const alone = (re: RegExp) => {
    const m = re.exec(l.folded);
    return m !== null && l.folded.slice(m[0].length).trim().length < 3;
  };
  // Not the letter case: legacy capitals fonts (.VnTimeH) convert to lower case.
  for (const [type, t] of Object.entries(DOCUMENT_TYPES))
    if (alone(t.line)) return { type: type as DocumentType, other: null };
  for (const [other, re] of Object.entries(OTHER_TYPES))
    if (alone(re)) return { type: 'OTHER', other: other as OtherType };
  return null;
}

/** The header's lines, each joined with the next where a Word table broke "Số:" or a date. */
function withNext(lines: Line[], i: number, rightColumn = false): Line {
  const l = lines[i]!;
  const next = lines[i + 1];
  if (!next) return l;
  // The date's second half in the right column, beside the left column's own words ("và công
  // nghệ năm 2025      tháng 5 năm 2025"): only that column goes on with it.
  const gap = rightColumn ? /\S(?:\s{3,}|\t)(?=\S)(?!.*\S(?:\s{3,}|\t)\S)/.exec(next.text) : null;
  const at = gap ? gap.index + gap[0].length : 0;
  return {
    ...l,
    text: `${l.text} ${next.text.slice(at)}`,
    folded: `${l.folded} ${next.folded.slice(at)}`,
  };
}

/**
 * Number and symbol: "Số: 72/BC-UBND"; without "Số" only a symbol of the commune's own kind. A
 * number written by hand above a typed "Số:      /BC-UBND" counts when it stands alone on its
 * line; a cited decree ("107/NQ-CP") never does.
 */
function readNumber(headerLines: Line[]): string | null {
  for (let i = 0; i < headerLines.length; i++) {
    // A công văn's subject cites other documents ("V/v báo cáo Kế hoạch 02-KH/BCĐTW").
    if (SUBJECT_VV.test(headerLines[i]!.folded)) break;
    const l = /^s[o0]\s*[:.]?\s*$/.test(headerLines[i]!.folded)
      ? withNext(headerLines, i)
      : headerLines[i]!;
    for (const m of findDocNumbers(l.text)) {
      const before = l.folded.slice(Math.max(0, m.index - 6), m.index);
      if (/s[o0]\s*(?:[:.]\s*)?$/.test(before) || isOwnDocumentSymbol(m.number)) return m.number;
    }
    const blank = /^s[o0]\s*[:.]?\s*\/\s*([a-z]{1,5}\s*-\s*[a-z]{1,8})\b/.exec(l.folded);
    const above = headerLines[i - 1]?.text.trim() ?? '';
    if (blank && /^\d{1,4}$/.test(above)) {
      const symbol = l.text
        .slice(l.text.indexOf('/') + 1)
        .trim()
        .split(/\s/)[0]!;
      if (isOwnDocumentSymbol(`${above}/${symbol}`)) return `${above}/${symbol}`;
    }
  }
  return null;
}

/** Place and date: "Kiến Thụy, ngày 8 tháng 8 năm 2025", the year possibly on the next line. */
function readDatePlace(
  headerLines: Line[],
  diagnostics: Diagnostic[],
): { issuedOn: string | null; place: string | null } {
  for (let i = 0; i < headerLines.length; i++) {
    let l = headerLines[i]!;
    let d = findDate(l.folded);
    if (!d && /ng[a-z]{1,2}y\s*\d/.test(l.folded)) {
      l = withNext(headerLines, i, true);
      d = findDate(l.folded);
    }
    if (!d || !afterNgay(l.folded, d.index)) continue;
    let issuedOn: string | null = null;
    if (d.reading.ok) issuedOn = d.reading.iso;
    else
      diagnostics.push(
        diag.warning(
          'issuedOn',
          `Ngày ban hành không hợp lệ (${d.reading.raw}); bỏ qua.`,
          'date.invalid',
        ),
      );
    const pre = Math.max(0, d.index - 8);
    const ngay = /ng[a-z]{1,2}y\s*$/.exec(l.folded.slice(pre, d.index));
    return { issuedOn, place: placeBefore(l, ngay ? pre + ngay.index : d.index) };
  }
  return { issuedOn: null, place: null };
}

/** "ngày 8 tháng 8 năm 2025" opens with the word; "ngày 14/11/2025" has it just before. */
function afterNgay(folded: string, at: number): boolean {
  return (
    /^ng[a-z]{1,2}y/.test(folded.slice(at, at + 6)) ||
    /ng[a-z]{1,2}y\s*$/.test(folded.slice(Math.max(0, at - 8), at))
  );
}

function placeBefore(l: Line, dateAt: number): string | null {
  let left = trimEndOf(l.text.slice(0, dateAt), `,${SPACE}`);
  const nums = findDocNumbers(left);
  const lastNum = nums[nums.length - 1];
  if (lastNum) left = left.slice(lastNum.index + lastNum.length);
  if (NATIONAL_MOTTO.exec(l.folded.slice(0, dateAt))) left = '';
  left = left.replace(/^[\s:.,-]+/, '').trim();
  return left && left.length <= 40 && /^\p{Lu}/u.test(left) ? left : null;
}

/** The line with the document-type word, if any, before the body begins. */
function findTypeLine(lines: Line[]): { typeAt: number; documentType: DocumentType } & {
  other: OtherType | null;
} {
  const scan = Math.min(lines.length, 40);
  for (let i = 0; i < scan; i++) {
    const t = documentTypeOf(lines[i]!);
    if (t) return { typeAt: i, documentType: t.type, other: t.other };
    if (i > 0 && isTitleStop(lines[i]!) && !KINH_GUI.test(lines[i]!.folded)) break;
  }
  return { typeAt: -1, documentType: 'OTHER', other: null };
}

// A header's parts; the date line broken after its day ("…, ngày 24" over "tháng 1 năm 2025")
// or its month ("…, ngày 24 tháng 8" over "năm 2025", a narrow column or a toner streak cutting
// the line; a photocopy's "năm 202" had been taken for the title) or with its day left blank for
// the signer ("ngày      tháng 11 năm 2025") counts in both halves.
const HEADER_LINE = new RegExp(
  String.raw`(u[y]\s*ban\s*nh|ubnd|c[o0]ng\s+h[o0]a|\bs[o0]\s*(?:[:.]\s*)?\d+\s*\/` +
    String.raw`|ng[a-z]{1,2}y\s*(?:\d{1,2}\s*)?(?:th[a-z]{1,2}ng|$|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})` +
    String.raw`|^th[a-z]{1,2}ng\s*\d{0,2}\s*n[a-z]{1,2}m\s*\d{4}\s*$|^n[a-z]{1,2}m\s*\d{2,4}\s*$)`,
);

const YEAR_ALONE = /^n[a-z]{1,2}m\s*\d{2,4}\s*$/;
const ENDS_WITH_MONTH = /th[a-z]{1,2}ng\s*\d{0,2}\s*$/;

/** The header block: before the type line, or (no type line) before the first body line. */
function headerEndOf(lines: Line[], typeAt: number): number {
  if (typeAt >= 0) return typeAt;
  let headerEnd = 0;
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    const l = lines[i]!;
    if (isTitleStop(l)) break;
    if (HEADER_LINE.test(l.folded) || NATIONAL_MOTTO.test(l.folded)) headerEnd = i + 1;
  }
  // A công văn's subject ("V/v …") sits right under its number, possibly wrapped, and possibly
  // beside the date line, its last words on a line of their own under it.
  let vv = lines.slice(0, headerEnd + 1).findIndex((l) => SUBJECT_VV.test(l.folded));
  if (vv >= 0) {
    const step = lineStep(lines.slice(0, Math.max(headerEnd, vv + 1)));
    while (continuesSubject(lines[vv]!, lines[vv + 1], step)) vv++;
    headerEnd = Math.max(headerEnd, vv + 1);
  }
  return headerEnd;
}

// Where a header line's right column begins when the two columns were typed side by side.
const COLUMN_GAP = /\s{3,}|\t/;
const leftColumn = (text: string) => text.split(COLUMN_GAP)[0]!.trim();

/**
 * How far apart the header's lines stand: 2 in text taken out of a PDF with a blank line after
 * every line (most gaps are one blank line), else 1.
 */
function lineStep(header: Line[]): number {
  let double = 0;
  for (let i = 1; i < header.length; i++)
    if (header[i]!.index - header[i - 1]!.index === 2) double++;
  return header.length > 3 && double >= (header.length - 1) * 0.7 ? 2 : 1;
}

/**
 * Whether `next` goes on with the subject line `prev` ("V/v báo cáo kết quả thực hiện" over
 * "Nghị quyết số 57-NQ/TW"): the line right under it, short, ending no sentence, and none of the
 * header's other parts (number, date, motto, type word, addressee) nor a body opener.
 */
function continuesSubject(prev: Line, next: Line | undefined, step = 1): boolean {
  if (!next || (next.index !== prev.index + 1 && next.index !== prev.index + step)) return false;
  const text = leftColumn(next.text);
  if (!text || text.length > 90 || /[.;:]$/.test(leftColumn(prev.text))) return false;
  const folded = fold(text);
  // A year alone is a date's end only under a month ("…, ngày 24 tháng 8" over "năm 2025"); under
  // a subject ("V/v báo cáo … quý IV" over "năm 2025") it is the subject's last words.
  const subjectYear = YEAR_ALONE.test(folded) && !ENDS_WITH_MONTH.test(fold(leftColumn(prev.text)));
  return !(
    (HEADER_LINE.test(folded) && !subjectYear) ||
    NATIONAL_MOTTO.test(folded) ||
    isTitleStop({ ...next, folded }) ||
    /^s[o0]\s*[:.]/.test(folded) ||
    SUBJECT_VV.test(folded) ||
    DRAFT_MARK.test(folded) ||
    documentTypeOf({ ...next, text, folded }) !== null ||
    /:$/.test(text)
  );
}

/** "V/v …" and the lines that go on with it, without a right column typed beside them. */
function subjectOf(headerLines: Line[], at: number): string {
  const parts = [leftColumn(headerLines[at]!.text).replace(/^V\s*\/\s*v\.?\s*/i, '')];
  const step = lineStep(headerLines);
  for (let i = at + 1; continuesSubject(headerLines[i - 1]!, headerLines[i], step); i++)
    parts.push(leftColumn(headerLines[i]!.text));
  return joinLines(parts);
}

// "In capitals" differs by what it tells apart, so each reader names its own: here a part's
// heading line (two capitals in a row, no small letter: "CĂN CỨ PHÁP LÝ", not a lone "A."); a
// paragraph set as a heading (model-sections.ts), a table's group label (table-figures.ts) and a
// PDF table's header words (files/pdf-tables.ts) ask more or other evidence.
const headingInCapitals = (l: Line) => /\p{Lu}{2}/u.test(l.text) && !/\p{Ll}/u.test(l.text);
const small = (t: string) => /\p{Ll}/u.test(t);
/** A part's heading in bare capitals ("CĂN CỨ PHÁP LÝ") under a title typed in small letters. */
const capsPartAfter = (above: string[], l: Line) => above.some(small) && headingInCapitals(l);

/**
 * Lines from `from` up to the body, at most `max`; a draft mark is passed over, and a quyết
 * định's title ends at its authority line.
 */
function titleRun(
  lines: Line[],
  from: number,
  max: number,
  other: OtherType | null = null,
  typeAbove = false,
): { text: string[]; end: number } {
  const text: string[] = [];
  let i = from;
  for (; i < lines.length && text.length < max; i++) {
    const l = lines[i]!;
    const opensTitle = text.length === 0 && typeAbove && titleOpensWithClause(lines, i);
    if (!opensTitle && (isTitleStop(l) || capsPartAfter(text, l))) break;
    if (other === 'QUYET_DINH' && AUTHORITY_LINE.test(l.folded)) break;
    if (!DRAFT_MARK.test(l.folded)) text.push(l.text);
  }
  return { text, end: i };
}

/**
 * A plan's or report's subject may itself begin "Thực hiện …" or "Triển khai …" ("KẾ HOẠCH /
 * Thực hiện Nghị quyết số 57-NQ/TW …"): the first line under the type word is then the title,
 * not the preamble, when the run it starts is short and ends no clause ("… như sau:") and a
 * clause or heading follows it.
 */
function titleOpensWithClause(lines: Line[], at: number): boolean {
  const first = lines[at]!;
  if (!CLAUSE_OPENER.test(first.folded) || BODY_OPENER.test(first.folded)) return false;
  const run: Line[] = [first];
  const stops = (l: Line) =>
    isTitleStop(l) ||
    capsPartAfter(
      run.map((r) => r.text),
      l,
    );
  for (let i = at + 1; i < lines.length && run.length < 4 && !stops(lines[i]!); i++)
    run.push(lines[i]!);
  const folded = run.map((l) => l.folded).join(' ');
  const next = lines[at + run.length];
  return (
    run.length < 4 &&
    folded.length <= 260 &&
    !/:\s*$|\bnhu\s+sau\b|\bbao\s+cao\s+(?:ket\s+qua\s+)?(?:cu\s+the\s+)?nhu\b/.test(folded) &&
    next !== undefined &&
    stops(next)
  );
}

/** Title (trích yếu): the lines under the type word, or "V/v …" in a công văn header. */
function readTitle(
  lines: Line[],
  headerLines: Line[],
  found: { typeAt: number; other: OtherType | null },
): { title: string | null; bodyStart: number; congVan: boolean } {
  const headerEnd = headerLines.length;
  if (found.typeAt >= 0) {
    const run = titleRun(lines, found.typeAt + 1, TITLE_MAX_LINES, found.other, true);
    return { title: cleanTitle(joinLines(run.text)), bodyStart: run.end, congVan: false };
  }
  const vv = headerLines.findIndex((l) => SUBJECT_VV.test(l.folded));
  if (vv >= 0) {
    const title = cleanTitle(subjectOf(headerLines, vv));
    return { title, bodyStart: headerEnd, congVan: true };
  }
  // No type word (a page cut off): the subject is the short run of lines before the body.
  const run = titleRun(lines, headerEnd, 7);
  if (run.text.length && run.text.length <= 6 && run.end < lines.length)
    return { title: cleanTitle(joinLines(run.text)), bodyStart: run.end, congVan: false };
  return { title: null, bodyStart: headerEnd, congVan: false };
}

function cleanTitle(title: string): string | null {
  return trimEndOf(title.replace(/^["“]|["”]$/g, ''), ';,.').trim() || null;
}

/** "Kính gửi": one line, or a list under it; the body begins after it. */
function readRecipients(lines: Line[], from: number): { recipients: string[]; bodyStart: number } {
  const clean = (s: string) => s.replace(/^[-+]\s*/, '').replace(/[;.]$/, '');
  for (let i = from; i < Math.min(lines.length, from + 6); i++) {
    const l = lines[i]!;
    const m = KINH_GUI.exec(l.folded);
    if (!m) continue;
    const recipients: string[] = [];
    const rest = l.text
      .slice(m[0].length)
      .replace(/^[\s:]+/, '')
      .trim();
    if (rest) recipients.push(clean(rest));
    for (let j = i + 1; j < lines.length && /^[-+]\s/.test(lines[j]!.text); j++)
      recipients.push(clean(lines[j]!.text));
    return { recipients, bodyStart: i + 1 };
  }
  return { recipients: [], bodyStart: from };
}

/** Without a type word, the number's symbol ("/BC-") or the closing sentence tells the type. */
function inferType(number: string | null, fullFolded: string): DocumentType {
  for (const [type, t] of Object.entries(DOCUMENT_TYPES))
    if (number && t.symbol?.test(number)) return type as DocumentType;
  return REPORT_CLOSING.test(fullFolded) ? 'BAO_CAO' : 'OTHER';
}

function headerDiagnostics(h: Header): Diagnostic[] {
  const out: Diagnostic[] = [];
  const missing = (field: string, message: string) =>
    out.push(
      diag.warning(field, message, `${field}.${field === 'documentType' ? 'unknown' : 'missing'}`),
    );
  if (!h.number) missing('number', 'Không đọc được số, ký hiệu văn bản.');
  if (!h.issuedOn) missing('issuedOn', 'Không đọc được ngày ban hành văn bản.');
  if (!h.title) missing('title', 'Không đọc được trích yếu văn bản.');
  if (h.documentType === 'OTHER' && !h.otherType)
    missing('documentType', 'Không xác định được loại văn bản (báo cáo, kế hoạch, công văn).');
  return out;
}

export function readHeader(lines: Line[], fullFolded: string, diagnostics: Diagnostic[]): Header {
  const found = findTypeLine(lines);
  const headerLines = lines.slice(0, headerEndOf(lines, found.typeAt));
  const number = readNumber(headerLines);
  const { issuedOn, place } = readDatePlace(headerLines, diagnostics);
  const t = readTitle(lines, headerLines, found);
  const { recipients, bodyStart } = readRecipients(lines, t.bodyStart);
  let documentType = t.congVan && found.documentType === 'OTHER' ? 'CONG_VAN' : found.documentType;
  if (documentType === 'OTHER') documentType = inferType(number, fullFolded);
  const header: Header = {
    headerLines,
    bodyStart,
    documentType,
    otherType: found.other,
    number,
    issuedOn,
    place,
    title: t.title,
    recipients,
  };
  diagnostics.push(...headerDiagnostics(header));
  return header;
}
