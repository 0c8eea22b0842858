import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FileProblem } from '../../shared/files/file-problem.js';
import { MAX_OCR_PAGES } from '../../shared/files/limits.js';
import { readUpload } from '../../shared/ocr/read-upload.js';
import type { OcrEngine } from '../../shared/ports/ocr-engine.js';

/** A PDF of `pages` pages without a text layer (what a scanner makes, less the pixels). */
function blankPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (let i = 0; i < pages; i++) doc.addPage().rect(50, 50, 10, 10).stroke();
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

describe('the OCR page cap', () => {
  it('refuses to OCR a scan of more pages than the cap, before reading any page, and says so', async () => {
    let recognized = 0;
    const engine: OcrEngine = {
      recognize: async (img) => {
        recognized++;
        return { page: img.page, lines: [] };
      },
    };
    const error = await readUpload('scan.pdf', await blankPdf(MAX_OCR_PAGES + 1), engine).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as FileProblem).status).toBe('needs_review');
    expect((error as FileProblem).diagnostic.code).toBe('ocr.tooManyPages');
    expect((error as FileProblem).diagnostic.message).toContain(`${MAX_OCR_PAGES + 1} trang`);
    expect(recognized).toBe(0);
  });

  it('reads a scan of exactly the cap (its pages without images are skipped, not refused)', async () => {
    const engine: OcrEngine = { recognize: async (img) => ({ page: img.page, lines: [] }) };
    const error = await readUpload('scan.pdf', await blankPdf(MAX_OCR_PAGES), engine).catch(
      (e) => e,
    );
    expect((error as FileProblem).diagnostic.code).toBe('file.needsOcr');
  });
});
