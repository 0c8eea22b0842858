import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import { ingestObject, type ObjectRef } from '../../shared/ingest/ingest-object.js';
import type { OcrEngine, OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import { photoText, textPhoto } from '../helpers/text-photo.js';

const registry = registry2025();
const doLuong = registry.byCode('17662')!;
const box = { x0: 0, y0: 0, x1: 1, y1: 1 };

/** Reads a "photo" whose bytes are the report's text, every word sure. */
const engine: OcrEngine = {
  async recognize(img: PageImage): Promise<OcrPage> {
    const lines = photoText(img.image).split('\n');
    return {
      page: img.page,
      lines: lines.map((l) => ({
        words: l.split(' ').map((text) => ({ text, confidence: 95, box })),
        box,
      })),
    };
  },
};

function setup() {
  const queued: ObjectRef[] = [];
  const ingest = memoryIngest({
    versioned: false,
    deps: { ocrQueue: { send: async (ref) => void queued.push(ref) } },
  });
  return { ...ingest, queued };
}

function uploadPhoto(env: ReturnType<typeof setup>, unitFolder: string) {
  const bytes = textPhoto(reportText(doLuong));
  return env.upload(inboxKey(unitFolder, 'anh-bao-cao.jpg'), bytes);
}

describe('a scan handed from ingest to the OCR function', () => {
  it('waits as ocr_pending, then gets its final status in place (same id, same version)', async () => {
    const env = setup();
    const pending = await uploadPhoto(env, '17662');
    expect(pending.submission.status).toBe('ocr_pending');
    expect(pending.submission.diagnostics.map((d) => d.code)).toEqual(['ocr.pending']);
    expect(env.queued).toHaveLength(1);

    const ocrDeps = { ...env.deps(), ocr: engine, settlesPending: true, ocrQueue: undefined };
    const done = await ingestObject(env.queued[0]!, ocrDeps);
    expect(done.created).toBe(true);
    expect(done.submission).toMatchObject({
      submissionId: pending.submission.submissionId,
      version: 1,
      status: 'accepted',
      unitCode: '17662',
    });
    expect(done.submission.report?.indicators.every((i) => i.page === 1)).toBe(true);
    // A retried OCR message changes nothing.
    const again = await ingestObject(env.queued[0]!, ocrDeps);
    expect(again.created).toBe(false);
    expect(await env.submissions.listRound('40', '2026-H1')).toHaveLength(1);
  });

  it('sent to the "_" unit folder: recorded for the unit the scan names, the waiting record says where', async () => {
    const env = setup();
    const pending = await uploadPhoto(env, '_');
    expect(pending.submission).toMatchObject({ status: 'ocr_pending', unitCode: '_' });
    const ocrDeps = { ...env.deps(), ocr: engine, settlesPending: true, ocrQueue: undefined };
    const done = await ingestObject(env.queued[0]!, ocrDeps);
    expect(done.submission).toMatchObject({ unitCode: '17662', status: 'accepted' });
    const all = await env.submissions.listRound('40', '2026-H1');
    const moved = all.find((s) => s.unitCode === '_');
    expect(moved?.status).toBe('accepted');
    expect(moved?.diagnostics[0]?.message).toContain('17662');
    expect(all.filter((s) => s.status === 'ocr_pending')).toHaveLength(0);
  });
});

describe('the upload date reaches the scan review', () => {
  // S3 took the upload at 23:30 UTC on 7 June: already 8 June in Vietnam, the day that counts.
  const eventTime = '2026-06-07T23:30:00.000Z';
  const day = (offset: number) => new Date(Date.UTC(2026, 5, 8 + offset));

  it('a scanned date after the upload day (Vietnam time) is not the document date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40, max: 40 }), async (offset) => {
        const env = setup();
        const d = day(offset);
        const date = { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
        const bytes = textPhoto(reportText(doLuong, { date }));
        const key = inboxKey('17662', 'anh.jpg');
        await env.upload(key, bytes, { ref: { eventTime } });
        const ocrDeps = { ...env.deps(), ocr: engine, settlesPending: true, ocrQueue: undefined };
        const done = (await ingestObject(env.queued[0]!, ocrDeps)).submission;
        const iso = d.toISOString().slice(0, 10);
        const held = done.diagnostics.find(
          (x) => x.field === 'issuedOn' && x.code === 'ocr.doubtfulField',
        );
        if (offset <= 0) {
          expect(done.report?.issuedOn).toBe(iso);
          expect(held).toBeUndefined();
        } else {
          expect(done.report?.issuedOn).toBeNull();
          expect(held?.message).toContain('sau ngày gửi');
          expect(done.status).toBe('needs_review');
        }
      }),
      { numRuns: 25 },
    );
  });
});
