import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LARGE_MAJORITY } from '../../shared/rollup/aggregate-indicators.js';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { indicatorHeadline, trendText } from '../../shared/rollup/headline.js';
import { beforeClosing, sectionItems } from '../../shared/rollup/points.js';
import { rollupView, toRollupSubmission } from '../../shared/rollup/rollup-view.js';
import { themeOf } from '../../shared/rollup/theme-patterns.js';
import { previousRoundId, withTrend } from '../../shared/rollup/trend.js';
import type { Indicator } from '../../shared/schemas/report.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import type { RollupSubmission } from '../../shared/schemas/rollup-view.js';
import { registry, round, submissionOf, viewSubmissionOf } from '../helpers/rollup-fixtures.js';

const units = registry.unitsOf('40');
const build = (submissions: RollupSubmission[] | ReturnType<typeof submissionOf>[]) =>
  buildRollup({
    provinceCode: '40',
    scopeName: 'Nghệ An',
    round,
    units,
    submissions,
    now: new Date('2026-06-11T06:00:00+07:00'),
  });
const rate = (key: string, value: number, raw?: [number, number]): Indicator => ({
  label: 'Tỷ lệ',
  value,
  unit: '%',
  numerator: raw?.[0] ?? null,
  denominator: raw?.[1] ?? null,
  key,
  line: 20,
});
const ON_TIME = 'tthc_resolved_on_time_rate';

