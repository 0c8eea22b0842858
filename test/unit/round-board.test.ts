import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { boardXlsx } from '../../shared/review/board-xlsx.js';
import { confirmableFigures } from '../../shared/review/confirm-figures.js';
import { reviewQueue } from '../../shared/review/review-queue.js';
import { reviewSubmission } from '../../shared/review/review-submission.js';
import { filterAndSort, roundBoard } from '../../shared/review/round-board.js';
import { unitStatuses } from '../../shared/rollup/unit-status.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { SentMail } from '../../shared/schemas/mail.js';
import { boardPage } from '../../web/views/staff-board.js';
import { reviewer40, reviewWorld, stored } from '../helpers/review-deps.js';
import { submissionOf } from '../helpers/rollup-fixtures.js';

const round = standingRounds('40', 2026)[0]!;
const NOW = new Date('2026-06-12T00:00:00Z');

function mail(unitCode: string, at: string, over: Partial<SentMail> = {}): SentMail {
  return {
    ledgerKey: `REMIND#${unitCode}#${at}`,
    kind: 'reminder',
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode,
    offsetDays: -7,
    to: [`vp.${unitCode}@xa.example`],
    state: 'sent',
    undeliverableTo: [],
    messageId: 'm',
    error: null,
    at,
    ...over,
  };
}

async function world() {
  const w = reviewWorld();
  const units = w.units.slice(0, 6);
  const [a, b, c, d, e] = units.map((u) => u.code);
  const onTime = await stored(w.submissions, {
    unitCode: a!,
    status: 'accepted',
    uploadedAt: '2026-06-02T01:00:00.000Z',
  });
  const late = await stored(w.submissions, {
    unitCode: b!,
    status: 'needs_review',
    uploadedAt: '2026-06-11T01:00:00.000Z',
  });
  const toReturn = await stored(w.submissions, {
    unitCode: c!,
    status: 'accepted',
    uploadedAt: '2026-06-03T01:00:00.000Z',
  });
  await stored(w.submissions, {
    unitCode: d!,
    status: 'needs_review',
    uploadedAt: '2026-06-04T01:00:00.000Z',
  });
  await stored(w.submissions, {
    unitCode: e!,
    status: 'rejected',
    uploadedAt: '2026-06-05T01:00:00.000Z',
  });
  await stored(w.submissions, {
    unitCode: '_',
    status: 'rejected',
    uploadedAt: '2026-06-06T01:00:00.000Z',
  });
  await reviewSubmission(late, { action: 'approve' }, reviewer40, w.deps);
  await reviewSubmission(
    toReturn,
    { action: 'return', reason: 'Thiếu số liệu mục II.' },
    reviewer40,
    w.deps,
  );
  return { w, units, onTime };
}

