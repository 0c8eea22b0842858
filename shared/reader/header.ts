import type { Diagnostic } from '../schemas/diagnostic.js';
import { diag } from '../schemas/diagnostic.js';
import type { DocumentType } from '../schemas/report.js';
import { SPACE, trimEndOf } from '../text/trim.js';
import { findDate } from './dates.js';
import { findDocNumbers, isOwnDocumentSymbol } from './doc-number.js';
import { joinLines, type Line } from './lines.js';
import { BODY_OPENER, DOCUMENT_TYPE_LINE, NATIONAL_MOTTO, REPORT_CLOSING } from './patterns.js';

export interface Header {
  /** Lines before the document-type line or the body (the two-column header block). */
  headerLines: Line[];
  /** Index in `lines` of the first line after the title: where the body begins. */
  bodyStart: number;
  documentType: DocumentType;
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  recipients: string[];
}

const ROMAN_HEADING = /^([ivxl|1]{1,5})\s*[.:)]\s+\S/;
const TITLE_MAX_LINES = 8;

function isTitleStop(l: Line): boolean {
  return (
    BODY_OPENER.test(l.folded) ||
    /^[-+•*]\s/.test(l.folded) ||
    (ROMAN_HEADING.test(l.folded) && /[iv|]/.test(l.folded.slice(0, 4))) ||
    /^phan\s+(i|thu)/.test(l.folded)
  );
}

function documentTypeOf(
  l: Line,
): { type: 'BAO_CAO' | 'KE_HOACH' | 'CONG_VAN'; rest: string } | null {
  // The type word stands alone in capitals; a short line, possibly followed by the subject.
  const letters = l.text.replace(/[^\p{L}]/gu, '');
  if (!letters || letters.length > 40) return null;
  // Not the letter case: legacy capitals fonts (.VnTimeH) convert to lower case.
  for (const [re, type] of DOCUMENT_TYPE_LINE) {
    const m = re.exec(l.folded);
    if (m && l.folded.slice(m[0].length).trim().length < 3) return { type, rest: '' };
  }
  return null;
}

/** The header's lines, each joined with the next where a Word table broke "Số:" or a date. */
function withNext(lines: Line[], i: number): Line {
  const l = lines[i]!;
  const next = lines[i + 1];
  if (!next) return l;
  return { ...l, text: `${l.text} ${next.text}`, folded: `${l.folded} ${next.folded}` };
}

/**
 * Number and symbol: "Số: 72/BC-UBND"; without "Số" only a symbol of the commune's own kind. A
 * number written by hand above a typed "Số:      /BC-UBND" counts when it stands alone on its
 * line; a cited decree ("107/NQ-CP") never does.
 */
function readNumber(headerLines: Line[]): string | null {
  for (let i = 0; i < headerLines.length; i++) {
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
      l = withNext(headerLines, i);
      d = findDate(l.folded);
    }
    if (!d || !/ng[a-z]{1,2}y/.test(l.folded.slice(d.index, d.index + 6))) continue;
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
    return { issuedOn, place: placeBefore(l, d.index) };
  }
  return { issuedOn: null, place: null };
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

