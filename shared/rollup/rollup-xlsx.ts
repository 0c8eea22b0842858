import type { IndicatorSummary, Rollup } from '../schemas/rollup.js';
import { DOCUMENT_KIND_WORDS, COUNT_TITLES as T, titled } from '../vocabulary/status-words.js';
import { basisText } from './docx-checks.js';
import { isNational, LEVEL_TITLES, STATE_TITLES, unitNames } from './format.js';
import { indicatorHeadline } from './headline.js';
import { ADDRESSEE_TITLES, THEME_TITLES } from './themes.js';
import { XlsxBook } from './xlsx-book.js';
import type { Column } from './xlsx-xml.js';

export { wrappedLines } from './wrapped-lines.js';

type Book = XlsxBook;
const ICT_MS = 7 * 3_600_000;

/** A date cell that shows Vietnam's time (Excel dates carry no zone). */
const ictCell = (iso: string | null) => (iso ? new Date(Date.parse(iso) + ICT_MS) : undefined);
/** Rates as fractions, so that Excel shows them as percentages and sums them right. */
const share = (i: Pick<IndicatorSummary, 'kind'>, v: number | undefined) =>
  v === undefined ? undefined : i.kind === 'rate' ? v / 100 : v;

function summarySheets(book: Book, r: Rollup) {
  const s = r.status;
  const summary = book.sheet('Tổng hợp', [
    ['Nhóm', 'group', 14],
    [T.expected, 'expected', 10, 'int'],
    [T.reported, 'reported', 12, 'int'],
    [T.onTime, 'onTime', 10, 'int'],
    [T.late, 'late', 8, 'int'],
    [T.needsReview, 'needsReview', 10, 'int'],
    [T.rejected, 'rejected', 10, 'int'],
    [T.returned, 'returned', 10, 'int'],
    [T.approvedByStaff, 'approvedByStaff', 9, 'int'],
    [T.missing, 'missing', 10, 'int'],
    [T.reportingRate, 'reportingRate', 11, 'pct'],
    [T.timelinessRate, 'timelinessRate', 11, 'pct'],
  ]);
  for (const row of [
    { group: 'Tổng số', ...s },
    ...s.byLevel.map((l) => ({ group: LEVEL_TITLES[l.level], ...l })),
  ])
    summary.add(row);
  const totals = book.sheet('Chỉ tiêu tổng hợp', [
    ['Chỉ tiêu', 'name', 44, 'wrap'],
    ['Mã chỉ tiêu', 'key', 24],
    ['Đơn vị tính', 'unit', 10],
    ['Số đơn vị báo cáo', 'units', 10, 'int'],
    ['Kết quả tổng hợp', 'headline', 44, 'wrap'],
    ['Tổng (số lượng)', 'total', 12, 'dec'],
    ['Tỷ lệ chung (Σ tử / Σ mẫu)', 'weighted', 12, 'pct'],
    ['Σ tử số', 'numerator', 12, 'int'],
    ['Σ mẫu số', 'denominator', 12, 'int'],
    ['Số đơn vị có số liệu gốc', 'rawUnits', 11, 'int'],
    ['Nhỏ nhất', 'min', 10, 'dec'],
    ['Trung vị', 'median', 10, 'dec'],
    ['Lớn nhất', 'max', 10, 'dec'],
    ['Kỳ trước (cùng kỳ năm trước)', 'previous', 12, 'dec'],
  ]);
  for (const i of r.indicators) {
    const pct = i.kind === 'rate';
    totals.add(
      {
        name: i.name,
        key: i.key,
        unit: i.unit,
        units: i.unitsReporting,
        headline: indicatorHeadline(i, { count: false }),
        total: i.total ?? undefined,
        weighted: share(i, i.weighted?.value),
        numerator: i.weighted?.numerator,
        denominator: i.weighted?.denominator,
        rawUnits: pct ? i.unitsWithRawFigures : undefined,
        // A rate's spread as percentages, one precision like the rate itself.
        min: share(i, i.spread?.min.value),
        median: share(i, i.spread?.median.value),
        max: share(i, i.spread?.max.value),
        previous: i.previous ? share(i, i.previous.value) : undefined,
      },
      i.kind === 'rate' ? { previous: 'pct', min: 'pct', median: 'pct', max: 'pct' } : {},
    );
  }
}