describe('the headline of a rate', () => {
  it('is the median when few units give raw figures: one unit never stands for the province', () => {
    const r = build([
      viewSubmissionOf(units[0]!, { indicators: [rate(ON_TIME, 98.65, [1020, 1034])] }),
      ...units
        .slice(1, 98)
        .map((u, i) => viewSubmissionOf(u, { indicators: [rate(ON_TIME, i < 49 ? 94 : 95)] })),
    ]);
    const i = r.indicators.find((x) => x.key === ON_TIME)!;
    expect(i).toMatchObject({ unitsReporting: 98, unitsWithRawFigures: 1, headline: 'median' });
    expect(indicatorHeadline(i)).toBe(
      '98 đơn vị báo cáo; trung vị 94,5%; 1 đơn vị có số liệu gốc: 98,65% (1.020/1.034)',
    );
  });

  it('is the weighted rate Σ numerators / Σ denominators when most units give raw figures', () => {
    const r = build(
      units.slice(0, 10).map((u, i) =>
        viewSubmissionOf(u, {
          indicators: [i < 9 ? rate(ON_TIME, 0, [90 + i, 100]) : rate(ON_TIME, 50)],
        }),
      ),
    );
    const i = r.indicators.find((x) => x.key === ON_TIME)!;
    expect(i).toMatchObject({ headline: 'weighted', unitsWithRawFigures: 9 });
    expect(indicatorHeadline(i)).toBe('10 đơn vị báo cáo; 94% (846/900, 9 đơn vị có số liệu gốc)');
  });

  it('follows the rule for any mix of units with and without raw figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (raw, pct) => {
        fc.pre(raw + pct > 0);
        const subs = units.slice(0, raw + pct).map((u, k) =>
          viewSubmissionOf(u, {
            indicators: [k < raw ? rate(ON_TIME, 0, [80 + (k % 20), 100]) : rate(ON_TIME, 60)],
          }),
        );
        const i = build(subs).indicators.find((x) => x.key === ON_TIME)!;
        const weighted = raw >= LARGE_MAJORITY * (raw + pct);
        expect(i.headline).toBe(weighted ? 'weighted' : 'median');
        const text = indicatorHeadline(i);
        expect(text.startsWith(`${raw + pct} đơn vị báo cáo`)).toBe(true);
        if (!weighted && raw + pct > 1) expect(text).toContain('trung vị');
        if (raw && !weighted) expect(text).toContain(`${raw} đơn vị có số liệu gốc`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the CCCD rate', () => {
  it('is weighted over the reports that state "Đã cấp 2.000/2.011 thẻ căn cước công dân"', () => {
    // The reader's output for such a line: one figure with its numerator and denominator.
    const r = build(
      units.slice(0, 100).map((u, i) =>
        viewSubmissionOf(u, {
          indicators: [rate('cccd_issued_rate', 99.45, [2000 + i, 2011 + i])],
        }),
      ),
    );
    const cccd = r.indicators.find((x) => x.key === 'cccd_issued_rate')!;
    const num = 100 * 2000 + 4950;
    const den = 100 * 2011 + 4950;
    expect(cccd.unitsReporting).toBe(100);
    expect(cccd.weighted).toEqual({
      value: Math.round((num / den) * 10_000) / 100,
      numerator: num,
      denominator: den,
      units: 100,
    });
    expect(cccd.headline).toBe('weighted');
  });
});

describe('plans are not results', () => {
  it('counts only báo cáo: a plan accepted in a report round is listed apart, never summed', () => {
    const [a, b] = units as [(typeof units)[0], (typeof units)[0]];
    const teams = (n: number): Indicator => ({
      label: 'tổ công nghệ số cộng đồng',
      value: n,
      unit: 'tổ',
      numerator: null,
      denominator: null,
      key: 'community_digital_teams',
      line: 12,
    });
    const r = build([
      viewSubmissionOf(a, { indicators: [teams(12)] }),
      // a's plan arrives later: it must not replace a's report.
      viewSubmissionOf(
        a,
        { documentType: 'KE_HOACH', number: '10/KH-UBND', indicators: [teams(18)] },
        { uploadedAt: '2026-06-08T02:00:00.000Z' },
      ),
      viewSubmissionOf(b, {
        documentType: 'KE_HOACH',
        number: '11/KH-UBND',
        indicators: [teams(7)],
      }),
    ]);
    expect(r.indicators.find((i) => i.key === 'community_digital_teams')).toMatchObject({
      unitsReporting: 1,
      total: 12,
    });
    expect(r.otherDocuments.map((d) => [d.unitCode, d.documentType, d.number])).toEqual([
      [a.code, 'KE_HOACH', '10/KH-UBND'],
      [b.code, 'KE_HOACH', '11/KH-UBND'],
    ]);
    expect(r.units.find((u) => u.unitCode === a.code)!.state).toBe('on_time');
    const onlyPlan = r.units.find((u) => u.unitCode === b.code)!;
    expect(onlyPlan.state).toBe('missing');
    expect(onlyPlan.problems).toEqual([
      'Đã nộp kế hoạch số 11/KH-UBND, không phải báo cáo kết quả.',
    ]);
    // The JSON is written as built, unparsed: it must be what the schema would make of it.
    expect(JSON.stringify(r)).toBe(JSON.stringify(Rollup.parse(r)));
  });
});

// Points as units write them, and the closing formula as scanners damage it.
const POINT = fc.constantFrom(
  'Kinh phí bố trí cho chuyển đổi số còn hạn chế.',
  'Đề nghị UBND tỉnh bố trí kinh phí đầu tư hạ tầng mạng cho các thôn vùng cao.',
  'Thiếu cán bộ chuyên trách công nghệ thông tin.',
  'Dé nghi UBND tinh bd tri kinh phi dau tu ha tang mang cho cac thon vung cao.',
);
const CLOSING = fc.constantFrom(
  'Trên đây là báo cáo kết quả 6 tháng đầu năm 2026 của UBND xã./.',
  'Trén day 1a bao cdo két qua 6 thang dau nam 2026 cua UBND xa Dién Chau',
  'Trên đây là tình hình thực hiện, Ủy ban nhân dân phường kính báo cáo./.',
  'Nơi nhận:\n- Sở KHCN;\n- Lưu: VT.',
);

const OCR_READ = { level: 'warning' as const, field: 'file', message: 'OCR', code: 'ocr.read' };
const POINT_SAMPLES = [
  'Người dân khu vực ven biển còn ít sử dụng dịch vụ công trực tuyến.',
  'Kinh phí cho chuyển đổi số còn hạn chế.',
  'Dia ban rong, dan cu phan tan.',
];

const typedDocx = (...a: Parameters<typeof viewSubmissionOf>) => {
  const s = viewSubmissionOf(...a);
  return { ...s, file: { ...s.file, format: 'docx' } };
};

describe('quoted points', () => {
  it('never carry the closing formula, on its own line or joined to the last point', () => {
    fc.assert(
      fc.property(
        fc.array(POINT, { minLength: 1, maxLength: 4 }),
        CLOSING,
        fc.boolean(),
        (points, closing, joined) => {
          const text = `${points.map((p) => `- ${p}`).join('\n')}${joined ? ' ' : '\n'}${closing}`;
          const items = sectionItems(text);
          expect(items).toEqual(points);
          expect(beforeClosing(closing).trim()).toBe('');
        },
      ),
    );
  });

  it('about funding are filed under funding, OCR damage and all, never under "Vấn đề khác"', () => {
    for (const p of [
      'Kinh phí bố trí cho chuyển đổi số còn hạn chế.',
      'Dia ban rong, dan cu phan tan; ngudn luc dau tu con it.',
      'Ngân sách xã eo hẹp, chưa bố trí được vốn cho chuyển đổi số.',
      'Chưa có định mức chi cho hoạt động của tổ công nghệ số cộng đồng.',
      'Kinh phf mua sắm trang thiết bị còn thiếu.',
    ])
      expect(themeOf(p), p).toBe('funding');
  });

  it('show the repaired text and keep the original; a point many units share is counted once each', () => {
    const shared = 'Thiéu can bo chuyén trach.';
    const r = buildRollup({
      provinceCode: '40',
      scopeName: 'Nghệ An',
      round,
      units,
      submissions: units.slice(0, 40).map((u) => ({
        ...viewSubmissionOf(u, {
          points: [{ kind: 'difficulties', section: 'II. KHÓ KHĂN', text: shared }],
        }),
        diagnostics: [OCR_READ],
      })),
      now: new Date('2026-06-11T06:00:00+07:00'),
      repair: (t) => t.replace('Thiéu can bo chuyén trach', 'Thiếu cán bộ chuyên trách'),
    });
    const staff = r.difficulties.find((g) => g.theme === 'staff')!;
    expect(staff.units).toBe(40);
    expect(staff.quotes[0]).toMatchObject({ text: 'Thiếu cán bộ chuyên trách.', original: shared });
  });

  it('are repaired in one place: a point the reader repaired is quoted as it is, with its original', () => {
    const s = submissionOf(units[0]!, {
      difficulties: ['Thiéu can bo chuyén trach cho cong tac chuyén d6i s6.'],
    });
    // The reader repaired the OCR-damaged section and kept the text as read beside it.
    const section = s.report!.sections.find((x) => x.kind === 'difficulties')!;
    expect(section.textOriginal).toBeDefined();
    const view = rollupView(s.report!);
    expect(view.points.filter((p) => p.kind === 'difficulties')).toEqual([
      {
        kind: 'difficulties',
        section: section.heading,
        text: 'Thiếu cán bộ chuyên trách cho công tác chuyển đổi số.',
        original: 'Thiéu can bo chuyén trach cho cong tac chuyén d6i s6.',
      },
    ]);
    const r = buildRollup({
      provinceCode: '40',
      scopeName: 'Nghệ An',
      round,
      units,
      submissions: [{ ...toRollupSubmission(s), view, diagnostics: [OCR_READ] }],
      now: new Date('2026-06-11T06:00:00+07:00'),
      repair: () => {
        throw new Error('a repaired point is not repaired again');
      },
    });
    const quote = r.difficulties.flatMap((g) => g.quotes)[0]!;
    expect(quote).toMatchObject({ text: view.points[0]!.text, original: view.points[0]!.original });
  });

  it('from a typed Word document are quoted as typed, whatever repair would make of them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POINT_SAMPLES), fc.boolean(), (text, stored) => {
        const r = buildRollup({
          provinceCode: '40',
          scopeName: 'Nghệ An',
          round,
          units,
          submissions: [
            typedDocx(units[0]!, {
              points: [
                {
                  kind: 'difficulties',
                  section: 'II. KHÓ KHĂN',
                  text: `${text} (sửa)`,
                  ...(stored ? { original: text } : {}),
                },
              ],
            }),
          ],
          now: new Date('2026-06-11T06:00:00+07:00'),
          repair: (t) => `${t} (sửa)`,
        });
        const quote = r.difficulties.flatMap((g) => g.quotes)[0]!;
        expect(quote.text).toBe(stored ? text : `${text} (sửa)`);
      }),
    );
  });

  it('are taken from the report into its compact view, without the closing formula', () => {
    const s = submissionOf(units[0]!, {
      proposals: ['Đề nghị UBND tỉnh hỗ trợ kinh phí. Trên đây là báo cáo của UBND xã./.'],
    });
    const view = rollupView(s.report!);
    expect(view.points.filter((p) => p.kind === 'proposals').map((p) => p.text)).toEqual([
      'Đề nghị UBND tỉnh hỗ trợ kinh phí.',
    ]);
    expect(view.indicators.every((i) => i.key !== null)).toBe(true);
    // A view is a few kilobytes whatever the report's length.
    expect(JSON.stringify(view).length).toBeLessThan(4000);
  });
});

