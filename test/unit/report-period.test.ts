import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import { readReport } from '../../shared/reader/read-report.js';
import { readPeriod } from '../../shared/reader/report-period.js';
import { allowedActions } from '../../shared/review/review-rules.js';
import { reviewSubmission } from '../../shared/review/review-submission.js';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { checkPeriod, roundPeriod, samePeriod } from '../../shared/rounds/round-period.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import { type Period, periodText } from '../../shared/schemas/period.js';
import { registry2025 } from '../helpers/fixtures.js';
import { MemoryDeskLog } from '../helpers/memory-desk.js';
import { memoryIngest } from '../helpers/memory-ingest.js';
import { reviewer40, reviewWorld } from '../helpers/review-deps.js';

const enc = (s: string) => new TextEncoder().encode(s);
const registry = registry2025();
const nghiaDan = registry.byCode('16941')!;

const ROMAN = ['I', 'II', 'III', 'IV'];
const year = fc.integer({ min: 2019, max: 2030 });

/** A period and one of the ways officers write it. */
const written: fc.Arbitrary<{ period: Period; words: string }> = fc.oneof(
  fc.tuple(year, fc.constantFrom('6', '06', 'sáu')).map(([y, n]) => ({
    period: { kind: 'half_first', year: y } as Period,
    words: `${n} tháng đầu năm ${y}`,
  })),
  fc
    .tuple(year, fc.constantFrom('9 tháng', '09 tháng', '9 tháng đầu năm', 'chín tháng năm'))
    .map(([y, w]) => ({ period: { kind: 'nine_months', year: y } as Period, words: `${w} ${y}` })),
  year.map((y) => ({ period: { kind: 'year', year: y } as Period, words: `năm ${y}` })),
  fc.tuple(year, fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([y, q, roman]) => ({
    period: { kind: 'quarter', year: y, quarter: q } as Period,
    words: `quý ${roman ? ROMAN[q - 1] : q} năm ${y}`,
  })),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.constantFrom('/', ' năm '))
    .map(([y, m, sep]) => ({
      period: { kind: 'month', year: y, month: m } as Period,
      words: `tháng ${m}${sep}${y}`,
    })),
  year.map((y) => ({
    period: { kind: 'half_first', year: y } as Period,
    words: `(từ ngày 15/12/${y - 1} đến ngày 14/6/${y})`,
  })),
  year.map((y) => ({
    period: { kind: 'year', year: y } as Period,
    words: `từ ngày 15 tháng 12 năm ${y - 1} đến hết ngày 14 tháng 11 năm ${y}`,
  })),
);

const opening = fc.constantFrom(
  'Kết quả thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  'Báo cáo kết quả chuyển đổi số',
  'Tình hình thực hiện Kế hoạch chuyển đổi số',
  'Kết quả thực hiện Nghị quyết số 57-NQ/TW',
  'KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ',
);
/** What follows the period in a title: the next period's work, which is not the one reported. */
const next = fc.constantFrom(
  '',
  ' và phương hướng, nhiệm vụ 6 tháng cuối năm 2031',
  '; nhiệm vụ trọng tâm năm 2032',
  ', dự kiến kế hoạch quý I năm 2033',
);

const strip = (p: Period | null) =>
  p && { kind: p.kind, year: p.year, quarter: p.quarter, month: p.month };

