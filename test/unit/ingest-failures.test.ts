import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  brokenPageTreePdf,
  docxOfXmlSize,
  headerlessText,
  hugeFigureText,
  lyingZipBomb,
  manyFiguresText,
  manyPagePdf,
} from '../../scripts/hostile-files.js';
import { reportText } from '../../scripts/report-text.js';
import { formBombPdf, nestedArrayPdf, nestedDocx } from '../../scripts/worst-files.js';
import { MAX_DOCX_XML_BYTES, MAX_PDF_PAGES, MAX_TEXT_CHARS } from '../../shared/files/limits.js';
import { isTransientFault } from '../../shared/ingest/fault.js';
import {
  type IngestDeps,
  ingestObject,
  recordUnprocessed,
} from '../../shared/ingest/ingest-object.js';
import {
  boundReport,
  MAX_STORED_INDICATORS,
  MAX_STORED_REPORT_BYTES,
} from '../../shared/ingest/storage-bounds.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, type MemoryIngest, memoryIngest } from '../helpers/memory-ingest.js';
import { MemoryObjects, MemorySubmissions } from '../helpers/memory-stores.js';

const registry = registry2025();
const nghiaDan = registry.byCode('16941')!;
const enc = (s: string) => new TextEncoder().encode(s);
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let ingest: MemoryIngest;
beforeEach(() => {
  ingest = memoryIngest();
});
const deps = (over: Partial<IngestDeps> = {}) => ingest.deps(over);
const ref = (key: string, size: number) => ingest.ref(key, size);
const key = (fileName: string, unitCode = '16941') => inboxKey(unitCode, fileName);
const upload = (fileName: string, bytes: Uint8Array, over: Partial<IngestDeps> = {}) =>
  ingest.upload(key(fileName), bytes, { deps: over });

const explained = (s: { diagnostics: Array<{ message: string }> }) =>
  s.diagnostics.some((d) => VIETNAMESE.test(d.message));

