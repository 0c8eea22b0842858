import { describe, expect, it } from 'vitest';
import { textPdf } from '../../scripts/hostile-files.js';
import { formBombPdf } from '../../scripts/worst-files.js';
import { readPdfText } from '../../shared/files/pdf-text-worker.js';
import { registry2025 } from '../helpers/fixtures.js';

// One warm thread reads PDFs one after another; a read that runs out of time takes the thread
// with it, and the next read gets a fresh one.
describe('the PDF text thread', () => {
  it('answers reads asked at once, each its own pages; after a stopped read, a fresh thread', async () => {
    const units = registry2025().unitsOf('40').slice(0, 3);
    const pdfs = await Promise.all(units.map((u) => textPdf(u)));
    const first = await Promise.all(pdfs.map((p) => readPdfText(p)));
    expect(first.map((a) => a.kind)).toEqual(['ok', 'ok', 'ok']);
    const texts = first.map((a) => (a.kind === 'ok' ? a.pages.join('\n') : ''));
    for (const text of texts) expect(text).toContain('UY BAN NHAN DAN');
    // Each read got its own file's pages, not another's.
    expect(new Set(texts).size).toBe(3);

    expect((await readPdfText(formBombPdf(9, 10))).kind).toBe('slow');
    const after = await readPdfText(pdfs[1]!);
    expect(after).toEqual(first[1]);
  }, 60_000);
});
