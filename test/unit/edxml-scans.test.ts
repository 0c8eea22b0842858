import { describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import { ingestObject, type ObjectRef } from '../../shared/ingest/ingest-object.js';
import type { OcrEngine, OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { edxmlPackage } from '../helpers/edxml-package.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import { photoText, textPhoto } from '../helpers/text-photo.js';

// A scanned report inside an edXML package goes the way an uploaded scan goes: handed to OCR
// when ingest has no engine, read by OCR within one document's time, its fields kept only when
// the scan supports them.
const doLuong = registry2025().byCode('17662')!;
const box = { x0: 0, y0: 0, x1: 1, y1: 1 };
const engine = (ms?: number): OcrEngine => ({
  ...(ms ? { documentMs: ms } : {}),
  async recognize(img: PageImage, signal?: AbortSignal): Promise<OcrPage> {
    if (ms)
      await new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const lines = photoText(img.image).split('\n');
    return {
      page: img.page,
      lines: lines.map((l) => ({
        words: l.split(' ').map((text) => ({ text, confidence: 95, box })),
        box,
      })),
    };
  },
});

const text = reportText(doLuong);
const header = {
  organName: 'UBND xã Đô Lương',
  typeName: 'Báo cáo',
  subject: 'Kết quả chuyển đổi số',
};

describe('scanned attachments of an edXML package', () => {
  it('wait for OCR like a scan, then read as the same photo uploaded alone reads', async () => {
    const queued: ObjectRef[] = [];
    const env = memoryIngest({
      versioned: false,
      deps: { ocrQueue: { send: async (r) => void queued.push(r) } },
    });
    const pkg = edxmlPackage(header, [
      { name: 'Báo cáo (bản quét), trang 1.jpg', bytes: textPhoto(text) },
    ]);
    const pending = await env.upload(inboxKey('17662', 'goi.edxml'), pkg);
    expect(pending.submission.status).toBe('ocr_pending');
    const done = await ingestObject(queued[0]!, {
      ...env.deps(),
      ocr: engine(),
      settlesPending: true,
      ocrQueue: undefined,
    });

    const alone = await memoryIngest({ deps: { ocr: engine() } }).upload(
      inboxKey('17662', 'anh.jpg'),
      textPhoto(text),
    );
    const r = done.submission.report!;
    const a = alone.submission.report!;
    expect(r.number).toBe(a.number);
    expect(r.issuedOn).toBe(a.issuedOn);
    expect(r.indicators.map((i) => [i.key, i.value])).toEqual(
      a.indicators.map((i) => [i.key, i.value]),
    );
    expect(r.indicators.length).toBeGreaterThan(0);
  });

  it('a zip of page photos inside the package is read as pages', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('1.jpg', textPhoto(text));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const pkg = edxmlPackage(header, [{ name: 'Ảnh chụp (các trang).zip', bytes }]);
    const { submission: s } = await memoryIngest({ deps: { ocr: engine() } }).upload(
      inboxKey('17662', 'g.edxml'),
      pkg,
    );
    expect(s.report?.indicators.length).toBeGreaterThan(0);
  });

  it("the package's scans share one document's time: spent, it waits for a person with one reason", async () => {
    const pkg = edxmlPackage(header, [
      { name: 'trang 1.jpg', bytes: textPhoto(text) },
      { name: 'trang 2.jpg', bytes: textPhoto(text) },
    ]);
    const { submission: s } = await memoryIngest({ deps: { ocr: engine(50) } }).upload(
      inboxKey('17662', 'g.edxml'),
      pkg,
    );
    expect(s.status).toBe('needs_review');
    expect(s.diagnostics[0]?.code).toBe('file.ocrTooSlow');
  });
});
