import ExcelJS from 'exceljs';
import { LEVEL_TITLES, STATE_TITLES } from '../rollup/format.js';
import { vietnamTime } from '../rounds/deadline.js';
import type { StatusCounts } from '../schemas/rollup.js';
import { FIGURES_STATE_WORDS, COUNT_TITLES as T } from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';
import type { BoardRow, RoundBoard } from './round-board.js';

const COUNT_COLUMNS: Array<[string, keyof StatusCounts | 'group', number]> = [
  ['Nhóm', 'group', 14],
  [T.expected, 'expected', 10],
  [T.reported, 'reported', 14],
  [T.onTime, 'onTime', 10],
  [T.late, 'late', 8],
  [T.approvedByStaff, 'approvedByStaff', 10],
  [T.needsReview, 'needsReview', 12],
  [T.returned, 'returned', 14],
  [T.rejected, 'rejected', 11],
  [T.missing, 'missing', 10],
  [T.reportingRate, 'reportingRate', 13],
  [T.timelinessRate, 'timelinessRate', 14],
];

const time = (iso: string | null | undefined) => (iso ? vietnamTime(new Date(iso)) : '');

function unitCells(r: BoardRow) {
  return {
    code: r.unit.code,
    name: unitLabel(r.unit),
    level: LEVEL_TITLES[r.unit.level],
    state: STATE_TITLES[r.state],
    approved: r.acceptedBy === 'staff' ? 'Sở duyệt' : '',
    figures: r.figures
      ? [FIGURES_STATE_WORDS[r.figures.state], r.figures.by, time(r.figures.at)]
          .filter(Boolean)
          .join(', ')
      : '',
    lastUpload: time(r.lastUpload?.uploadedAt),
    file: r.lastUpload?.file.name ?? '',
    problems: r.problems.join('\n'),
    lastReminder: time(r.lastReminder?.at),
    contact: r.unit.contactName ?? '',
    emails: r.unit.emails.join(', '),
    phone: r.unit.phone ?? '',
    bounced: r.undeliverable.join(', '),
  };
}

const UNIT_COLUMNS: Array<[string, keyof ReturnType<typeof unitCells>, number]> = [
  ['Mã', 'code', 8],
  ['Đơn vị', 'name', 26],
  ['Loại', 'level', 9],
  ['Trạng thái', 'state', 15],
  ['Duyệt', 'approved', 9],
  ['Lần nộp cuối', 'lastUpload', 18],
  ['Tệp', 'file', 24],
  ['Vấn đề', 'problems', 50],
  ['Nhắc hạn gần nhất', 'lastReminder', 18],
  ['Người liên hệ', 'contact', 20],
  ['Thư điện tử', 'emails', 28],
  ['Điện thoại', 'phone', 14],
  ['Địa chỉ bị trả thư', 'bounced', 24],
  ['Xác nhận số liệu', 'figures', 34],
];

/** The board as a workbook: the counts (overall and by level), then one row per unit. */
export async function boardXlsx(board: RoundBoard, scopeName: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = COUNT_COLUMNS.map(([header, key, width]) => ({
    header,
    key,
    width,
    style: key.endsWith('Rate') ? { numFmt: '0.0%' } : undefined,
  }));
  for (const c of [
    ...board.byLevel.map((l) => ({ ...l, group: LEVEL_TITLES[l.level] })),
    { ...board.counts, group: 'Tổng số' },
  ])
    summary.addRow(c);
  summary.addRow([]);
  summary.addRow([`${board.round.title} — ${scopeName}`]);
  const units = book.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = UNIT_COLUMNS.map(([header, key, width]) => ({
    header,
    key,
    width,
    style: key === 'problems' ? { alignment: { wrapText: true, vertical: 'top' } } : undefined,
  }));
  units.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: UNIT_COLUMNS.length } };
  for (const ws of [summary, units]) ws.getRow(1).font = { bold: true };
  for (const r of board.rows) units.addRow(unitCells(r));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
