import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Report } from '../schemas/report.js';
import { isVietnameseSyllable } from '../text/syllables.js';
import { SYLLABLE_SHARE } from './scan-fields.js';
import type { ScanText } from './scan-text.js';

// A page whose words are Vietnamese syllables at less than SYLLABLE_SHARE was not read surely as
// a whole: the bar a scanned title or name must meet (scan-fields.ts), applied to the page. Clean
// scans and photos read at 95–98 %; a page whose shadow, seal, dots and JPEG blocks leave OCR
// guessing falls well below, and there even words read "surely" were seen wrong ("Lê" for "Lô",
// 66,5 for 86,5, the cited letter's number as the report's own).
/** Fewer words than this say nothing of a page (a cover, a signature page, a photo of a seal). */
const MIN_WORDS = 40;

const bare = (w: string) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** The share of a page's words that are Vietnamese syllables; null when too few words say nothing. */
export function syllableShare(words: string[]): number | null {
  const letters = words.map(bare).filter((w) => /^\p{L}+$/u.test(w));
  if (letters.length < MIN_WORDS) return null;
  return (
    letters.filter((w) => isVietnameseSyllable(w.toLocaleLowerCase('vi'))).length / letters.length
  );
}

/** The scanned pages read too poorly to trust any field alone, each with its share of syllables. */
export function illegiblePages(scan: ScanText): { page: number; share: number }[] {
  const words = new Map<number, string[]>();
  for (const line of scan.lines) {
    if (!line.words) continue;
    const list = words.get(line.page) ?? [];
    for (const w of line.words) list.push(w.text);
    words.set(line.page, list);
  }
  const out: { page: number; share: number }[] = [];
  for (const [page, list] of words) {
    const share = syllableShare(list);
    if (share !== null && share < SYLLABLE_SHARE) out.push({ page, share });
  }
  return out;
}

const HEADER_FIELDS = [
  ['number', 'Số văn bản'],
  ['issuedOn', 'Ngày ban hành'],
  ['title', 'Trích yếu'],
] as const;

/**
 * On a scan with a page OCR could not read surely, no header or signature field, cited document
 * and figure is given on the reading alone: each is left for a person, named with the reason.
 */
export function holdIllegible(report: Report, scan: ScanText): Report {
  const pages = illegiblePages(scan);
  if (!pages.length) return report;
  const which = pages
    .map((p) => `${p.page} (${Math.round(p.share * 100)} % chữ rõ nghĩa)`)
    .join(', ');
  const why = `trang ${which} đọc từ bản quét không rõ`;
  const notes: Diagnostic[] = [];
  const held = (field: string, what: string) =>
    notes.push(
      diag.error(
        field,
        `${what}: ${why}, nên chưa ghi nhận; cần người đối chiếu với bản gốc.`,
        'ocr.doubtfulField',
      ),
    );
  const out: Report = { ...report, issuer: { ...report.issuer }, signer: { ...report.signer } };
  for (const [field, what] of HEADER_FIELDS)
    if (out[field] !== null) {
      held(field, what);
      out[field] = null;
    }
  if (out.title === null) delete out.titleOriginal;
  // The unit's name too: "XÃ HỘI CHỦ NGHĨA" misread resolved to a commune named "Hội Cư". The
  // upload's folder still names the unit (ingest), and the province stays what the upload says.
  if (out.issuer.name !== null) held('issuer', 'Tên đơn vị ban hành');
  out.issuer = { level: null, name: null, code: null };
  if (out.signer.name !== null) held('signer.name', 'Tên người ký');
  if (out.signer.title !== null) held('signer.title', 'Chức vụ người ký');
  out.signer = { ...out.signer, name: null, title: null };
  delete out.signer.nameOriginal;
  if (out.requestedBy.length) held('requestedBy', 'Văn bản được trả lời');
  out.requestedBy = [];
  const bad = new Set(pages.map((p) => p.page));
  const onBad = (line: number) => bad.has(scan.lines[line - 1]?.page ?? -1);
  for (const i of out.indicators.filter((x) => onBad(x.line)))
    notes.push(
      diag.error(
        `indicators.${i.key ?? 'other'}`,
        `Số liệu "${i.label.slice(0, 80)}": ${why}; cần người đối chiếu với bản gốc trước khi đưa vào tổng hợp.`,
        'ocr.doubtfulFigure',
      ),
    );
  out.indicators = out.indicators.filter((x) => !onBad(x.line));
  return { ...out, diagnostics: [...out.diagnostics, ...notes] };
}
