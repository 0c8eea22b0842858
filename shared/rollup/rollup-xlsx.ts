import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { vietnamTime } from '../rounds/deadline.js';
import type { Rollup, SourceRef } from '../schemas/rollup.js';
import { LEVEL_TITLES, STATE_TITLES, unitNames } from './format.js';
import { ADDRESSEE_TITLES, THEME_TITLES } from './themes.js';

type Sheet = ExcelJS.Worksheet;

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<[header: string, key: string, width: number]>,
  opts: { wrap?: string; headerHeight?: number; percent?: string[] } = {},
): Sheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, key, width]) => ({
    header,
    key,
    width,
    style:
      key === opts.wrap
        ? { alignment: { wrapText: true, vertical: 'top' } }
        : opts.percent?.includes(key)
          ? { numFmt: '0.0%' }
          : undefined,
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  if (opts.headerHeight) {
    head.height = opts.headerHeight;
    head.alignment = { wrapText: true, vertical: 'top' };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  head.commit();
  return ws;
}

// Rows are committed as they are written: the streaming writer keeps neither them nor a
// shared-string table in memory, which is what makes 3,321 units' sheets cheap.
const add = (ws: Sheet, row: Record<string, unknown>) => ws.addRow(row).commit();

const sourceCells = (s: SourceRef | null) =>
  s
    ? { file: s.fileName, version: s.version, submissionId: s.submissionId, fileKey: s.fileKey }
    : {};

/**
 * The rollup as a workbook: status, indicator totals, every unit's figures, difficulties,
 * proposals and the source of each. Numbers stay numbers, so that staff can sort and sum.
 */
export async function rollupXlsx(r: Rollup): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'tonghop';
  book.created = new Date(r.builtAt);
  const names = unitNames(r);
  const label = (code: string) => names.get(code) ?? code;

  const status = sheet(book, 'Tình hình nộp', [
    ['Mã', 'code', 9],
    ['Đơn vị', 'unit', 28],
    ['Loại', 'level', 9],
    ['Tình trạng', 'state', 13],
    ['Nhận lúc', 'receivedAt', 18],
    ['Số lần nộp', 'versions', 10],
    ['Vấn đề', 'problems', 50],
    ['Tệp', 'file', 30],
    ['Phiên bản', 'version', 9],
    ['Mã hồ sơ', 'submissionId', 20],
    ['Khóa tệp', 'fileKey', 50],
  ]);
  for (const u of r.units) {
    add(status, {
      code: u.unitCode,
      unit: label(u.unitCode),
      level: LEVEL_TITLES[u.level],
      state: STATE_TITLES[u.state],
      receivedAt: u.receivedAt ? vietnamTime(new Date(u.receivedAt)) : '',
      versions: u.versions,
      problems: u.problems.join('; '),
      ...sourceCells(u.source),
    });
  }

  const s = r.status;
  const summary = sheet(
    book,
    'Tổng hợp tình hình',
    [
      ['Nhóm', 'group', 14],
      ['Phải nộp', 'expected', 10],
      ['Đã nộp hợp lệ', 'reported', 14],
      ['Đúng hạn', 'onTime', 10],
      ['Muộn', 'late', 8],
      ['Cần xem lại', 'needsReview', 12],
      ['Bị từ chối', 'rejected', 11],
      ['Trả lại để sửa', 'returned', 12],
      ['Sở duyệt', 'approvedByStaff', 10],
      ['Chưa nộp', 'missing', 10],
      ['Tỷ lệ đã nộp', 'reportingRate', 13],
      ['Tỷ lệ đúng hạn', 'timelinessRate', 14],
    ],
    { percent: ['reportingRate', 'timelinessRate'] },
  );
  for (const row of [
    { group: 'Tổng số', ...s },
    ...s.byLevel.map((l) => ({ group: LEVEL_TITLES[l.level], ...l })),
  ])
    add(summary, row);

  const totals = sheet(book, 'Chỉ tiêu tổng hợp', [
    ['Mã chỉ tiêu', 'key', 26],
    ['Chỉ tiêu', 'name', 50],
    ['Đơn vị tính', 'unit', 11],
    ['Số đơn vị báo cáo', 'units', 12],
    ['Tổng (số lượng)', 'total', 14],
    ['Tỷ lệ chung (%)', 'weighted', 14],
    ['Σ tử số', 'numerator', 12],
    ['Σ mẫu số', 'denominator', 12],
    ['Số đơn vị có số liệu gốc', 'rawUnits', 14],
    ['Nhỏ nhất', 'min', 10],
    ['Trung vị', 'median', 10],
    ['Lớn nhất', 'max', 10],
    ['Đơn vị nhỏ nhất', 'minUnits', 30],
    ['Đơn vị lớn nhất', 'maxUnits', 30],
  ]);
  for (const i of r.indicators) {
    add(totals, {
      key: i.key,
      name: i.name,
      unit: i.unit,
      units: i.unitsReporting,
      total: i.total ?? undefined,
      weighted: i.weighted?.value,
      numerator: i.weighted?.numerator,
      denominator: i.weighted?.denominator,
      rawUnits: i.weighted?.units,
      min: i.spread?.min.value,
      median: i.spread?.median.value,
      max: i.spread?.max.value,
      minUnits: i.spread?.min.unitCodes.map(label).join(', '),
      maxUnits: i.spread?.max.unitCodes.map(label).join(', '),
    });
  }

  // One row per unit, one column per indicator: the table staff used to copy by hand.
  const reporting = r.indicators.filter((i) => i.unitsReporting > 0);
  const perUnit = sheet(
    book,
    'Chỉ tiêu theo đơn vị',
    [
      ['Mã', 'code', 9],
      ['Đơn vị', 'unit', 28],
      ...reporting.map((i): [string, string, number] => [`${i.name} (${i.unit})`, i.key, 16]),
    ],
    { headerHeight: 60 },
  );
  const byUnit = new Map<string, Record<string, number>>();
  for (const i of reporting)
    for (const v of i.values)
      byUnit.set(v.unitCode, { ...byUnit.get(v.unitCode), [i.key]: v.value });
  for (const u of r.units)
    if (byUnit.has(u.unitCode))
      add(perUnit, { code: u.unitCode, unit: label(u.unitCode), ...byUnit.get(u.unitCode) });

  const figures = sheet(book, 'Nguồn số liệu', [
    ['Mã chỉ tiêu', 'key', 26],
    ['Mã', 'code', 9],
    ['Đơn vị', 'unit', 28],
    ['Giá trị', 'value', 12],
    ['Tử số', 'numerator', 12],
    ['Mẫu số', 'denominator', 12],
    ['Giá trị khác trong báo cáo', 'also', 18],
    ['Dòng', 'line', 7],
    ['Tệp', 'file', 30],
    ['Phiên bản', 'version', 9],
    ['Mã hồ sơ', 'submissionId', 20],
    ['Khóa tệp', 'fileKey', 50],
  ]);
  for (const i of reporting)
    for (const v of i.values)
      add(figures, {
        key: i.key,
        code: v.unitCode,
        unit: label(v.unitCode),
        value: v.value,
        numerator: v.numerator ?? undefined,
        denominator: v.denominator ?? undefined,
        also: v.alsoReported.join('; '),
        line: v.line,
        ...sourceCells(v.source),
      });

  const quoteColumns: Array<[string, string, number]> = [
    ['Mã', 'code', 9],
    ['Đơn vị', 'unit', 28],
    ['Nội dung', 'text', 80],
    ['Mục', 'section', 28],
    ['Tệp', 'file', 30],
    ['Phiên bản', 'version', 9],
    ['Mã hồ sơ', 'submissionId', 20],
  ];
  const difficulties = sheet(
    book,
    'Khó khăn',
    [['Nhóm vấn đề', 'theme', 30], ['Số đơn vị nêu', 'units', 12], ...quoteColumns],
    { wrap: 'text' },
  );
  for (const g of r.difficulties)
    for (const q of g.quotes)
      add(difficulties, {
        theme: THEME_TITLES[g.theme],
        units: g.units,
        code: q.unitCode,
        unit: label(q.unitCode),
        text: q.text,
        section: q.section,
        ...sourceCells(q.source),
      });
  const proposals = sheet(
    book,
    'Kiến nghị',
    [['Kiến nghị tới', 'to', 28], ['Số đơn vị', 'units', 10], ...quoteColumns],
    { wrap: 'text' },
  );
  for (const g of r.proposalsByAddressee)
    for (const q of g.quotes)
      add(proposals, {
        to: ADDRESSEE_TITLES[g.addressee],
        units: g.units,
        code: q.unitCode,
        unit: label(q.unitCode),
        text: q.text,
        section: q.section,
        ...sourceCells(q.source),
      });
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
