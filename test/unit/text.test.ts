import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../shared/reader/dates.js';
import { findDocNumbers } from '../../shared/reader/doc-number.js';
import { parseVnNumber } from '../../shared/reader/numbers.js';
import { readReport } from '../../shared/reader/read-report.js';
import { fold } from '../../shared/text/fold.js';
import { convertLegacy, detectLegacyEncoding } from '../../shared/text/legacy-encoding.js';
import { repairText } from '../../shared/text/repair.js';

describe('legacy encodings, on strings as old government files carry them', () => {
  it.each([
    ['tcvn3', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['tcvn3', '§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    [
      'tcvn3',
      'B¸o c¸o kÕt qu¶ chuyÓn ®æi sè cña x· NghÜa §µn',
      'Báo cáo kết quả chuyển đổi số của xã Nghĩa Đàn',
    ],
    ['vni', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['vni', 'Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['vni', 'Sôû Khoa hoïc vaø Coâng ngheä ñöôïc', 'Sở Khoa học và Công nghệ được'],
  ] as const)('detects and converts %s: %s', (encoding, legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe(encoding);
    expect(convertLegacy(legacy, encoding)).toBe(unicode);
  });

  it('leaves Unicode Vietnamese and OCR noise alone', () => {
    expect(
      detectLegacyEncoding('Cộng hòa xã hội chủ nghĩa Việt Nam, toàn bộ hồ sơ đã số hóa'),
    ).toBeNull();
    expect(
      detectLegacyEncoding('S¢ Khoa hoc va Cong ngh¢ tinh Quang Ngdi; Tong §6 ho S0 tiép nhan'),
    ).toBeNull();
  });
});

describe('repairText', () => {
  it('normalises to NFC and restores "Số" that OCR wrote as S6, Sé, sb', () => {
    expect(repairText('S6: 72/BC-UBND').text).toBe('Số: 72/BC-UBND');
    expect(repairText('Công văn sb 1464/SKHCN').text).toBe('Công văn số 1464/SKHCN');
    expect(repairText('Sé 10/KH-UBND').text).toBe('Số 10/KH-UBND');
    expect(repairText('Ke\u0302\u0301t qua\u0309').text).toBe('Kết quả');
    expect(repairText('\uFEFFa\r\nb\u00A0c').text).toBe('a\nb c');
  });
  it('reads a NUL between columns (a PDF tab drawn as .notdef) as a column gap', () => {
    const { text } = repairText('- Như trên;\u0000TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.\u0000CHỦ TỊCH');
    expect(text).toBe('- Như trên;   TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.   CHỦ TỊCH');
    const lines = ['Trên đây là báo cáo.', 'Nơi nhận:', '- Như trên;\u0000TM. ỦY BAN NHÂN DÂN'];
    lines.push('- Chủ tịch, các PCT UBND xã;\u0000CHỦ TỊCH', '- Lưu: VT.\u0000Vũ Minh Dũng');
    const read = readReport(lines.join('\n'));
    expect(read.signer).toMatchObject({ title: 'CHỦ TỊCH', name: 'Vũ Minh Dũng' });
  });

  it('does not touch a word that only looks like "So" when no number follows', () => {
    expect(repairText('So với cùng kỳ').text).toBe('So với cùng kỳ');
  });
});

describe('fold', () => {
  it('keeps the length so that indexes carry over to the original', () => {
    const s = 'ỦY BAN NHÂN DÂN XÃ KIẾN THỤY, Đặc khu';
    expect(fold(s)).toBe('uy ban nhan dan xa kien thuy, dac khu');
    expect(fold(s)).toHaveLength(s.length);
  });
});

describe('parseVnNumber', () => {
  it.each([
    ['33.099', 33099],
    ['99,77', 99.77],
    ['94.75', 94.75],
    ['1.866', 1866],
    ['98,17,', 98.17],
    ['2.000.000', 2000000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12', 12],
    ['0,5', 0.5],
  ])('%s is %d', (raw, value) => expect(parseVnNumber(raw)).toBe(value));
  it('refuses what is no number', () => {
    expect(parseVnNumber('1.2.3')).toBeNull();
    expect(parseVnNumber('abc')).toBeNull();
  });
});

describe('findDocNumbers', () => {
  it('reads state and Party numbers, OCR spaces and slips included', () => {
    const found = findDocNumbers(
      'Số974/BC-UBND; 1464/SKHCN -KH&DMST ngày 09/8/2025; 57-NQ/TW; 1059/0D-UBND; 107/NQ-\nCP',
    ).map((m) => m.number);
    expect(found).toEqual([
      '974/BC-UBND',
      '1464/SKHCN-KH&ĐMST',
      '57-NQ/TW',
      '1059/QĐ-UBND',
      '107/NQ-CP',
    ]);
  });
  it('does not take a date or a fraction for a document number', () => {
    expect(findDocNumbers('ngày 09/8/2025, đạt 33.099/33.174')).toEqual([]);
  });
});

describe('toIsoDate', () => {
  it('accepts real dates, leap days included, and refuses impossible ones', () => {
    expect(toIsoDate('29', '2', '2028')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(toIsoDate('29', '2', '2026').ok).toBe(false);
    expect(toIsoDate('6', '8', '20255').ok).toBe(false);
    expect(toIsoDate('31', '4', '2025').ok).toBe(false);
  });
});
