import { describe, expect, it } from 'vitest';
import { toDoc } from '../../shared/reader/lines.js';
import { type ClueSources, provinceClue } from '../../shared/reader/province-clue.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
const lines = (...text: string[]) => toDoc(text.join('\n')).lines;
const clue = (s: Partial<ClueSources>) =>
  provinceClue({ headerLines: [], recipients: [], body: [], place: null, ...s }, registry);

describe('the province a text gives its commune', () => {
  it.each([
    [{ headerLines: lines('UBND TỈNH NGHỆ AN', 'UBND XÃ TÂN AN') }, 'Nghệ An', 'header'],
    [{ headerLines: lines('THÀNH PHỐ CẦN THƠ     CỘNG HÒA XÃ HỘI') }, 'Cần Thơ', 'header'],
    [{ recipients: ['Sở Khoa học và Công nghệ tỉnh Đồng Nai'] }, 'Đồng Nai', 'recipient'],
    [
      { body: lines('Thực hiện Công văn số 12/SKHCN ngày 1/2/2025 của Sở KH&CN tỉnh Tây Ninh') },
      'Tây Ninh',
      'authority',
    ],
    [{ body: lines('theo Kế hoạch của Ủy ban nhân dân thành phố Huế về') }, 'Huế', 'authority'],
    [{ place: 'An Giang' }, 'An Giang', 'place'],
  ])('%o → %s (%s)', (sources, province, source) => {
    expect(clue(sources)).toEqual({
      province: expect.objectContaining({ name: province }),
      source,
    });
  });

  it('a province merely mentioned (a visit, "chuyển đổi số tại tỉnh …") is no clue', () => {
    const body = lines(
      'Cử cán bộ học tập kinh nghiệm chuyển đổi số tại tỉnh Sơn La.',
      'Tiếp đoàn công tác của tỉnh Lai Châu.',
    );
    expect(clue({ body })).toBeNull();
  });

  it('the stronger clue wins; two clues of one kind that disagree settle nothing', () => {
    expect(
      clue({
        recipients: ['Sở Khoa học và Công nghệ tỉnh Nghệ An'],
        body: lines('của Ủy ban nhân dân tỉnh Hà Tĩnh'),
      })?.province.name,
    ).toBe('Nghệ An');
    expect(clue({ body: lines('của UBND tỉnh Hà Tĩnh', 'của Sở Nội vụ tỉnh Nghệ An') })).toBeNull();
  });

  it('a place that is a commune, not a province, is no clue', () => {
    expect(clue({ place: 'Tân An' })).toBeNull();
    expect(clue({ place: 'Nghệ An Đông' })).toBeNull();
  });

  it("a place that is the commune's own name is no clue, even when a province bears it", () => {
    // Phường Phú Thọ is in Phú Thọ, Hồ Chí Minh (and a xã in Đồng Tháp): the place names the ward.
    for (const level of ['PHƯỜNG', 'XÃ', 'ĐẶC KHU']) {
      const headerLines = lines('ỦY BAN NHÂN DÂN', `${level} PHÚ THỌ`);
      expect(clue({ headerLines, place: 'Phú Thọ' }), level).toBeNull();
    }
    // Under another commune's name it still says the province.
    const other = lines('ỦY BAN NHÂN DÂN', 'PHƯỜNG THANH MIẾU');
    expect(clue({ headerLines: other, place: 'Phú Thọ' })?.province.name).toBe('Phú Thọ');
  });
});

describe('the issuer of a commune whose name shares or opens with something else', () => {
  const report = (unitLine: string, place: string, closing: string) =>
    readReport(
      [
        'ỦY BAN NHÂN DÂN',
        unitLine,
        'Số: 161/UBND-VP',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        `${place}, ngày 19/06/2026`,
        'Kính gửi: Sở Khoa học và Công nghệ.',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        closing,
        'CHỦ TỊCH',
        'Bùi Thị Quý',
      ].join('\n'),
      { registry },
    );

  it('a ward named by a number ("Phường 3 Bảo Lộc") is found; "UBND XÃ" alone names no unit', () => {
    const r = report('PHƯỜNG 3 BẢO LỘC', '3 Bảo Lộc', 'TM. UBND XÃ');
    expect(r.issuer).toMatchObject({ name: '3 Bảo Lộc', level: 'phuong', code: '24841' });
    const none = report('PHƯỜNG', 'Hà Nội', 'TM. UBND XÃ');
    expect(none.issuer.name).not.toBe('XÃ');
  });

  it('a shared name with only its own name as the place stays unresolved, with the candidates', () => {
    const r = report('PHƯỜNG PHÚ THỌ', 'Phú Thọ', 'TM. ỦY BAN NHÂN DÂN');
    expect(r.issuer.code).toBeNull();
    expect(r.province).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('issuer.ambiguous');
  });
});
