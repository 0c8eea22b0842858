import { describe, expect, it } from 'vitest';
import { checkReport } from '../../shared/ingest/rules.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
const header = (type: string, number: string) =>
  `ỦY BAN NHÂN DÂN\nXÃ CẨM DUỆ\nSố: ${number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n` +
  `Độc lập - Tự do - Hạnh phúc\nCẩm Duệ, ngày 8 tháng 10 năm 2025\n\n${type}\n`;

const plan =
  `${header('KẾ HOẠCH', '12/KH-UBND')}Chuyển đổi số năm 2026\n\n` +
  'I. MỤC TIÊU\n- Phấn đấu 100% hồ sơ được số hóa.\n';
const letter =
  `${header('', '45/UBND-VP')}V/v báo cáo chuyển đổi số\n\n` +
  'Kính gửi: Sở Khoa học và Công nghệ.\nỦy ban nhân dân xã xin gửi số liệu.\n';
const report =
  `${header('BÁO CÁO', '80/BC-UBND')}Kết quả chuyển đổi số năm 2025\n\n` +
  'I. KẾT QUẢ THỰC HIỆN\n- Thành lập 12 tổ công nghệ số cộng đồng.\n';

describe('a document that is not a report, uploaded into a report round', () => {
  const unit = registry.resolveName('Cẩm Duệ');
  if (unit.kind !== 'resolved') throw new Error('fixture unit');
  const check = (text: string) => {
    const r = readReport(text, { registry });
    return {
      type: r.documentType,
      ...checkReport(r, unit.match.unit, new Date('2025-10-20'), registry),
    };
  };

  it.each([
    ['a kế hoạch', plan, 'KE_HOACH', /kế hoạch/],
    ['a công văn', letter, 'CONG_VAN', /công văn/],
  ] as const)('%s waits for review with a Vietnamese reason', (_, text, type, word) => {
    const c = check(text);
    expect(c.type).toBe(type);
    expect(c.status).toBe('needs_review');
    const d = c.diagnostics.find((x) => x.code === 'documentType.notReport');
    expect(d?.message).toMatch(word);
    expect(d?.message).toMatch(/vui lòng gửi báo cáo/);
  });

  it('a báo cáo is accepted', () => {
    const c = check(report);
    expect(c.type).toBe('BAO_CAO');
    expect(c.status).toBe('accepted');
  });
});