describe('the period a report covers', () => {
  it('is read from the title in every wording, whatever next period follows it', () => {
    fc.assert(
      fc.property(written, opening, next, ({ period, words }, open, after) => {
        const title = `${open} ${open.startsWith('KẾT') ? words.toLocaleUpperCase('vi') : words}${after}`;
        const read = readPeriod({ title, preamble: '', closing: null, issuedOn: null });
        expect(strip(read)).toEqual(strip(period));
        expect(read?.source).toBe('title');
      }),
    );
  });

  it('a date in the title is never a month, a span of years never a year', () => {
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (y, d, m) => {
          const title =
            `Kết quả thực hiện Kế hoạch số 05/KH-UBND ngày ${d} tháng ${m} năm ${y} ` +
            `giai đoạn 2021 - 2025 của UBND xã`;
          expect(readPeriod({ title, preamble: '', closing: null, issuedOn: null })).toBeNull();
        },
      ),
    );
  });

  it('else from the request clause, else from the closing; a plan cited before it is not the period', () => {
    fc.assert(
      fc.property(written, fc.boolean(), ({ period, words }, inClosing) => {
        const plan = 'Căn cứ Kế hoạch số 05/KH-UBND ngày 10/01/2026 về chuyển đổi số năm 2026; ';
        const clause = `Thực hiện Công văn số 812/SKHCN-QLCN về việc báo cáo kết quả ${words}, UBND xã báo cáo:`;
        const closing = `Trên đây là báo cáo kết quả ${words} của UBND xã./.`;
        const read = readPeriod({
          title: 'Kết quả chuyển đổi số',
          preamble: inClosing ? plan : plan + clause,
          closing: inClosing ? closing : null,
          issuedOn: null,
        });
        expect(strip(read)).toEqual(strip(period));
        expect(read?.source).toBe(inClosing ? 'closing' : 'preamble');
      }),
    );
  });

  it('a six-month title without its year takes the year of the document date', () => {
    const read = readPeriod({
      title: 'Kết quả chuyển đổi số 6 tháng đầu năm',
      preamble: '',
      closing: null,
      issuedOn: '2025-06-04',
    });
    expect(strip(read)).toEqual({ kind: 'half_first', year: 2025 });
  });

  it('readReport puts it in the report, and says nothing of the next period in the body', () => {
    const r = readReport(
      reportText(nghiaDan).replace('I. KẾT QUẢ', 'Phương hướng năm 2027\nI. KẾT QUẢ'),
    );
    expect(r.period).toMatchObject({
      kind: 'half_first',
      year: 2026,
      text: '6 tháng đầu năm 2026',
    });
  });
});

describe('a round’s period and the check', () => {
  it('standing rounds ask for the first half and the year', () => {
    const [h1, fy] = standingRounds('40', 2026);
    expect(roundPeriod(h1!)).toEqual({ kind: 'half_first', year: 2026 });
    expect(roundPeriod(fy!)).toEqual({ kind: 'year', year: 2026 });
    expect(roundPeriod({ roundId: '2026-Q3', title: 'x' })).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 3,
    });
    expect(roundPeriod({ roundId: '2026-CDS', title: 'Báo cáo 9 tháng năm 2026' })).toEqual({
      kind: 'nine_months',
      year: 2026,
    });
    expect(roundPeriod({ roundId: '2026-CDS', title: 'Báo cáo chuyên đề' })).toBeNull();
  });

  it('a report of another period or year is an error that names both, first; the same period passes', () => {
    fc.assert(
      fc.property(written, written, ({ period: mine }, { period: asked }) => {
        const round = { roundId: `${asked.year}-X`, title: 'Đợt', period: asked };
        const found = checkPeriod(
          {
            period: { ...mine, text: '', source: 'title' },
            documentType: 'BAO_CAO',
            title: null,
            issuedOn: null,
          },
          round,
        );
        if (samePeriod(mine, asked)) expect(found).toBeNull();
        else {
          expect(found?.level).toBe('error');
          expect(
            found?.message.startsWith(
              `Báo cáo kỳ ${periodText(mine)}; đợt này là báo cáo ${periodText(asked)}`,
            ),
          ).toBe(true);
        }
        // Same kind and year is always the same period; another year never is.
        if (mine.kind === asked.kind && mine.kind !== 'quarter' && mine.kind !== 'month')
          expect(samePeriod(mine, asked)).toBe(mine.year === asked.year);
      }),
    );
  });

  it('no period stated is a note, not a block', () => {
    const found = checkPeriod(
      { period: null, documentType: 'BAO_CAO', title: null, issuedOn: null },
      standingRounds('40', 2026)[1]!,
    );
    expect(found).toMatchObject({ level: 'warning', code: 'period.missing' });
  });
});

