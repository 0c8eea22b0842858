import { describe, expect, it } from 'vitest';
import { textPdf } from '../../scripts/hostile-files.js';
import { formBombPdf } from '../../scripts/worst-files.js';
import { decodePdf } from '../../shared/files/decode-pdf.js';
import { layoutDocument } from '../../shared/files/document-text.js';
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

describe('the PDF text layer as the document model', () => {
  it('a paragraph a line, on the line and page the text has it, with a box and a font size', async () => {
    const unit = registry2025().unitsOf('40')[0]!;
    const { text, document } = await decodePdf(await textPdf(unit));
    const lines = text.split('\n');
    const paragraphs = document.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.length).toBe(lines.filter((l) => l.trim()).length);
    for (const p of paragraphs) {
      expect(lines[p.at.line - 1]).toBe(p.text);
      expect(p.at.box!.x1).toBeGreaterThan(p.at.box!.x0);
      expect(p.at.box!.y1).toBeGreaterThan(p.at.box!.y0);
      expect(p.size).toBeGreaterThan(0);
    }
    expect(layoutDocument(document).text.trimEnd()).toBe(text.trimEnd());
  }, 60_000);
});