describe('round board', () => {
  it('counts what the rollup counts, says which were approved by staff, and never counts a returned file', async () => {
    const { w, units } = await world();
    const subs = await w.submissions.listRound('40', '2026-H1');
    const ledger = [
      mail(units[3]!.code, '2026-06-03T01:00:00.000Z'),
      mail(units[3]!.code, '2026-06-07T01:00:00.000Z'),
      mail(units[3]!.code, '2026-06-09T01:00:00.000Z', { state: 'failed' }),
      mail(units[4]!.code, '2026-06-07T01:00:00.000Z', {
        state: 'bounced',
        undeliverableTo: ['vp@x.example'],
      }),
    ];
    const board = roundBoard(round, units, subs, ledger);
    expect(board.counts).toMatchObject({
      expected: 6,
      reported: 2,
      onTime: 1,
      late: 1,
      needsReview: 1,
      returned: 1,
      rejected: 1,
      missing: 1,
      approvedByStaff: 1,
    });
    expect(board.counts.reportingRate).toBeCloseTo(2 / 6);
    expect(board.counts.timelinessRate).toBeCloseTo(1 / 6);
    // The rollup's own unit states agree, unit by unit.
    const rollupStates = unitStatuses(units, subs, round.deadline).map((u) => u.row.state);
    expect(board.rows.map((r) => r.state)).toEqual(rollupStates);
    expect(board.byLevel.reduce((n, l) => n + l.expected, 0)).toBe(6);
    expect(board.unmatched).toBe(1);
    const returned = board.rows.find((r) => r.state === 'returned')!;
    expect(returned.problems[0]).toContain('Thiếu số liệu mục II.');
    const reminded = board.rows[3]!;
    expect(reminded.lastReminder?.at).toBe('2026-06-07T01:00:00.000Z');
    expect(board.rows[4]!.undeliverable).toEqual(['vp@x.example']);
    expect(board.rows[5]!.lastUpload).toBeNull();
  });

  it('filters by state, level, bounced and folded text, and sorts stably both ways', async () => {
    const { w, units } = await world();
    const board = roundBoard(round, units, await w.submissions.listRound('40', '2026-H1'), []);
    const name = units[2]!.name;
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toUpperCase();
    expect(filterAndSort(board.rows, { text: plain }).map((r) => r.unit.code)).toContain(
      units[2]!.code,
    );
    expect(filterAndSort(board.rows, { state: 'returned' }).map((r) => r.unit.code)).toEqual([
      units[2]!.code,
    ]);
    expect(filterAndSort(board.rows, { bounced: true })).toEqual([]);
    const byUpload = filterAndSort(board.rows, {}, 'lastUpload');
    const reversed = filterAndSort(board.rows, {}, 'lastUpload', true);
    expect(byUpload.map((r) => r.lastUpload?.uploadedAt ?? '')).toEqual(
      [...byUpload.map((r) => r.lastUpload?.uploadedAt ?? '')].sort(),
    );
    expect(reversed[0]!.unit.code).toBe(byUpload.at(-1)!.unit.code);
    expect(
      filterAndSort(board.rows, { level: 'phuong' }).every((r) => r.unit.level === 'phuong'),
    ).toBe(true);
  });
});

describe('review queue', () => {
  it('holds each unit’s newest file when it needs review and the unmatched files nobody settled', async () => {
    const { w, units } = await world();
    const queue = await reviewQueue('40', NOW, w.deps);
    expect(queue.map((q) => [q.kind, q.submission.unitCode])).toEqual([
      ['needs_review', units[3]!.code],
      ['unmatched', '_'],
    ]);
    // A newer upload replaces a file waiting for review.
    await stored(w.submissions, {
      unitCode: units[3]!.code,
      status: 'accepted',
      uploadedAt: '2026-06-09T01:00:00.000Z',
    });
    const after = await reviewQueue('40', NOW, w.deps);
    expect(after.map((q) => q.kind)).toEqual(['unmatched']);
    expect(after[0]!.round?.roundId).toBe('2026-H1');
  });
});

describe('board export', () => {
  it('writes the counts and one row per unit, report text as text (never a formula)', async () => {
    const { w, units } = await world();
    const subs = await w.submissions.listRound('40', '2026-H1');
    const hostile = '=HYPERLINK("http://x.example","bấm")';
    const withContact = units.map((u, i) =>
      i === 0 ? { ...u, contactName: 'Nguyễn Thị Hoa', phone: '0238 3844 123' } : u,
    );
    const board = roundBoard(round, withContact, subs, []);
    board.rows[4]!.problems.push(hostile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await boardXlsx(board, 'tỉnh Nghệ An')) as never);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Đơn vị']);
    const summary = book.getWorksheet('Tổng hợp')!;
    const total = summary
      .getRows(1, summary.rowCount)!
      .find((r) => r.getCell(1).value === 'Tổng số')!;
    expect(total.getCell(2).value).toBe(6);
    expect(total.getCell(3).value).toBe(2);
    const sheet = book.getWorksheet('Đơn vị')!;
    expect(sheet.rowCount).toBe(1 + units.length);
    expect(sheet.getRow(2).getCell(10).value).toBe('Nguyễn Thị Hoa');
    expect(sheet.getRow(2).getCell(12).value).toBe('0238 3844 123');
    const cell = sheet.getRow(6).getCell(8);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(String(cell.value)).toContain(hostile);
  });
});