describe('ingest: a report of the wrong period counts for nothing and is never on time', () => {
  const [h1, fy] = standingRounds('40', 2026) as [
    ReturnType<typeof standingRounds>[number],
    ReturnType<typeof standingRounds>[number],
  ];
  const key = (roundId: string) => `inbox/40/${roundId}/16941/bc.txt`;
  const cases = [
    {
      name: 'a six-month report sent to the annual round',
      text: reportText(nghiaDan),
      round: fy,
      at: '2026-06-08T02:00:00Z',
    },
    {
      name: 'last year’s six-month report sent to this year’s',
      text: reportText(nghiaDan, { date: { day: 4, month: 6, year: 2025 } }).replaceAll(
        '2026',
        '2025',
      ),
      round: h1,
      at: '2026-06-08T02:00:00Z',
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const ingest = memoryIngest();
      const r = await ingest.upload(key(c.round.roundId), enc(c.text), {
        ref: { eventTime: c.at },
        deps: { rounds: async () => standingRounds('40', 2026) },
      });
      expect(r.submission.status).toBe('needs_review');
      expect(r.submission.diagnostics[0]).toMatchObject({
        code: 'period.mismatch',
        level: 'error',
      });
      expect(r.submission.diagnostics[0]!.message).toMatch(
        /^Báo cáo kỳ 6 tháng đầu năm (2025|2026); đợt này là báo cáo/,
      );
      const rollup = buildRollup({
        provinceCode: '40',
        scopeName: 'Nghệ An',
        round: c.round,
        units: [nghiaDan],
        submissions: ingest.submissions.all,
        now: new Date('2026-12-01T00:00:00Z'),
      });
      expect(rollup.units[0]!.state).toBe('needs_review');
      expect(rollup.status).toMatchObject({ reported: 0, onTime: 0 });
      expect(rollup.indicators.every((i) => i.values.length === 0)).toBe(true);
    });

  it('the same report in its own round is accepted and on time', async () => {
    const ingest = memoryIngest();
    const r = await ingest.upload(key('2026-H1'), enc(reportText(nghiaDan)), {
      deps: { rounds: async () => standingRounds('40', 2026) },
    });
    expect(r.submission.status).toBe('accepted');
    expect(r.submission.diagnostics.map((d) => d.code)).not.toContain('period.mismatch');
  });
});

describe('the desk moves a report of another period to its round in one action', () => {
  it('the file counts in its own round, is set aside in the wrong one, and the desk log says so', async () => {
    const world = reviewWorld(new Date('2026-06-12T02:00:00Z'));
    const log = new MemoryDeskLog();
    const deps = { ...world.deps, deskLog: log };
    const ingest = memoryIngest();
    const wrong = await ingest.upload('inbox/40/2026-FY/16941/bc.txt', enc(reportText(nghiaDan)), {
      deps: { rounds: async () => standingRounds('40', 2026) },
    });
    const s = await world.submissions.record(wrong.submission).then((r) => r.submission);
    expect(allowedActions(s)).toContain('move');
    const out = await reviewSubmission(s, { action: 'move', roundId: '2026-H1' }, reviewer40, deps);
    expect(out.submission).toMatchObject({ status: 'rejected', roundId: '2026-FY' });
    expect(out.assigned).toMatchObject({
      status: 'accepted',
      roundId: '2026-H1',
      unitCode: '16941',
    });
    expect(out.assigned!.diagnostics.map((d) => d.code)).not.toContain('period.mismatch');
    expect(out.assigned!.uploadedAt).toBe(s.uploadedAt);
    expect(log.events).toHaveLength(1);
    expect(log.events[0]).toMatchObject({
      action: 'submission_moved',
      by: { email: reviewer40.email },
    });
    expect(allowedActions(out.submission)).not.toContain('move');
    // In the annual round the unit has no report: not counted, not on time, still reminded.
    const rollup = buildRollup({
      provinceCode: '40',
      scopeName: 'Nghệ An',
      round: standingRounds('40', 2026)[1]!,
      units: [nghiaDan],
      submissions: await world.submissions.listRound('40', '2026-FY'),
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(rollup.units[0]!.state).not.toBe('on_time');
    expect(rollup.status.reported).toBe(0);
    // Asking again changes nothing; moving it elsewhere afterwards is refused.
    const again = await reviewSubmission(
      out.submission,
      { action: 'move', roundId: '2026-H1' },
      reviewer40,
      deps,
    );
    expect(again.assigned!.submissionId).toBe(out.assigned!.submissionId);
    expect(log.events).toHaveLength(1);
    await expect(
      reviewSubmission(out.submission, { action: 'move', roundId: '2026-FY' }, reviewer40, deps),
    ).rejects.toThrow(/khác kỳ/);
    await expect(
      reviewSubmission(out.submission, { action: 'move', roundId: '2025-H1' }, reviewer40, deps),
    ).rejects.toThrow(/chưa được chuyển/);
  });
});
