import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Indicator, Report } from '../schemas/report.js';
import { figureContradiction, figureDisagrees, holdUnconfirmedRefs } from './line-agreement.js';
import { holdIllegible } from './page-legibility.js';
import { holdDoubtfulNumbers } from './scan-doubt.js';
import { holdDoubtfulFields } from './scan-fields.js';
import type { ScanText } from './scan-text.js';

/**
 * A word holding a digit read with less confidence than this (0–100) makes its figure doubtful.
 * Set from the bench (bench/ocr.ts): clean digits score above 90, misread ones mostly below.
 */
export const DOUBT_CONFIDENCE = 80;

const HAS_DIGIT = /\d/;

/**
 * Every figure read from a scanned page keeps its page and position. A figure whose digits the
 * engine was unsure of is taken out of the report's figures and named in an error diagnostic with
 * its page and words, so that the submission waits for a person instead of carrying a wrong number.
 * Header and signature fields the scan does not support surely are left out (scan-fields.ts).
 */
export function reviewScan(
  report: Report,
  scan: ScanText,
  receivedOn: string | null = null,
): Report {
  if (!scan.scannedPages.length) return report;
  const indicators: Indicator[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ind of report.indicators) {
    const src = scan.lines[ind.line - 1];
    if (!src) {
      indicators.push(ind);
      continue;
    }
    const placed: Indicator = { ...ind, page: src.page, ...(src.box ? { box: src.box } : {}) };
    const doubtful = (src.words ?? []).filter(
      (w) => HAS_DIGIT.test(w.text) && w.confidence < DOUBT_CONFIDENCE,
    );
    // Read surely: still held when its line read again spells other numbers, or its numbers
    // contradict each other (line-agreement.ts). A typed page's line has no words to doubt.
    const why =
      doubtful.length || !src.words
        ? null
        : (figureDisagrees(src, ind) ?? figureContradiction(ind));
    if (!doubtful.length && !why) {
      indicators.push(placed);
      continue;
    }
    if (why) {
      diagnostics.push(
        diag.error(
          `indicators.${ind.key ?? 'other'}`,
          `Trang ${src.page}: số liệu "${ind.label.slice(0, 80)}" đọc từ bản quét: ${why}; ` +
            'cần người đối chiếu với bản gốc trước khi đưa vào tổng hợp.',
          'ocr.doubtfulFigure',
        ),
      );
      continue;
    }
    const words = doubtful.map((w) => `"${w.text}" (${Math.round(w.confidence)} %)`).join(', ');
    diagnostics.push(
      diag.error(
        `indicators.${ind.key ?? 'other'}`,
        `Trang ${src.page}: số liệu "${ind.label.slice(0, 80)}" đọc từ bản quét không chắc chắn (${words}); ` +
          'cần người đối chiếu với bản gốc trước khi đưa vào tổng hợp.',
        'ocr.doubtfulFigure',
      ),
    );
  }
  const pages = scan.scannedPages.join(', ');
  const turned = scan.turnedPages.map((t) => t.page).join(', ');
  diagnostics.push(
    diag.warning(
      'file',
      `Đã nhận dạng ký tự (OCR) ${scan.scannedPages.length} trang quét (trang ${pages})` +
        (turned
          ? `; trang ${turned} bị chụp/quét nằm ngang hoặc ngược nên đã được xoay lại để đọc.`
          : '.'),
      'ocr.read',
    ),
  );
  const numbers = holdUnconfirmedRefs(holdDoubtfulNumbers(report, scan), scan);
  const held = holdDoubtfulFields(numbers, scan, receivedOn);
  // A page read poorly as a whole gives nothing on its reading alone (page-legibility.ts).
  return holdIllegible(
    { ...held, indicators, diagnostics: [...held.diagnostics, ...diagnostics] },
    scan,
  );
}
