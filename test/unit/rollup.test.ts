import { describe, expect, it } from 'vitest';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { sectionItems } from '../../shared/rollup/points.js';
import { addresseesOf, themeOf } from '../../shared/rollup/theme-patterns.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import { registry, round, submissionOf } from '../helpers/rollup-fixtures.js';

const units = registry.unitsOf('40').slice(0, 6);
const [a, b, c, d, _e] = units as [
  (typeof units)[number],
  (typeof units)[number],
  (typeof units)[number],
  (typeof units)[number],
  (typeof units)[number],
];
const build = (submissions: ReturnType<typeof submissionOf>[]) =>
  buildRollup({
    provinceCode: '40',
    scopeName: 'Nghệ An',
    round,
    units,
    submissions,
    now: new Date('2026-06-11T06:00:00+07:00'),
  });
const indicator = (r: Rollup, key: string) => r.indicators.find((i) => i.key === key)!;

describe('submission status', () => {
  it('counts on time, late, needs review, rejected and missing, timeliness by the first accepted version', () => {
    const r = build([
      submissionOf(a, { uploadedAt: '2026-06-10T16:59:00.000Z' }), // 23:59 ICT on the 10th
      submissionOf(a, { uploadedAt: '2026-06-12T02:00:00.000Z', version: 2 }), // a correction after the deadline
      submissionOf(b, { uploadedAt: '2026-06-10T17:01:00.000Z' }), // 00:01 on the 11th
      submissionOf(c, { status: 'needs_review' }),
      submissionOf(d, { status: 'rejected' }),
      submissionOf(d, { status: 'accepted', uploadedAt: '2026-06-09T00:00:00.000Z' }),
    ]);
    // The JSON is written as built, unparsed: it must be what the schema would make of it.
    expect(JSON.stringify(r)).toBe(JSON.stringify(Rollup.parse(r)));
    expect(r.units.map((u) => u.state)).toEqual([
      'on_time',
      'late',
      'needs_review',
      'on_time',
      'missing',
      'missing',
    ]);
    expect(r.status).toMatchObject({
      expected: 6,
      reported: 3,
      onTime: 2,
      late: 1,
      needsReview: 1,
      rejected: 0,
      missing: 2,
      reportingRate: 0.5,
    });
    expect(r.status.timelinessRate).toBeCloseTo(2 / 6);
    expect(r.sources[r.units[0]!.submissionId!]).toMatchObject({ version: 2 }); // figures from the newest accepted
    expect(r.units[0]!.receivedAt).toBe('2026-06-10T16:59:00.000Z');
    expect(r.units[2]!.problems).toEqual(['Văn bản không ghi rõ đơn vị ban hành.']);
    expect(r.status.byLevel.reduce((n, l) => n + l.expected, 0)).toBe(6);
    expect(r.beforeDeadline).toBe(false);
  });
});

describe('indicators', () => {
  it('sums counts and weighs rates by their raw figures, never averaging percentages', () => {
    const r = build([
      submissionOf(a, {
        computers: 40,
        results: ['3. Kích hoạt tài khoản định danh điện tử: 900/1.000 tài khoản, đạt 90%.'],
      }),
      submissionOf(b, {
        computers: 25,
        results: ['3. Kích hoạt tài khoản định danh điện tử: 5.000/10.000 tài khoản, đạt 50%.'],
      }),
      submissionOf(c, {
        computers: 10,
        results: ['3. Tỷ lệ kích hoạt tài khoản định danh điện tử đạt 70%.'],
      }), // no raw figures
    ]);
    expect(indicator(r, 'computers')).toMatchObject({
      unitsReporting: 3,
      total: 75,
      weighted: null,
    });
    const vneid = indicator(r, 'vneid_activation_rate');
    // (900 + 5000) / (1000 + 10000) = 53.64 %, where the mean of 90 and 50 would say 70.
    expect(vneid.weighted).toEqual({ value: 53.64, numerator: 5900, denominator: 11000, units: 2 });
    expect(vneid.unitsReporting).toBe(3);
    expect(vneid.spread).toEqual({
      min: { value: 50, unitCodes: [b.code] },
      median: { value: 70, unitCodes: [c.code] },
      max: { value: 90, unitCodes: [a.code] },
    });
    expect(vneid.total).toBeNull();
    const digitized = indicator(r, 'tthc_digitized_input_rate');
    expect(digitized.weighted).toBeNull(); // only percentages: spread, no made-up province rate
    expect(digitized.spread?.median.value).toBe(87.5);
  });

  it('counts a unit that gives an indicator twice once, keeps the other figure, and traces the line', () => {
    const r = build([
      submissionOf(a, {
        results: [
          '3. Tỷ lệ kích hoạt tài khoản định danh điện tử đạt 88%.',
          '4. Kích hoạt tài khoản định danh điện tử: 450/500 tài khoản.',
        ],
      }),
    ]);
    const [v] = indicator(r, 'vneid_activation_rate').values;
    expect(v).toMatchObject({
      unitCode: a.code,
      value: 90,
      numerator: 450,
      denominator: 500,
      alsoReported: [88],
      line: 18,
    });
    expect(r.sources[v!.submissionId]!.fileKey).toContain(a.code);
  });

  it('uses only accepted reports, and the newest accepted version of each', () => {
    const r = build([
      submissionOf(a, { computers: 40 }),
      submissionOf(a, { computers: 44, version: 2, uploadedAt: '2026-06-06T02:00:00.000Z' }),
      submissionOf(b, { computers: 99, status: 'needs_review' }),
    ]);
    expect(indicator(r, 'computers')).toMatchObject({ unitsReporting: 1, total: 44 });
    expect(r.sources[indicator(r, 'computers').values[0]!.submissionId]!.version).toBe(2);
    expect(indicator(r, 'cccd_issued_rate')).toMatchObject({
      unitsReporting: 0,
      total: null,
      weighted: null,
      spread: null,
    });
  });
});

