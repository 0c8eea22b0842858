import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrLine } from '../../shared/ports/ocr-engine.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';

// A file with nothing to read is refused with one plain reason, not kept as "needs review" with a
// finding for every field a report should have (ten findings for one blank photo).
const enc = (s: string) => new TextEncoder().encode(s);
const line = (text: string, y: number): OcrLine => ({
  words: text.split(' ').map((w, i) => ({
    text: w,
    confidence: 95,
    box: { x0: i * 40, y0: y, x1: i * 40 + 35, y1: y + 20 },
  })),
  box: { x0: 0, y0: y, x1: 400, y1: y + 20 },
});
/** An engine that reads `lines` on every page (none: a blank or black photo). */
const engine = (lines: string[]): OcrEngine => ({
  recognize: async (img) => ({ page: img.page, lines: lines.map((t, i) => line(t, i * 30)) }),
});
const photo = () =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();

describe('a file with no text', () => {
  it('typed text without a letter is rejected with one reason', async () => {
    const blanks = fc
      .array(fc.constantFrom(' ', '\n', '\t', '.', '-', '1', '\r'), { maxLength: 200 })
      .map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(blanks, async (t) => {
        const ingest = memoryIngest();
        const { submission } = await ingest.upload(inboxKey('16941', 'bao-cao.txt'), enc(t));
        expect(submission.status).toBe('rejected');
        expect(submission.diagnostics).toHaveLength(1);
        expect(submission.diagnostics[0]!.code).toMatch(/^file\.(empty|noText)$/);
      }),
      { numRuns: 20 },
    );
  });

  it('a photo OCR reads no text from is rejected with one reason; one with text is read', async () => {
    const bytes = new Uint8Array(await photo());
    for (const lines of [[], ['.', '—', 'l l']]) {
      const ingest = memoryIngest();
      const { submission } = await ingest.upload(inboxKey('16941', 'anh.png'), bytes, {
        deps: { ocr: engine(lines) },
      });
      expect(submission.status).toBe('rejected');
      expect(submission.diagnostics.map((d) => d.code)).toEqual(['file.noText']);
      expect(submission.diagnostics[0]!.message).toMatch(/Không đọc được chữ nào trong ảnh/);
    }
    const text = [
      'ỦY BAN NHÂN DÂN XÃ NGHĨA ĐÀN',
      'Số: 12/BC-UBND',
      'BÁO CÁO Kết quả thực hiện nhiệm vụ khoa học công nghệ 6 tháng đầu năm 2026',
    ];
    const read = await memoryIngest().upload(inboxKey('16941', 'anh.png'), bytes, {
      deps: { ocr: engine(text) },
    });
    expect(read.submission.diagnostics.map((d) => d.code)).not.toContain('file.noText');
  });
});
