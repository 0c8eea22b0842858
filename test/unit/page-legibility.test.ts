import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdIllegible, illegiblePages } from '../../shared/ocr/page-legibility.js';
import { type PageContent, scanText } from '../../shared/ocr/scan-text.js';
import type { OcrLine } from '../../shared/ports/ocr-engine.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

// A scanned page of lines, every word read at 95 %: only how many of its words are Vietnamese
// syllables changes. The report is read from its text as the reader does.
const page = (lines: string[]): PageContent => ({
  page: 1,
  lines: lines.map((text, y): OcrLine => {
    let x = 0;
    const words = text.split(' ').flatMap((w) => {
      const box = { x0: x, y0: y * 40, x1: x + 10 * w.length, y1: y * 40 + 30 };
      x = box.x1 + 12;
      return w ? [{ text: w, confidence: 95, box }] : [];
    });
    return { words, box: { x0: 0, y0: y * 40, x1: x, y1: y * 40 + 30 } };
  }),
});

const REPORT = [
  'ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'XÃ CON CUÔNG   Độc lập - Tự do - Hạnh phúc',
  'Số: 52/BC-UBND   Con Cuông, ngày 02 tháng 6 năm 2026',
  'BÁO CÁO',
  'Kết quả chuyển đổi số sáu tháng đầu năm 2026',
  'Thực hiện Công văn số 812/SKHCN-QLCN ngày 12/5/2026 của Sở Khoa học và Công nghệ, ' +
    'Ủy ban nhân dân xã Con Cuông báo cáo như sau:',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '- Duy trì 16 tổ công nghệ số cộng đồng tại các thôn, bản trên địa bàn xã.',
  '- Tiếp nhận 1.204 hồ sơ trực tuyến, giải quyết đúng hạn cho người dân và doanh nghiệp.',
  'II. KIẾN NGHỊ',
  '- Đề nghị hỗ trợ thiết bị cho bộ phận một cửa và đào tạo kỹ năng số cho cán bộ.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Lô Văn Hùng',
];
const context = { registry: registry2025(), provinceCode: '40' };
const GARBLE = ['xqk', 'ttrw', 'Bzv', 'mnnq', 'ckhv', 'ÿrr', 'qqa'];

/** The report's lines with `n` words of OCR noise added to the body's lines. */
function noisy(n: number): string[] {
  const out = [...REPORT];
  for (let k = 0; k < n; k++) {
    const at = 7 + (k % 5);
    out[at] = `${out[at]} ${GARBLE[k % GARBLE.length]}`;
  }
  return out;
}

function reviewed(lines: string[]) {
  const scan = scanText([page(lines)]);
  return { scan, held: holdIllegible(readReport(scan.text, context), scan) };
}

describe('a scanned page OCR could not read surely as a whole', () => {
  it('gives no field, cited letter or figure on its reading alone, each named for a person', () => {
    const clean = reviewed(REPORT);
    expect(illegiblePages(clean.scan)).toEqual([]);
    expect(clean.held.number).toBe('52/BC-UBND');
    expect(clean.held.indicators.length).toBeGreaterThan(0);
    const bad = reviewed(noisy(40));
    expect(illegiblePages(bad.scan).map((p) => p.page)).toEqual([1]);
    const r = bad.held;
    expect(clean.held.issuer.name).toBe('Con Cuông');
    expect([r.number, r.issuedOn, r.title, r.issuer.name, r.signer.name, r.signer.title]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(r.requestedBy).toEqual([]);
    expect(r.indicators).toEqual([]);
    const codes = r.diagnostics.filter((d) => d.level === 'error').map((d) => d.code);
    expect(codes).toContain('ocr.doubtfulField');
    expect(codes).toContain('ocr.doubtfulFigure');
    expect(r.diagnostics.find((d) => d.field === 'number')?.message).toMatch(/chữ rõ nghĩa/);
  });

  it('holds a page exactly when its share of syllables falls below the bar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), (n) => {
        const { scan, held } = reviewed(noisy(n));
        const words = scan.text
          .split(/\s+/)
          .filter((w) => /^\p{L}+$/u.test(w.replace(/[^\p{L}]+$/u, '')));
        const ill = illegiblePages(scan).length > 0;
        expect(held.number === null).toBe(ill);
        if (n === 0) expect(ill).toBe(false);
        expect(words.length).toBeGreaterThan(40);
      }),
      { numRuns: 40 },
    );
  });
});
