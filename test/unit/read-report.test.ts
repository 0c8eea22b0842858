import { describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../../scripts/legacy-encode.js';
import { readReport } from '../../shared/reader/read-report.js';
import { Report } from '../../shared/schemas/report.js';
import { readExampleSource, registry2025 } from '../helpers/fixtures.js';

const read = (name: string, provinceCode?: string) => {
  const report = readReport(readExampleSource(name), {
    registry: registry2025(),
    provinceCode,
  });
  expect(Report.safeParse(report).success).toBe(true);
  return report;
};
const figure = (r: Report, key: string) => r.indicators.find((i) => i.key === key);

describe('readReport on an OCR-damaged xã report (two-column header merged, "S6:" for "Số:")', () => {
  const r = read('xa-dien-chau-ocr.txt');
  it('reads the header', () => {
    expect(r.documentType).toBe('BAO_CAO');
    expect(r.number).toBe('15/BC-UBND');
    expect(r.issuedOn).toBe('2026-06-03');
    expect(r.issuer).toEqual({ level: 'xa', name: 'Diễn Châu', code: '17464' });
    expect(r.province).toBe('Nghệ An');
    expect(r.titleOriginal).toMatch(/^Két qua thuc hién nhiém vu .* 6 thang dau nam 2026$/);
    expect(r.title).toMatch(/^Kết quả thực hiện nhiệm vụ .* đổi mới .* 6 tháng đầu năm 2026$/);
    expect(r.recipients[0]).toMatch(/Khoa hoc va Cong nghé/);
  });
  it('reads the request document with its date and issuer', () => {
    expect(r.requestedBy).toEqual([
      {
        number: '812/SKHCN-QLCN',
        issuedOn: '2026-05-12',
        kind: 'Công văn',
        issuer: expect.stringMatching(/^S& Khoa hoc va Cong nghé tinh Nghé An$/),
      },
    ]);
  });
  it('reads OCR-damaged Roman numerals ("|.", "I1.", "I11.") as sections I–IV', () => {
    expect(r.sections.map((s) => s.kind)).toEqual([
      'results',
      'difficulties',
      'causes',
      'proposals',
    ]);
    expect(r.sections[3]!.textOriginal).toMatch(/bd tri kinh phi dau tu ha tang mang/);
    expect(r.sections[3]!.text).toMatch(/bố trí kinh phí đầu tư hạ tầng/);
  });
  it('reads the signer through the merged "Nơi nhận" column', () => {
    expect(r.signer).toEqual({
      name: 'Nguyễn Văn Thanh',
      nameOriginal: 'Nguyén Van Thanh',
      title: 'PHÓ CHỦ TỊCH',
    });
    expect(r.distribution).toEqual(['S& KHCN tinh Nghé An', 'Luu: VT, VHXH']);
  });
  it('reads figures in every number format and maps them to the catalogue', () => {
    expect(figure(r, 'community_digital_teams')).toMatchObject({ value: 32, unit: 'tổ' });
    expect(figure(r, 'tthc_received_total')).toMatchObject({ value: 2415, unit: 'hồ sơ' });
    expect(figure(r, 'tthc_digitized_input_rate')).toMatchObject({
      value: 97.5,
      unit: '%',
      numerator: 2355,
      denominator: 2415,
    });
    expect(figure(r, 'tthc_resolved_on_time_rate')).toMatchObject({
      value: 98.76,
      numerator: null,
    });
    expect(figure(r, 'digital_certificates')).toMatchObject({ value: 41 });
    expect(figure(r, 'vneid_activation_rate')).toMatchObject({
      value: 89.63,
      numerator: 18204,
      denominator: 20310,
    });
    expect(figure(r, 'cashless_payment_rate')).toMatchObject({
      numerator: 1102,
      denominator: 1250,
    });
    expect(figure(r, 'stin_budget_share')).toMatchObject({ value: 2.1, unit: '%' });
  });
  it('does not take "4G", dates or document numbers for figures', () => {
    const values = r.indicators.map((i) => i.value);
    expect(values).not.toContain(4);
    expect(values).not.toContain(7);
    expect(values).not.toContain(2026);
    expect(values).not.toContain(812);
  });
});

describe('readReport on a clean KẾ HOẠCH of a phường', () => {
  const r = read('phuong-truong-vinh-ke-hoach.txt');
  it('reads type, number, date and the stacked header', () => {
    expect(r).toMatchObject({
      documentType: 'KE_HOACH',
      number: '10/KH-UBND',
      issuedOn: '2026-01-20',
      place: 'Trường Vinh',
    });
    expect(r.issuer).toEqual({ level: 'phuong', name: 'Trường Vinh', code: '16690' });
    expect(r.title).toBe(
      'Chuyển đổi số và phát triển khoa học, công nghệ, đổi mới sáng tạo trên địa bàn phường năm 2026',
    );
  });
  it('keeps "Căn cứ" documents as the basis, not as requests', () => {
    expect(r.requestedBy).toEqual([]);
    expect(r.basedOn.map((b) => b.number)).toEqual(['57-NQ/TW', '02-KH/BCĐTW']);
    expect(r.basedOn[0]!.issuedOn).toBe('2024-12-22');
  });
  it('classifies objectives, plan and organization sections', () => {
    expect(r.sections.map((s) => s.kind)).toEqual(['objectives', 'plan', 'organization']);
  });
  it('does not count a target ("phấn đấu 100%") as a result', () => {
    const target = r.indicators.find((i) => i.value === 100);
    expect(target?.key).toBeNull();
    expect(figure(r, 'stin_budget_share')).toMatchObject({ value: 3.5 });
    expect(r.indicators.find((i) => i.unit === 'triệu đồng')?.value).toBe(1250);
  });
  it('reads signer and distribution list', () => {
    expect(r.signer).toEqual({ name: 'Trần Thị Hoa', title: 'CHỦ TỊCH' });
    expect(r.distribution).toHaveLength(3);
  });
});

describe('readReport on a công văn', () => {
  it('reads "V/v" as the subject and resolves a name shared by three provinces from the text', () => {
    const r = read('xa-yen-thanh-cong-van.txt');
    expect(r.documentType).toBe('CONG_VAN');
    expect(r.number).toBe('45/UBND-VHXH');
    expect(r.title).toBe('báo cáo kết quả chuyển đổi số 9 tháng đầu năm 2026');
    expect(r.issuer.code).toBe('17506');
    expect(r.recipients).toEqual(['Sở Khoa học và Công nghệ tỉnh Nghệ An']);
    expect(r.indicators.map((i) => i.value)).toEqual([76.4, 3420]);
  });
});

describe('readReport on a report whose first page is cut off', () => {
  const r = read('phuong-vinh-hung-no-header.txt');
  it('invents no number or date, and says so', () => {
    expect(r.number).toBeNull();
    expect(r.issuedOn).toBeNull();
    expect(r.diagnostics.map((d) => d.field)).toEqual(
      expect.arrayContaining(['number', 'issuedOn']),
    );
  });
  it('takes the type from the closing "Trên đây là báo cáo"', () => {
    expect(r.documentType).toBe('BAO_CAO');
  });
  it('warns about an OCR-damaged year ("06/8/20255") instead of guessing a date', () => {
    expect(r.requestedBy).toEqual([
      expect.objectContaining({ number: '640/SKHCN-QLKH', issuedOn: null }),
    ]);
    expect(
      r.diagnostics.some((d) => d.field === 'requestedBy' && d.message.includes('06/8/20255')),
    ).toBe(true);
  });
  it('tells "Vinh Hưng" from "Vĩnh Hưng" by its diacritics', () => {
    expect(r.issuer).toEqual({ level: 'phuong', name: 'Vinh Hưng', code: '17920' });
  });
});

describe('readReport with the legacy encodings', () => {
  const unicode = readExampleSource('dac-khu-con-co.txt');
  const expected = readReport(unicode, { registry: registry2025() });
  it.each([
    ['tcvn3', encodeTcvn3(unicode)],
    ['vni', encodeVni(unicode)],
  ])('converts %s and reads the same report as from Unicode', (encoding, text) => {
    expect(text).not.toBe(unicode);
    const r = readReport(text, { registry: registry2025() });
    expect(r.encoding).toBe(encoding);
    expect(r.issuer).toEqual({ level: 'dac_khu', name: 'Cồn Cỏ', code: '19742' });
    expect(r.number).toBe(expected.number);
    expect(r.issuedOn).toBe('2026-11-12');
    expect(r.requestedBy.map((q) => q.number)).toEqual(['2231/SKHCN-KHTC']);
    expect(r.sections.map((s) => s.kind)).toEqual(['results', 'difficulties', 'proposals']);
    expect(r.indicators.map((i) => [i.key, i.value])).toEqual(
      expected.indicators.map((i) => [i.key, i.value]),
    );
    expect(r.diagnostics.some((d) => d.code === 'text.legacyEncoding')).toBe(true);
  });
});

describe('unit resolution', () => {
  it('reports a name shared by several provinces rather than guessing', () => {
    const r = readReport(
      'ỦY BAN NHÂN DÂN\nXÃ TÂN AN\nSố: 3/BC-UBND\nBÁO CÁO\nKết quả chuyển đổi số',
      { registry: registry2025() },
    );
    expect(r.issuer.name).toBeNull();
    expect(r.issuer.code).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'issuer.ambiguous')?.message).toMatch(/Tân An/);
  });
  it('resolves the same name with the province given by the upload', () => {
    const r = readReport(
      'ỦY BAN NHÂN DÂN\nXÃ TÂN AN\nSố: 3/BC-UBND\nBÁO CÁO\nKết quả chuyển đổi số',
      { registry: registry2025(), provinceCode: '40' },
    );
    expect(r.issuer).toEqual({ level: 'xa', name: 'Tân An', code: '17305' });
    expect(r.province).toBe('Nghệ An');
  });

  it('ends a plan\'s title at a part in bare capitals or lettered "A."; the resolution is no request', () => {
    const title =
      'Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa\nhọc, công nghệ và chuyển đổi số';
    for (const part of ['CĂN CỨ PHÁP LÝ', 'A. CĂN CỨ PHÁP LÝ']) {
      const r = readReport(
        `UBND XÃ CON CUÔNG\nSố: 50/KH-UBND\nKẾ HOẠCH\n${title}\n${part}\n` +
          '1. Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\nMỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n',
        { registry: registry2025() },
      );
      expect(r.title).toBe(title.replace('\n', ' '));
      expect(r.requestedBy).toEqual([]);
    }
  });

  it('joins a signer\'s name whose last word a wrapped line beside "Nơi nhận" put below it', () => {
    const block = (name: string, below: string) =>
      'UBND XÃ CON CUÔNG\nSố: 52/BC-UBND\nBÁO CÁO\nKết quả\nI. Kết quả\nĐạt.\n' +
      `Trên đây là báo cáo.\nNơi nhận:\n- Như trên;\tCHỦ TỊCH\n- Chủ tịch, các Phó Chủ tịch UBND xã;\t${name}\n` +
      `${below}\n- Lưu: VT.\n`;
    const read = (text: string) => readReport(text, { registry: registry2025() }).signer.name;
    // The rewrap metamorphic property's counterexample: "Phan Văn" was given for "Phan Văn Hùng".
    expect(read(block('Phan Văn', 'Hùng'))).toBe('Phan Văn Hùng');
    expect(read(block('Phan Văn Hùng', '- Sở Khoa học và Công nghệ;'))).toBe('Phan Văn Hùng');
    expect(read(block('Phan Văn Hùng', 'PHỤ LỤC'))).toBe('Phan Văn Hùng');
  });
});