describe('the failure rule: transient faults retry, everything else is recorded', () => {
  it('classifies by shape: throttling, 5xx, timeouts and network faults are transient', () => {
    const transient = [
      { name: 'ThrottlingException' },
      { name: 'ProvisionedThroughputExceededException' },
      { name: 'Whatever', $metadata: { httpStatusCode: 503 } },
      { name: 'Whatever', $retryable: { throttling: true } },
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      new Error('wrapped', { cause: { name: 'TimeoutError' } }),
    ];
    const permanent = [
      new TypeError('x is undefined'),
      { name: 'ValidationException', $metadata: { httpStatusCode: 400 } },
      { name: 'ConditionalCheckFailedException' },
      'a string',
      null,
      new RangeError('Invalid array length'),
    ];
    expect(transient.map(isTransientFault)).toEqual(transient.map(() => true));
    expect(permanent.map(isTransientFault)).toEqual(permanent.map(() => false));
  });

  it('any unknown exception while reading ends as a needs_review record, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), async (name) => {
        fc.pre(!isTransientFault({ name }));
        const failing = new MemoryObjects();
        failing.get = async () => {
          throw Object.assign(new Error(`boom ${name}`), { name });
        };
        const r = await ingestObject(ref(key('bc.docx'), 10), deps({ objects: failing }));
        expect(r.submission.status).toBe('needs_review');
        expect(r.submission.diagnostics.map((d) => d.code)).toContain('ingest.unexpected');
        expect(explained(r.submission)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('a transient fault is thrown for the queue to retry, and nothing is recorded', async () => {
    const throttled = new MemoryObjects();
    throttled.get = async () => {
      throw Object.assign(new Error('slow down'), { name: 'SlowDown' });
    };
    await expect(
      ingestObject(ref(key('bc.docx'), 10), deps({ objects: throttled })),
    ).rejects.toThrow('slow down');
    expect(ingest.submissions.all).toHaveLength(0);
  });

  it('a store that refuses the item for good still gets a bare record', async () => {
    let calls = 0;
    const picky = new MemorySubmissions();
    const record = picky.record.bind(picky);
    picky.record = async (s) => {
      if (++calls === 1)
        throw Object.assign(new Error('Item size too large'), { name: 'ValidationException' });
      return record(s);
    };
    await ingest.objects.put(key('bc.txt'), enc(reportText(nghiaDan)));
    const r = await ingestObject(ref(key('bc.txt'), 10), deps({ submissions: picky }));
    expect(r.submission).toMatchObject({ status: 'needs_review', report: null, unitCode: '16941' });
    expect(r.submission.diagnostics.map((d) => d.code)).toContain('ingest.unexpected');
  });

  it('the last receive records an upload that never got through, apart from a later redrive', async () => {
    const r = await recordUnprocessed(
      ref(key('bc.pdf'), 10),
      deps(),
      Object.assign(new Error('throttled'), { name: 'ThrottlingException' }),
      3,
    );
    expect(r.submission).toMatchObject({ status: 'needs_review', unitCode: '16941', version: 1 });
    expect(r.submission.diagnostics[0]?.message).toMatch(/3 lần thử.*dlq redrive/);
  });
});

describe('hostile files end as records with a Vietnamese reason', () => {
  const cases: Array<[string, () => Promise<[string, Uint8Array]>, string, string]> = [
    [
      'a figure of 16+ digits',
      async () => ['bc.txt', enc(hugeFigureText(nghiaDan))],
      'needs_review',
      'indicators.unsafeNumber',
    ],
    [
      'thousands of figures',
      async () => ['bc.txt', enc(manyFiguresText(nghiaDan))],
      'needs_review',
      'indicators.tooMany',
    ],
    [
      'a PDF whose page tree is broken',
      async () => ['bc.pdf', brokenPageTreePdf()],
      'rejected',
      'file.pdfDamaged',
    ],
    [
      'a PDF of 10,000 pages',
      async () => ['bc.pdf', manyPagePdf(10_000)],
      'rejected',
      'file.pdfTooManyPages',
    ],
    [
      'a zip bomb that lies about its sizes',
      async () => ['bc.docx', await lyingZipBomb(64)],
      'rejected',
      'file.',
    ],
    [
      'an honest DOCX over the XML limit',
      async () => ['bc.docx', await docxOfXmlSize(MAX_DOCX_XML_BYTES + 1000)],
      'rejected',
      'file.zipBomb',
    ],
    [
      // pdf.js works through forms in microtasks: only a worker it runs in can be stopped.
      'a PDF of nested forms drawing each other 10⁹ times',
      async () => ['bc.pdf', formBombPdf(9, 10)],
      'rejected',
      'file.pdfTooSlow',
    ],
    [
      'a PDF whose arrays nest 200,000 deep',
      async () => ['bc.pdf', nestedArrayPdf(200_000)],
      'rejected',
      'file.pdfDamaged',
    ],
    [
      'a DOCX whose tables nest 50,000 deep',
      async () => ['bc.docx', await nestedDocx(50_000)],
      'rejected',
      'file.',
    ],
    [
      'a text over the character limit',
      async () => ['bc.txt', enc('a '.repeat(MAX_TEXT_CHARS))],
      'rejected',
      'file.textTooLong',
    ],
    [
      'a text with no header at all',
      async () => ['bc.txt', enc(headerlessText())],
      'needs_review',
      'header.unreadable',
    ],
  ];
  for (const [what, make, status, code] of cases) {
    it(`${what} → ${status}`, async () => {
      const [name, bytes] = await make();
      const r = await upload(name, bytes);
      expect(r.submission.status).toBe(status);
      expect(r.submission.diagnostics.some((d) => d.code?.startsWith(code))).toBe(true);
      expect(explained(r.submission)).toBe(true);
      expect(JSON.stringify(r.submission).length).toBeLessThan(380_000);
    }, 60_000);
  }

  it('a PDF at the page limit is read, one page more is not', async () => {
    const at = await upload('a.pdf', manyPagePdf(MAX_PDF_PAGES));
    const over = await upload('b.pdf', manyPagePdf(MAX_PDF_PAGES + 1));
    expect(at.submission.diagnostics.map((d) => d.code)).not.toContain('file.pdfTooManyPages');
    expect(over.submission.diagnostics.map((d) => d.code)).toContain('file.pdfTooManyPages');
  }, 60_000);
});

describe('what the table keeps is bounded, whatever the report', () => {
  const base = readReport(reportText(nghiaDan), { registry, provinceCode: '40' });
  const figure = fc.record({
    label: fc.string({ maxLength: 200 }),
    value: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e20, -1e17, Number.NaN)),
    unit: fc.constant(null),
    numerator: fc.constant(null),
    denominator: fc.constant(null),
    key: fc.constant(null),
    line: fc.integer({ min: 1, max: 1e6 }),
  });
  it('never exceeds the byte budget nor keeps a number lib-dynamodb refuses', () => {
    fc.assert(
      fc.property(
        fc.array(figure, { maxLength: 1500 }),
        fc.array(fc.string({ maxLength: 40_000 }), { maxLength: 30 }),
        (indicators, texts) => {
          const report: Report = {
            ...base,
            indicators,
            sections: texts.map((text) => ({ heading: 'I', kind: 'results', text })),
          };
          const { report: kept } = boundReport(report);
          if (!kept) return;
          expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(
            MAX_STORED_REPORT_BYTES,
          );
          expect(kept.indicators.length).toBeLessThanOrEqual(MAX_STORED_INDICATORS);
          for (const i of kept.indicators)
            expect(Math.abs(i.value) <= Number.MAX_SAFE_INTEGER).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
