import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { DocumentRef, Report } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import type { ScanText } from './scan-text.js';
import { unknownSymbolParts } from './symbol-codes.js';

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

const doubtful = (scan: ScanText, text: string | null) => {
  const s = text ? spelledBy(scan, text) : null;
  if (!s || !text || s.confidence >= NUMBER_DOUBT_CONFIDENCE) return null;
  return s.confidence < NUMBER_GARBLED_CONFIDENCE || unknownSymbolParts(text).length ? s : null;
};

function doubtNote(field: string, number: string, s: Spelled): Diagnostic {
  return diag.warning(
    field,
    `Trang ${s.page}: số văn bản "${number.slice(0, 60)}" đọc từ bản quét không rõ (${Math.round(s.confidence)} %), ` +
      'nên chưa ghi nhận; cần người đối chiếu với bản gốc.',
    'ocr.doubtfulNumber',
  );
}

/** The report without the document numbers OCR was unsure of, each named in a diagnostic. */
export function holdDoubtfulNumbers(report: Report, scan: ScanText): Report {
  const diagnostics: Diagnostic[] = [];
  const keep = (field: string) => (r: DocumentRef) => {
    const s = doubtful(scan, r.number);
    if (s) diagnostics.push(doubtNote(field, r.number, s));
    return !s;
  };
  const own = doubtful(scan, report.number);
  if (own && report.number) diagnostics.push(doubtNote('number', report.number, own));
  const requestedBy = report.requestedBy.filter(keep('requestedBy'));
  const basedOn = report.basedOn.filter(keep('basedOn'));
  if (!diagnostics.length) return report;
  const number = own ? null : report.number;
  return {
    ...report,
    number,
    requestedBy,
    basedOn,
    diagnostics: [...report.diagnostics, ...diagnostics],
  };
}
