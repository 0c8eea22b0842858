import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { DocumentRef, Report } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import type { ScanText } from './scan-text.js';
import { repairDocNumber, unknownSymbolParts } from './symbol-codes.js';

/**
 * A document number (the report's own, those it answers) read by OCR with less confidence than
 * this is left out rather than given when a part of its symbol is no known part: in the scan score
 * (scripts/scan-score.ts) misreads such as "SKHON" for "SKHCN" came at 31–42 %, but so did right
 * numbers, so confidence alone cannot tell them apart; the symbol's parts can.
 */
export const NUMBER_DOUBT_CONFIDENCE = 80;
/** Below this a number is left out whatever its parts: its digits are as doubtful as its letters. */
export const NUMBER_GARBLED_CONFIDENCE = 25;

const key = (s: string) => fold(s).replace(/\s+/g, '');

/** Where a spelled text was read: its page and the lowest confidence of the words that spell it. */
export interface Spelled {
  page: number;
  confidence: number;
}

/** The words of the scan, across lines, that spell `text` (spaces ignored); null when none do. */
export function spelledBy(scan: ScanText, text: string): Spelled | null {
  const want = key(text);
  if (!want) return null;
  const words = scan.lines.flatMap((l) => (l.words ?? []).map((w) => ({ ...w, page: l.page })));
  for (let i = 0; i < words.length; i++) {
    let got = '';
    let confidence = 100;
    for (let j = i; j < words.length && got.length < want.length; j++) {
      got += key(words[j]!.text);
      confidence = Math.min(confidence, words[j]!.confidence);
      if (!(got.startsWith(want) || want.startsWith(got))) break;
    }
    if (got.startsWith(want)) return { page: words[i]!.page, confidence };
  }
  return null;
}

/** Where `read` was read with doubt; `mended` is what it stands for once its misread parts are mended. */
const doubtful = (scan: ScanText, read: string, mended = read) => {
  const s = spelledBy(scan, read);
  if (!s || s.confidence >= NUMBER_DOUBT_CONFIDENCE) return null;
  return s.confidence < NUMBER_GARBLED_CONFIDENCE || unknownSymbolParts(mended).length ? s : null;
};

function doubtNote(field: string, number: string, s: Spelled | null): Diagnostic {
  const where = s ? `Trang ${s.page}: s` : 'S';
  const how = s ? ` (${Math.round(s.confidence)} %)` : '';
  return diag.warning(
    field,
    `${where}ố văn bản "${number.slice(0, 60)}" đọc từ bản quét không rõ${how}, nên chưa ghi nhận; ` +
      'cần người đối chiếu với bản gốc.',
    'ocr.doubtfulNumber',
  );
}

/** A scanned number as it may be given: mended where misread, null with a note when in doubt. */
function settle(scan: ScanText, field: string, number: string, notes: Diagnostic[]): string | null {
  const mended = repairDocNumber(number);
  const s = mended === null ? spelledBy(scan, number) : doubtful(scan, number, mended);
  if (mended !== null && !s) return mended;
  notes.push(doubtNote(field, number, s));
  return null;
}

/**
 * The report with its document numbers as OCR read them mended where a symbol part is certainly
 * misread ("8C" for "BC"), and left out, each named in a diagnostic, where they are in doubt.
 */
export function holdDoubtfulNumbers(report: Report, scan: ScanText): Report {
  const notes: Diagnostic[] = [];
  const refs = (field: string, list: DocumentRef[]) =>
    list.flatMap((r) => {
      const number = settle(scan, field, r.number, notes);
      return number === null ? [] : [{ ...r, number }];
    });
  const number = report.number === null ? null : settle(scan, 'number', report.number, notes);
  const requestedBy = refs('requestedBy', report.requestedBy);
  const basedOn = refs('basedOn', report.basedOn);
  return {
    ...report,
    number,
    requestedBy,
    basedOn,
    diagnostics: [...report.diagnostics, ...notes],
  };
}
