import { describe, expect, it } from 'vitest';
import { toDoc } from '../../shared/reader/lines.js';
import { type ClueSources, provinceClue } from '../../shared/reader/province-clue.js';
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
});
