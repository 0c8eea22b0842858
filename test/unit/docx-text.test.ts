import { describe, expect, it } from 'vitest';
import { docxReport } from '../../scripts/report-docx.js';
import { decodeDocx } from '../../shared/files/decode-docx.js';

describe('DOCX text keeps paragraphs, manual line breaks and table cells', () => {
  it('a break is a new line, never glued words; each table cell is its own line', async () => {
    const bytes = await docxReport(
      ['ỦY BAN NHÂN DÂN', 'XÃ CẨM DUỆ', 'Số: 74/BC-UBND'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Cẩm Duệ, ngày 8 tháng 10 năm 2025'],
      ['Ứng dụng công nghệ', 'và chuyển đổi số', 'II. KHÓ KHĂN'],
    );
    const lines = (await decodeDocx(bytes)).split('\n').map((l) => l.trim());
    expect(lines).toContain('Ứng dụng công nghệ');
    expect(lines).toContain('và chuyển đổi số');
    expect(lines).toContain('XÃ CẨM DUỆ');
    expect(lines).toContain('Cẩm Duệ, ngày 8 tháng 10 năm 2025');
    expect(lines.join(' ')).not.toMatch(/nghệvà/);
  });
});