export function readHeader(lines: Line[], fullFolded: string, diagnostics: Diagnostic[]): Header {
  const scan = Math.min(lines.length, 40);
  let typeAt = -1;
  let documentType: DocumentType = 'OTHER';
  for (let i = 0; i < scan; i++) {
    const t = documentTypeOf(lines[i]!);
    if (t) {
      typeAt = i;
      documentType = t.type;
      break;
    }
    if (i > 0 && isTitleStop(lines[i]!) && !/^k[i1l]nh/.test(lines[i]!.folded)) break;
  }

  // The header block: before the type line, or (no type line) before the first body line.
  let headerEnd = typeAt;
  if (headerEnd < 0) {
    headerEnd = 0;
    for (let i = 0; i < Math.min(lines.length, 15); i++) {
      const l = lines[i]!;
      if (isTitleStop(l)) break;
      if (
        /(u[yỷ]\s*ban\s*nh|ubnd|c[o0]ng\s+h[o0]a|\bs[o0]\s*(?:[:.]\s*)?\d+\s*\/|ng[a-z]{1,2}y\s*\d{1,2}\s*th)/.test(
          l.folded,
        ) ||
        NATIONAL_MOTTO.test(l.folded)
      )
        headerEnd = i + 1;
    }
  }
  // A công văn's subject ("V/v …") sits right under its number.
  if (typeAt < 0 && lines[headerEnd] && /^v\s*\/\s*v\b/.test(lines[headerEnd]!.folded)) headerEnd++;
  const headerLines = lines.slice(0, headerEnd);

  const number = readNumber(headerLines);
  const { issuedOn, place } = readDatePlace(headerLines, diagnostics);

  // Title (trích yếu): the lines under the type word, or "V/v …" in a công văn header.
  let title: string | null = null;
  let bodyStart = headerEnd;
  if (typeAt >= 0) {
    const titleLines: string[] = [];
    let i = typeAt + 1;
    for (; i < lines.length && titleLines.length < TITLE_MAX_LINES; i++) {
      if (isTitleStop(lines[i]!)) break;
      titleLines.push(lines[i]!.text);
    }
    bodyStart = i;
    if (titleLines.length) title = joinLines(titleLines);
  } else {
    const vv = headerLines.find((l) => /^v\s*\/\s*v\b/.test(l.folded));
    if (vv) {
      title = vv.text.replace(/^V\s*\/\s*v\.?\s*/i, '');
      documentType = 'CONG_VAN';
    } else {
      // No type word (a page cut off): the subject is the short run of lines before the body.
      const titleLines: string[] = [];
      let i = headerEnd;
      for (; i < lines.length && titleLines.length <= 6; i++) {
        if (isTitleStop(lines[i]!)) break;
        titleLines.push(lines[i]!.text);
      }
      if (titleLines.length && titleLines.length <= 6 && i < lines.length) {
        title = joinLines(titleLines);
        bodyStart = i;
      }
    }
  }
  if (title) title = trimEndOf(title.replace(/^["“]|["”]$/g, ''), ';,.').trim() || null;

  // Kính gửi: one line, or a list under it.
  const recipients: string[] = [];
  for (let i = bodyStart; i < Math.min(lines.length, bodyStart + 6); i++) {
    const l = lines[i]!;
    const m = /^k[i1l]nh\s*g[a-z]{1,3}\s*:?/.exec(l.folded);
    if (!m) continue;
    const rest = l.text
      .slice(m[0].length)
      .replace(/^[\s:]+/, '')
      .trim();
    if (rest) recipients.push(rest.replace(/^[-+]\s*/, '').replace(/[;.]$/, ''));
    for (let j = i + 1; j < lines.length && /^[-+]\s/.test(lines[j]!.text); j++)
      recipients.push(lines[j]!.text.replace(/^[-+]\s*/, '').replace(/[;.]$/, ''));
    bodyStart = i + 1;
    break;
  }

  if (documentType === 'OTHER') {
    if (number && /\/BC-/.test(number)) documentType = 'BAO_CAO';
    else if (number && /\/KH-/.test(number)) documentType = 'KE_HOACH';
    else if (REPORT_CLOSING.test(fullFolded)) documentType = 'BAO_CAO';
  }

  if (!number)
    diagnostics.push(
      diag.warning('number', 'Không đọc được số, ký hiệu văn bản.', 'number.missing'),
    );
  if (!issuedOn)
    diagnostics.push(
      diag.warning('issuedOn', 'Không đọc được ngày ban hành văn bản.', 'issuedOn.missing'),
    );
  if (!title)
    diagnostics.push(diag.warning('title', 'Không đọc được trích yếu văn bản.', 'title.missing'));
  if (documentType === 'OTHER')
    diagnostics.push(
      diag.warning(
        'documentType',
        'Không xác định được loại văn bản (báo cáo, kế hoạch, công văn).',
        'documentType.unknown',
      ),
    );

  return { headerLines, bodyStart, documentType, number, issuedOn, place, title, recipients };
}
