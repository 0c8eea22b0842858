import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

// A header names its unit twice, in capitals and as the place of the date, beside the motto. No
// unit's name may be taken for anything else ("Phước Thành" folds to "phuoc thanh", whose
// "uoc th" was read as a results column's "ước thực hiện": the header became a table's, and the
// number, date, type and title were lost, and a draft's mark with them).
const registry = registry2025();
const LEVEL = { xa: 'XÃ', phuong: 'PHƯỜNG', dac_khu: 'ĐẶC KHU' } as const;

function header(name: string, level: keyof typeof LEVEL, province: string): string {
  const pad = (s: string) => s.padEnd(44, ' ');
  return [
    `${pad(`UBND ${province.toLocaleUpperCase('vi')}`)}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `${pad('ỦY BAN NHÂN DÂN')}Độc lập - Tự do - Hạnh phúc`,
    `${pad(`${LEVEL[level]} ${name.toLocaleUpperCase('vi')}`)}${name}, ngày 13/03/2026`,
    'Số: 63/KH-UBND',
    'KẾ HOẠCH',
    'Chuyển đổi số năm 2026',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao chất lượng dịch vụ công trực tuyến.',
  ].join('\n');
}

describe('every unit of the 2025 list in its own header', () => {
  it('leaves the number, date, type and title read', () => {
    const lost: string[] = [];
    for (const p of registry.provinces())
      for (const u of registry.unitsOf(p.code)) {
        const r = readReport(header(u.name, u.level, `tỉnh ${p.name}`));
        if (
          r.number !== '63/KH-UBND' ||
          r.issuedOn !== '2026-03-13' ||
          r.documentType !== 'KE_HOACH'
        )
          lost.push(`${u.name} (${p.name})`);
        else if (r.title !== 'Chuyển đổi số năm 2026') lost.push(`${u.name} (${p.name}): title`);
      }
    expect(lost).toEqual([]);
    expect(registry.size).toBeGreaterThan(3000);
  });
});
