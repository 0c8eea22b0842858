import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../adapters/tesseract-ocr.js';
import { readDocument } from '../../shared/ocr/read-document.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';

// The real engine on three small pages (tesseract.js and its Vietnamese model come from npm): a
// fax-like 1-bit scan in a PDF, a phone photo and a 1-bit page lying on its side, of the same
// report, each compared with the reading of the typed text they were made from.
const registry = registry2025();
const context = { registry, provinceCode: '40' };
const typed = readReport(readFileSync(fixturePath('scans/xa-con-cuong.txt'), 'utf8'), context);
const ocr = new TesseractOcr({ workers: 1 });
afterAll(() => ocr.close());

const fields = (r: Report) => ({
  documentType: r.documentType,
  number: r.number,
  issuedOn: r.issuedOn,
  issuer: r.issuer,
  title: r.title,
  requestedBy: r.requestedBy.map((q) => q.number),
  signer: r.signer,
  sections: r.sections.map((s) => s.kind),
  indicators: r.indicators.map((i) => [i.key, i.value]),
});

describe('Tesseract OCR', () => {
  for (const file of ['xa-con-cuong-fax.pdf', 'xa-con-cuong-anh.jpg', 'xa-con-cuong-xoay.png']) {
    it(`${file} reads as the typed report, every figure on its page`, async () => {
      const bytes = readFileSync(fixturePath(`scans/${file}`));
      const { report, scan } = await readDocument(file, bytes, context, ocr);
      expect(scan?.scannedPages).toEqual([1]);
      // A header or signature field the scan did not support surely is left out, and says so.
      const held = report.diagnostics.filter((d) => d.code === 'ocr.doubtfulField');
      const expected = fields(typed);
      for (const d of held) {
        if (d.field === 'signer.title') expected.signer = { ...expected.signer, title: null };
        else if (d.field === 'signer.name') expected.signer = { ...expected.signer, name: null };
        else if (d.field in expected) Object.assign(expected, { [d.field]: null });
      }
      expect(held.length).toBeLessThanOrEqual(1);
      expect(fields(report)).toEqual(expected);
      for (const i of report.indicators) {
        expect(i.page).toBe(1);
        expect(i.box!.x1).toBeGreaterThan(i.box!.x0);
      }
      expect(report.diagnostics.map((d) => d.code)).toContain('ocr.read');
      // The page lying on its side (turned 270° clockwise) is read turned back by a quarter.
      expect(scan?.turnedPages).toEqual(file.includes('xoay') ? [{ page: 1, turn: 90 }] : []);
    });
  }
});
