import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCp1258, encodeTcvn3, encodeVni } from '../../scripts/legacy-encode.js';
import { readReport } from '../../shared/reader/read-report.js';
import { convertLegacy, judgeEncoding } from '../../shared/text/legacy-encoding.js';
import { isVietnameseSyllable } from '../../shared/text/syllables.js';

// Sentences of the project's own making, in the register of a commune report.
const SENTENCES = [
  'Ủy ban nhân dân xã báo cáo kết quả thực hiện chuyển đổi số trên địa bàn',
  'Tỷ lệ hồ sơ thủ tục hành chính được số hóa đạt chín mươi tám phần trăm',
  'Đường truyền mạng tại bộ phận một cửa còn chậm, thiết bị đã cũ và hư hỏng',
  'Đề nghị Sở Khoa học và Công nghệ hỗ trợ kinh phí tập huấn kỹ năng số cho người dân',
  'Tổ công nghệ số cộng đồng đã hướng dẫn người dân cài đặt ứng dụng định danh điện tử',
  'Phương hướng nhiệm vụ trong thời gian tới là đẩy mạnh thanh toán không dùng tiền mặt',
];
const paragraph = fc
  .array(fc.constantFrom(...SENTENCES), { minLength: 2, maxLength: 6 })
  .map((s) => `${s.join('. ')}.`);

const ENCODERS = { tcvn3: encodeTcvn3, vni: encodeVni, cp1258: encodeCp1258 } as const;

describe('telling the legacy encodings apart', () => {
  it.each(Object.keys(ENCODERS) as Array<keyof typeof ENCODERS>)(
    'recognises %s and converts it back to the words that were typed',
    (encoding) => {
      fc.assert(
        fc.property(paragraph, (text) => {
          const legacy = ENCODERS[encoding](text);
          const judged = judgeEncoding(legacy);
          expect(judged.encoding).toBe(encoding);
          expect(judged.confidence).toBeGreaterThanOrEqual(0.95);
          // TCVN3 has no tone-marked capitals: compare without case.
          expect(convertLegacy(legacy, encoding).toLowerCase()).toBe(text.toLowerCase());
        }),
        { numRuns: 30 },
      );
    },
  );

  it('a Windows-1258 report is read as Unicode, not taken for TCVN3 gibberish', () => {
    const text = `ỦY BAN NHÂN DÂN\nXÃ HỒNG LỘC\nBÁO CÁO\nKết quả chuyển đổi số\n${SENTENCES.join('.\n')}.`;
    const r = readReport(encodeCp1258(text));
    expect(r.encoding).toBe('cp1258');
    expect(r.diagnostics.some((d) => d.code === 'text.legacyEncoding')).toBe(true);
    expect(r.title).toMatch(/^Kết quả chuyển đổi số/);
  });

  it('text no table reads well is flagged as an error (a person must look), not guessed', () => {
    // Legacy-looking characters scattered over words that no table turns into Vietnamese.
    const noise = 'Kh¸ µ¶ ·¸¹ ®¨ ©ª« ¬®µ ¶·¸ Þß× ¹¨» ¼½¾ ©ª«'.repeat(5);
    const r = readReport(noise);
    const d = r.diagnostics.find((x) => x.code === 'text.encodingUncertain');
    expect(d?.level).toBe('error');
    expect(d?.message).toMatch(/Unicode/);
  });

  it('Unicode text is left alone with full confidence', () => {
    expect(judgeEncoding(SENTENCES.join('. '))).toEqual({ encoding: null, confidence: 1 });
  });

  it('judges syllables by their shape', () => {
    for (const w of ['nghiêng', 'Việt', 'đường', 'khuyến', 'quả', 'hóa'])
      expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['ðýõÌng', 'ViÖt', 'hộỉ', 'strn', 'Þß'])
      expect(isVietnameseSyllable(w)).toBe(false);
  });
});