function statusSheet(book: Book, r: Rollup, label: (code: string) => string) {
  const status = book.sheet('Tình hình nộp', [
    ['Mã', 'code', 8],
    ['Đơn vị', 'unit', 26],
    ['Loại', 'level', 8],
    ['Tình trạng', 'state', 12],
    ['Nhận lúc', 'receivedAt', 16, 'date'],
    ['Số lần nộp', 'versions', 8, 'int'],
    ['Vấn đề', 'problems', 50, 'wrap'],
    ['Mã hồ sơ', 'submissionId', 22],
  ]);
  for (const u of r.units)
    status.add({
      code: u.unitCode,
      unit: label(u.unitCode),
      level: LEVEL_TITLES[u.level],
      state: STATE_TITLES[u.state],
      receivedAt: ictCell(u.receivedAt),
      versions: u.versions,
      problems: [...u.problems, ...(u.notes ?? [])].join('; '),
      submissionId: u.submissionId ?? undefined,
    });
}

// One row per unit, one column per indicator: the table staff used to copy by hand.
function perUnitSheet(book: Book, r: Rollup, label: (code: string) => string) {
  const reporting = r.indicators.filter((i) => i.unitsReporting > 0);
  const ws = book.sheet(
    'Chỉ tiêu theo đơn vị',
    [
      ['Mã', 'code', 8],
      ['Đơn vị', 'unit', 26],
      ...reporting.map((i): Column => [i.name, i.key, 16, i.kind === 'rate' ? 'pct' : 'dec']),
    ],
    { tallHeader: true },
  );
  const byUnit = new Map<string, Record<string, number | undefined>>();
  for (const i of reporting)
    for (const v of i.values) {
      const row = byUnit.get(v.unitCode) ?? {};
      row[i.key] = share(i, v.value);
      byUnit.set(v.unitCode, row);
    }
  for (const u of r.units)
    if (byUnit.has(u.unitCode))
      ws.add({ code: u.unitCode, unit: label(u.unitCode), ...byUnit.get(u.unitCode) });
}

function figuresSheet(book: Book, r: Rollup, label: (code: string) => string) {
  const ws = book.sheet('Nguồn số liệu', [
    ['Chỉ tiêu', 'name', 36],
    ['Mã chỉ tiêu', 'key', 22],
    ['Mã', 'code', 8],
    ['Đơn vị', 'unit', 24],
    ['Giá trị', 'value', 11, 'dec'],
    ['Tử số', 'numerator', 11, 'int'],
    ['Mẫu số', 'denominator', 11, 'int'],
    ['Giá trị khác trong báo cáo', 'also', 14],
    ['Dòng', 'line', 6, 'int'],
    ['Mã hồ sơ', 'submissionId', 22],
    ['Xác nhận', 'basis', 40, 'wrap'],
  ]);
  for (const i of r.indicators)
    for (const v of i.values)
      ws.add(
        {
          name: i.name,
          key: i.key,
          code: v.unitCode,
          unit: label(v.unitCode),
          value: share(i, v.value),
          numerator: v.numerator ?? undefined,
          denominator: v.denominator ?? undefined,
          also: v.alsoReported.join('; '),
          line: v.line,
          submissionId: v.submissionId,
          basis: basisText(v.basis),
        },
        i.kind === 'rate' ? { value: 'pct' } : {},
      );
}

const QUOTE_COLUMNS: Column[] = [
  ['Mã', 'code', 8],
  ['Đơn vị', 'unit', 24],
  ['Nội dung', 'text', 60, 'wrap'],
  ['Nguyên văn trong báo cáo', 'original', 60, 'wrap'],
  ['Mục', 'section', 24, 'wrap'],
  ['Mã hồ sơ', 'submissionId', 22],
];

