import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';

const header = (mark: string | null) => [
  'ỦY BAN NHÂN DÂN',
  'XÃ KỲ XUÂN',
  'Số: 76/BC-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Kỳ Xuân, ngày 14 tháng 11 năm 2025',
  ...(mark ? [mark] : []),
  'BÁO CÁO',
  'Kết quả thực hiện chuyển đổi số năm 2025',
];
const body = [
  'I. KẾT QUẢ THỰC HIỆN',
  'Đồng chí Phó Chủ tịch UBND xã trực tiếp chỉ đạo.',
  'Trên đây là báo cáo của UBND xã./.',
  'Nơi nhận:',
  '- Lưu: VT.',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Lê Văn An',
];

describe('a draft (DỰ THẢO)', () => {
  it.each(['DỰ THẢO', '(Dự thảo)', 'DỰ THẢO LẦN 2'])(
    'marked "%s" has no number, date or signer, and says why',
    (mark) => {
      const r = readReport([...header(mark), ...body].join('\n'));
      expect([r.number, r.issuedOn, r.signer.name, r.signer.title]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(r.diagnostics.map((d) => d.code)).toContain('document.draft');
      expect(r.title).toBe('Kết quả thực hiện chuyển đổi số năm 2025');
    },
  );

  it('the same report not marked is read whole; "dự thảo" in the body marks nothing', () => {
    const lines = [...header(null), ...body];
    lines.splice(
      lines.indexOf('Đồng chí Phó Chủ tịch UBND xã trực tiếp chỉ đạo.'),
      0,
      'Góp ý dự thảo',
    );
    const r = readReport(lines.join('\n'));
    expect([r.number, r.issuedOn, r.signer.name, r.signer.title]).toEqual([
      '76/BC-UBND',
      '2025-11-14',
      'Lê Văn An',
      'PHÓ CHỦ TỊCH',
    ]);
  });
});