describe('difficulties and proposals', () => {
  it('groups points by theme and addressee, counting units, with quotes and their sources', () => {
    const r = build([
      submissionOf(a, {
        difficulties: [
          'Kinh phí bố trí cho chuyển đổi số còn rất hạn chế.',
          'Thiếu cán bộ chuyên trách, cán bộ phải kiêm nhiệm nhiều việc.',
        ],
        proposals: ['Đề nghị UBND tỉnh bố trí kinh phí đầu tư hạ tầng mạng cho các thôn vùng cao.'],
      }),
      submissionOf(b, {
        difficulties: ['Nguồn kinh phí sự nghiệp không đủ để mua sắm thiết bị.'],
        proposals: [
          'Đề nghị Sở Tài chính hướng dẫn sử dụng kinh phí sau sắp xếp chính quyền hai cấp.',
          'Đề nghị Chính phủ sớm ban hành quy định về định mức chi cho chuyển đổi số.',
        ],
      }),
      submissionOf(c, {
        difficulties: [
          'Một bộ phận người dân, nhất là người cao tuổi, chưa biết sử dụng điện thoại thông minh.',
        ],
      }),
      submissionOf(d, { status: 'rejected', difficulties: ['Kinh phí không có.'] }),
    ]);
    const funding = r.difficulties.find((t) => t.theme === 'funding')!;
    expect(funding.units).toBe(2);
    expect(r.difficulties[0]!.theme).toBe('funding'); // most raised first
    expect(funding.quotes.map((q) => q.unitCode).sort()).toEqual([a.code, b.code].sort());
    expect(funding.quotes[0]).toMatchObject({ section: 'II. Khó khăn, vướng mắc' });
    expect(r.sources[funding.quotes[0]!.submissionId]).toMatchObject({ version: 1 });
    expect(r.difficulties.find((t) => t.theme === 'staff')!.units).toBe(1);
    // "Nguồn kinh phí … để mua sắm thiết bị" is about funding, the theme it names first: each
    // point is filed and quoted once.
    expect(r.difficulties.find((t) => t.theme === 'infrastructure')).toBeUndefined();
    expect(r.difficulties.find((t) => t.theme === 'citizen_skills')!.units).toBe(1);
    const to = Object.fromEntries(r.proposalsByAddressee.map((g) => [g.addressee, g.units]));
    expect(to).toEqual({
      provincial_committee: 1,
      finance_department: 1,
      central_government: 1,
      science_department: 1,
    }); // c's report keeps the standard proposal to the Department
    // The recipients block after the last section is no proposal.
    expect(r.proposals.flatMap((t) => t.quotes).some((q) => /Nơi nhận|Lưu/.test(q.text))).toBe(
      false,
    );
  });

  it('reads OCR-damaged points and sentences without bullets', () => {
    expect(themeOf('Thiéu can bo chuyén trach vé cong nghé thong tin; kinh phi con han ché.')).toBe(
      'staff',
    ); // the theme named first
    expect(
      themeOf('Ha tang mang tai cac thon vung cao con yéu, nhiéu noi chua c6 s6ng 4G on dinh.'),
    ).toBe('infrastructure');
    expect(
      addresseesOf('Dé nghi S& Khoa hoc va Cong nghé hd tro tap huén ky nang s6 cho can bo.'),
    ).toEqual(['science_department']);
    expect(themeOf('Công tác phối hợp giữa các thôn còn chậm.')).toBe('other');
    expect(
      sectionItems(
        'Kinh phí còn hạn chế. Người dân chưa quen dịch vụ công trực tuyến.\nTrên đây là báo cáo của UBND xã.',
      ),
    ).toEqual(['Kinh phí còn hạn chế.', 'Người dân chưa quen dịch vụ công trực tuyến.']);
  });
});