describe('the trend', () => {
  it('sets each indicator beside the same round a year before, by the rule its headline used', () => {
    expect(previousRoundId('2026-H1')).toBe('2025-H1');
    const now = build(
      units
        .slice(0, 5)
        .map((u) => viewSubmissionOf(u, { indicators: [rate(ON_TIME, 0, [95, 100])] })),
    );
    // An earlier rollup of either schema: the weighted rate stood where it had no headline rule.
    const earlier = {
      round: { roundId: '2025-H1' },
      indicators: [
        {
          key: ON_TIME,
          kind: 'rate' as const,
          total: null,
          spread: null,
          weighted: { value: 91.5, numerator: 915, denominator: 1000, units: 5 },
        },
        { key: 'computers', kind: 'count' as const, total: 300, weighted: null, spread: null },
      ],
    };
    const r = withTrend(now, earlier);
    expect(r.indicators.find((i) => i.key === ON_TIME)!.previous).toEqual({
      roundId: '2025-H1',
      value: 91.5,
    });
    // No figure this round, no trend: a previous value alone says nothing.
    expect(r.indicators.find((i) => i.key === 'computers')!.previous).toBeNull();
    expect(trendText(r.indicators.find((i) => i.key === ON_TIME)!)).toBe('\n(kỳ trước: 91,5%)');
    expect(withTrend(now, {})).toBe(now);
  });
});
