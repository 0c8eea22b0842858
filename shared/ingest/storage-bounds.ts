import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Indicator, Report } from '../schemas/report.js';

// What the table keeps of a report is bounded, so that no upload can fail to be recorded because
// of its size (DynamoDB refuses items over 400 KB) or of one number (lib-dynamodb refuses numbers
// beyond ±MAX_SAFE_INTEGER, and no real figure of a commune report has 16 digits). The original
// file always stays in S3; what is left out here is said in a diagnostic.

/** Budget of the report inside one item; the rest of the item (file, diagnostics) stays small. */
export const MAX_STORED_REPORT_BYTES = 300_000;
export const MAX_STORED_INDICATORS = 500;
export const MAX_SECTION_CHARS = 12_000;
export const MAX_STORED_DIAGNOSTICS = 100;
const MAX_MESSAGE_CHARS = 1_000;
const MAX_LIST_ITEMS = 50;

export interface Bounded {
  report: Report | null;
  /** What was left out; each one needs a person. */
  diagnostics: Diagnostic[];
}

const isSafe = (n: number | null) =>
  n === null || (Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER);
const safeIndicator = (i: Indicator) =>
  isSafe(i.value) && isSafe(i.numerator) && isSafe(i.denominator) && isSafe(i.line);

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function keepSafeFigures(report: Report, out: Diagnostic[]): Report {
  const unsafe = report.indicators.filter((i) => !safeIndicator(i));
  if (!unsafe.length) return report;
  const where = unsafe
    .slice(0, 5)
    .map((i) => (isSafe(i.line) ? `dòng ${i.line}` : `"${i.label.slice(0, 40)}"`))
    .join(', ');
  out.push(
    diag.error(
      'indicators',
      `${unsafe.length} số liệu quá lớn (từ 16 chữ số trở lên, ${where}) không ` +
        `thể là số liệu thật nên không được ghi nhận; vui lòng kiểm tra lại các ` +
        `số này và gửi bản sửa.`,
      'indicators.unsafeNumber',
    ),
  );
  return { ...report, indicators: report.indicators.filter(safeIndicator) };
}

function capFigures(report: Report, out: Diagnostic[]): Report {
  if (report.indicators.length <= MAX_STORED_INDICATORS) return report;
  out.push(
    diag.error(
      'indicators',
      `Văn bản có ${report.indicators.length} số liệu, nhiều bất thường; chỉ ` +
        `${MAX_STORED_INDICATORS} số liệu đầu được ghi nhận. Vui lòng kiểm tra ` +
        `tệp (có thể là bảng dữ liệu thô thay vì báo cáo) và gửi lại báo cáo đúng ` +
        `mẫu.`,
      'indicators.tooMany',
    ),
  );
  return { ...report, indicators: report.indicators.slice(0, MAX_STORED_INDICATORS) };
}

function capTexts(report: Report, chars: number): Report {
  const cap = (s: string) => (s.length > chars ? `${s.slice(0, chars)} …` : s);
  const list = <T>(xs: T[]) => xs.slice(0, MAX_LIST_ITEMS);
  return {
    ...report,
    title: report.title && cap(report.title),
    recipients: list(report.recipients).map(cap),
    requestedBy: list(report.requestedBy),
    basedOn: list(report.basedOn),
    distribution: list(report.distribution).map(cap),
    sections: report.sections.map((s) => ({ ...s, heading: cap(s.heading), text: cap(s.text) })),
    diagnostics: boundDiagnostics(report.diagnostics),
  };
}

/** Section texts shrink until the report fits; if even that fails, only the diagnostic is kept. */
function fitBudget(report: Report, out: Diagnostic[]): Report | null {
  for (let chars = MAX_SECTION_CHARS; chars >= 250; chars = Math.floor(chars / 2)) {
    const capped = capTexts(report, chars);
    if (jsonBytes(capped) <= MAX_STORED_REPORT_BYTES) return capped;
  }
  out.push(
    diag.error(
      'file',
      'Nội dung đọc được quá lớn để lưu vào hồ sơ; tệp gốc vẫn được lưu nguyên ' +
        'vẹn. Cán bộ Sở KHCN sẽ xem tệp gốc; nếu tệp không phải báo cáo đúng mẫu, ' +
        'vui lòng gửi lại báo cáo.',
      'report.tooLarge',
    ),
  );
  return null;
}

/**
 * The report without figures no number can hold exactly, their reason among its diagnostics: what
 * `tonghop parse` shows, so that it never prints a value the text does not say (1e+308 for 309
 * digits) and agrees with what ingest keeps.
 */
export function withSafeFigures(report: Report): Report {
  const dropped: Diagnostic[] = [];
  const kept = keepSafeFigures(report, dropped);
  return dropped.length ? { ...kept, diagnostics: [...report.diagnostics, ...dropped] } : report;
}

/** The report as the table may keep it, with what had to be left out. */
export function boundReport(report: Report | null): Bounded {
  if (!report) return { report, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const figures = capFigures(keepSafeFigures(report, diagnostics), diagnostics);
  return { report: fitBudget(figures, diagnostics), diagnostics };
}

/** At most MAX_STORED_DIAGNOSTICS, each of bounded length, and a last one counting the rest. */
export function boundDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const clip = (d: Diagnostic) =>
    d.message.length > MAX_MESSAGE_CHARS
      ? { ...d, message: `${d.message.slice(0, MAX_MESSAGE_CHARS)} …` }
      : d;
  if (list.length <= MAX_STORED_DIAGNOSTICS) return list.map(clip);
  const kept = list.slice(0, MAX_STORED_DIAGNOSTICS - 1).map(clip);
  const rest = list.length - kept.length;
  return [
    ...kept,
    diag.warning('diagnostics', `Và ${rest} ghi chú khác cùng loại (không hiển thị hết).`),
  ];
}