describe('the figures each unit confirmed', () => {
  it('says per unit: confirmed, corrected, not confirmed, or nothing to confirm; the XLSX says who', async () => {
    const w = reviewWorld();
    const units = w.units.slice(0, 4);
    const [a, b, c] = units.map((u) => u.code);
    const typed = (unitCode: string) => submissionOf(units.find((u) => u.code === unitCode)!);
    const files = await Promise.all(
      [a!, b!, c!].map((u) =>
        stored(w.submissions, { unitCode: u, status: 'accepted', report: typed(u).report }),
      ),
    );
    const by = { sub: 'u', email: 'vp@xa.example' };
    const statement = (s: (typeof files)[number], decision: 'confirmed' | 'corrected') => {
      const figures = confirmableFigures(s).map((f, n) => ({
        figure: f.id,
        key: f.figure.key ?? '',
        line: f.figure.line,
        label: f.name,
        read: { value: f.figure.value, unit: f.figure.unit, numerator: null, denominator: null },
        decision: n === 0 ? decision : ('confirmed' as const),
        ...(n === 0 && decision === 'corrected'
          ? { stated: { value: f.figure.value + 1, numerator: null, denominator: null } }
          : {}),
      }));
      return {
        provinceCode: '40',
        roundId: '2026-H1',
        unitCode: s.unitCode,
        submissionId: s.submissionId,
        by,
        at: '2026-06-06T02:00:00.000Z',
        figures,
      };
    };
    // b first confirmed as read, then corrected: the latest counts.
    const confirmations = [
      statement(files[0]!, 'confirmed'),
      statement(files[1]!, 'confirmed'),
      { ...statement(files[1]!, 'corrected'), at: '2026-06-07T02:00:00.000Z' },
    ];
    const subs = await w.submissions.listRound('40', '2026-H1');
    const board = roundBoard(round, units, subs, [], confirmations);
    const state = (code: string) => board.rows.find((r) => r.unit.code === code)!.figures;
    expect(state(a!)).toEqual({ state: 'confirmed', by: by.email, at: '2026-06-06T02:00:00.000Z' });
    expect(state(b!)).toEqual({ state: 'corrected', by: by.email, at: '2026-06-07T02:00:00.000Z' });
    expect(state(c!)).toEqual({ state: 'pending', by: null, at: null });
    expect(state(units[3]!.code)).toBeNull();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await boardXlsx(board, 'tỉnh Nghệ An')) as never);
    const sheet = book.getWorksheet('Đơn vị')!;
    const header = (sheet.getRow(1).values as unknown[]).indexOf('Xác nhận số liệu');
    const cellOf = (code: string) =>
      String(
        sheet
          .getRows(2, sheet.rowCount - 1)!
          .find((r) => r.getCell(1).value === code)!
          .getCell(header).value ?? '',
      );
    expect(cellOf(b!)).toMatch(/^đã sửa, vp@xa\.example, /);
    expect(cellOf(c!)).toBe('chưa xác nhận');
  });

  it('marks the units with nothing sent as overdue once the deadline has passed, and only then', async () => {
    const { w, units } = await world();
    const board = roundBoard(round, units, await w.submissions.listRound('40', '2026-H1'), []);
    const page = (now: Date) =>
      String(
        boardPage({
          identity: { sub: 's', email: 'so@x.vn', role: 'staff', provinceCode: '40' } as never,
          csrf: 't',
          board,
          rows: board.rows,
          rounds: [round],
          query: { filter: {}, sort: 'state', descending: false } as never,
          queueSize: 0,
          queueOfRound: 0,
          page: 1,
          now,
        }),
      );
    const missing = board.rows.filter((r) => r.state === 'missing').length;
    expect(missing).toBeGreaterThan(0);
    const after = page(NOW);
    expect(after.match(/class="state missing overdue">Quá hạn, chưa nộp/g)).toHaveLength(missing);
    expect(after).not.toMatch(/class="state missing">/);
    expect(after).toContain('đã quá hạn 2 ngày');
    const before = page(new Date('2026-06-05T00:00:00Z'));
    expect(before).not.toContain('Quá hạn');
    expect(before.match(/class="state missing">Chưa nộp/g)).toHaveLength(missing);
    expect(before).toContain('còn 5 ngày');
  });
});
