import type { Diagnostic } from '../schemas/diagnostic.js';

// What a person must read first about a file: the reason it is held, not the first thing the
// reader happened to note. A plan sent as a report, a report of another period, another unit's
// document decide; a note on the old font encoding or on OCR never does.

/** The findings that decide what happens to a file, most decisive first. */
const DECISIVE = [
  'period.mismatch',
  'period.otherRound',
  'documentType.notReport',
  'unit.mismatch',
  'unit.unresolved',
  'unit.otherProvince',
  'round.unresolved',
  'issuedOn.future',
  'header.unreadable',
  'form.empty',
  'text.empty',
];

/** Remarks on how the file was read: for the desk and the XLSX, never a reason given first. */
const TECHNICAL = new Set([
  'text.legacyEncoding',
  'text.encodingUncertain',
  'text.truncated',
  'ocr.read',
  'ocr.recordedAs',
  'ocr.doubtfulNumber',
  'ocr.doubtfulFigure',
  'ocr.doubtfulField',
]);

function rank(d: Diagnostic): number {
  const decisive = DECISIVE.indexOf(d.code ?? '');
  if (decisive >= 0) return decisive;
  const base = DECISIVE.length + (d.level === 'error' ? 0 : 2);
  return TECHNICAL.has(d.code ?? '') ? base + 1 : base;
}

/** The findings in the order people should read them (stable among equals). */
export function byDecisiveness(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d);
}

/** The one reason to show first; null when there is none. */
export const decisiveReason = (diagnostics: readonly Diagnostic[]): Diagnostic | null =>
  byDecisiveness(diagnostics)[0] ?? null;

/** A remark on how the file was read, which has no place in the signed document. */
export const isTechnical = (d: Pick<Diagnostic, 'code'>) => TECHNICAL.has(d.code ?? '');