// Every quote with all its units: the document names a few per point, this sheet all of them.
function quoteSheets(book: Book, r: Rollup, label: (code: string) => string) {
  const quote = (q: Rollup['difficulties'][number]['quotes'][number]) => ({
    code: q.unitCode,
    unit: label(q.unitCode),
    text: q.text,
    original: q.original,
    section: q.section,
    submissionId: q.submissionId,
  });
  const difficulties = book.sheet('Khó khăn', [
    ['Nhóm vấn đề', 'theme', 26, 'wrap'],
    ['Số đơn vị nêu', 'units', 9, 'int'],
    ...QUOTE_COLUMNS,
  ]);
  for (const g of r.difficulties)
    for (const q of g.quotes)
      difficulties.add({ theme: THEME_TITLES[g.theme], units: g.units, ...quote(q) });
  const proposals = book.sheet('Kiến nghị', [
    ['Kiến nghị tới', 'to', 26, 'wrap'],
    ['Số đơn vị', 'units', 9, 'int'],
    ...QUOTE_COLUMNS,
  ]);
  for (const g of r.proposalsByAddressee)
    for (const q of g.quotes)
      proposals.add({ to: ADDRESSEE_TITLES[g.addressee], units: g.units, ...quote(q) });
}

const DOCUMENT_KINDS = titled(DOCUMENT_KIND_WORDS);

function sourceSheets(book: Book, r: Rollup, label: (code: string) => string) {
  if (r.otherDocuments.length) {
    const others = book.sheet('Văn bản không phải báo cáo', [
      ['Mã', 'code', 8],
      ['Đơn vị', 'unit', 24],
      ['Loại văn bản', 'kind', 14],
      ['Số, ký hiệu', 'number', 16],
      ['Trích yếu', 'title', 60, 'wrap'],
      ['Mã hồ sơ', 'submissionId', 22],
    ]);
    for (const d of r.otherDocuments)
      others.add({
        code: d.unitCode,
        unit: label(d.unitCode),
        kind: DOCUMENT_KINDS[d.documentType],
        number: d.number ?? '',
        title: d.title ?? '',
        submissionId: d.submissionId,
      });
  }
  const sources = book.sheet('Hồ sơ nguồn', [
    ['Mã hồ sơ', 'submissionId', 22],
    ['Mã', 'code', 8],
    ['Đơn vị', 'unit', 24],
    ['Lần nộp', 'version', 8, 'int'],
    ['Nộp lúc', 'uploadedAt', 16, 'date'],
    ['Tệp', 'file', 30],
    ['Khóa tệp', 'fileKey', 50],
    ['Phiên bản tệp', 'fileVersionId', 20],
    ['Ký số', 'signatures', 60],
  ]);
  for (const s of Object.values(r.sources))
    sources.add({
      submissionId: s.submissionId,
      code: s.unitCode,
      unit: label(s.unitCode),
      version: s.version,
      uploadedAt: ictCell(s.uploadedAt),
      file: s.fileName,
      fileKey: s.fileKey,
      fileVersionId: s.fileVersionId ?? '',
      signatures: s.signatures?.join('\n') ?? '',
    });
}

/**
 * The rollup as a workbook, summary first: totals, status, every unit's figures, difficulties,
 * proposals with every unit that raised each, and the file behind every figure. Numbers stay
 * numbers (rates as percentages, dates as dates), so that staff can sort, sum and print.
 */
export async function rollupXlsx(
  r: Rollup,
  creator = 'Sở Khoa học và Công nghệ',
): Promise<Uint8Array> {
  const book = new XlsxBook(creator, new Date(r.builtAt));
  const names = unitNames(r);
  const label = (code: string) => names.get(code) ?? code;
  summarySheets(book, r);
  statusSheet(book, r, label);
  perUnitSheet(book, r, label);
  // The country's workbook leaves out the sheet of every figure's line (30,000 rows, most of its
  // cost): the per-unit sheet holds the same values and "Hồ sơ nguồn" each unit's file.
  if (!isNational(r)) figuresSheet(book, r, label);
  quoteSheets(book, r, label);
  sourceSheets(book, r, label);
  return book.bytes();
}
