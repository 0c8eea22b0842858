import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdDoubtfulFields } from '../../shared/ocr/scan-fields.js';
import { type PageContent, scanText } from '../../shared/ocr/scan-text.js';
import { SURE } from '../../shared/ocr/second-opinion.js';
import { readTwice, regionDoubt, regionsOf } from '../../shared/ocr/second-reading.js';
import type {
  OcrEngine,
  OcrLine,
  OcrPage,
  PageImage,
  RegionReading,
} from '../../shared/ports/ocr-engine.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

// A page's lines as an engine would give them (40 pixels apart), and its header and signature
// read a second time: the scan review keeps a field only when both readings agree.
const context = { registry: registry2025(), provinceCode: '40' };

function ocrLines(texts: string[], sure: number, y0 = 0): OcrLine[] {
  return texts.map((text, i) => {
    const y = y0 + i * 40;
    let x = 0;
    const words = text.split(' ').flatMap((w) => {
      const box = { x0: x, y0: y, x1: x + 10 * w.length, y1: y + 30 };
      x = box.x1 + (w ? 12 : 60);
      return w ? [{ text: w, confidence: sure, box }] : [];
    });
    return { words, box: { x0: 0, y0: y, x1: x, y1: y + 30 } };
  });
}

const TRUTH = {
  number: '52/BC-UBND',
  issuedOn: '2026-06-02',
  title: 'Kết quả chuyển đổi số 6 tháng đầu năm 2026',
  name: 'Lô Văn Hùng',
};
type Field = keyof typeof TRUTH;
/** Each field as it is given when its misreading (WRONG) is read. */
const MISREAD: Record<Field, string> = {
  number: '58/BC-UBND',
  issuedOn: '2026-06-08',
  title: 'Kết quả chuyển đổi số 8 tháng đầu năm 2026',
  name: 'Lô Văn Hàng',
};
const WRONG: Record<Field, [string, string]> = {
  number: ['52/BC-UBND', '58/BC-UBND'],
  issuedOn: ['ngày 02 tháng', 'ngày 08 tháng'],
  title: ['số 6 tháng', 'số 8 tháng'],
  name: ['Lô Văn Hùng', 'Lô Văn Hàng'],
};

const HEADER = [
  'ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'XÃ CON CUÔNG   Độc lập - Tự do - Hạnh phúc',
  'Số: 52/BC-UBND   Con Cuông, ngày 02 tháng 6 năm 2026',
  'BÁO CÁO',
  TRUTH.title,
];
const BODY = [
  'Thực hiện Công văn số 812/SKHCN-QLCN ngày 12/5/2026 của Sở Khoa học và Công nghệ tỉnh Nghệ An, ' +
    'Ủy ban nhân dân xã Con Cuông báo cáo như sau:',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '- Duy trì 16 tổ công nghệ số cộng đồng.',
  'II. KIẾN NGHỊ',
  '- Đề nghị hỗ trợ thiết bị cho bộ phận một cửa.',
];
const SIGN = [
  'Nơi nhận:   TM. ỦY BAN NHÂN DÂN',
  '- Như trên;   CHỦ TỊCH',
  '- Lưu: VT.',
  'Lô Văn Hùng',
];
const LINES = [...HEADER, ...BODY, ...SIGN];
const SIGN_AT = HEADER.length + BODY.length;

const HEADER_BOX = { x0: 0, y0: 0, x1: 2000, y1: HEADER.length * 40 };
const SIGN_BOX = { x0: 0, y0: SIGN_AT * 40 - 10, x1: 2000, y1: LINES.length * 40 + 40 };

const spoil = (texts: string[], field: Field | null) =>
  field ? texts.map((t) => t.replace(...WRONG[field])) : texts;

/** The scan of LINES with `field` misread in the first or the second reading (or in neither). */
function scanOf(opts: {
  first?: Field | null;
  second?: Field | null;
  sure?: number;
  none?: boolean;
}) {
  const sure = opts.sure ?? 95;
  const first = ocrLines(spoil(LINES, opts.first ?? null), sure);
  const again = spoil(LINES, opts.second ?? null);
  const second: RegionReading[] = opts.none
    ? []
    : [
        { region: 'header', box: HEADER_BOX, lines: ocrLines(again.slice(0, 5), sure) },
        {
          region: 'signature',
          box: SIGN_BOX,
          lines: ocrLines(again.slice(SIGN_AT), sure, 400),
        },
      ];
  const page: PageContent = { page: 1, lines: first, second };
  return scanText([page]);
}

function held(scan: ReturnType<typeof scanOf>) {
  const report = holdDoubtfulFields(readReport(scan.text, context), scan, '2026-06-10');
  const values: Record<Field, string | null> = {
    number: report.number,
    issuedOn: report.issuedOn,
    title: report.title,
    name: report.signer.nameOriginal ?? report.signer.name,
  };
  const noted = report.diagnostics
    .filter((d) => d.code === 'ocr.doubtfulField')
    .map((d) => (d.field === 'signer.name' ? 'name' : d.field));
  return { values, noted, report };
}

describe('the second reading of the header and signature', () => {
  it('finds the header (top to the body) and the signature (from "Nơi nhận" to the end)', () => {
    const page: OcrPage = { page: 1, lines: ocrLines(LINES, 95) };
    const regions = regionsOf(page);
    expect(regions.map((r) => r.region)).toEqual(['header', 'signature']);
    const [header, signature] = regions.map((r) => r.box);
    expect(header!.y0).toBeLessThanOrEqual(0);
    expect(header!.y1).toBe(HEADER.length * 40); // the body's first line starts there
    expect(signature!.y0).toBeLessThan(SIGN_AT * 40);
    expect(signature!.y0).toBeGreaterThan((SIGN_AT - 1) * 40);
    expect(signature!.y1).toBeGreaterThan(LINES.length * 40 - 10);
    // A page of the body only is not read again.
    expect(regionsOf({ page: 2, lines: ocrLines(BODY.slice(1), 95) })).toEqual([]);
  });

  it('reads each region again finding columns, on the page as the first reading straightened it', async () => {
    const asked: PageImage[] = [];
    const engine: OcrEngine = {
      async recognize(image) {
        asked.push(image);
        return { page: 1, lines: ocrLines(LINES, 85), deskew: 0.01 };
      },
    };
    const page = await readTwice(engine, { page: 1, image: new Uint8Array(4) });
    expect(asked).toHaveLength(3);
    expect(asked.slice(1).every((a) => a.segmentation === 'columns' && a.deskew === 0.01)).toBe(
      true,
    );
    expect(asked.slice(1).map((a) => a.region)).toEqual(page.second!.map((s) => s.box));
    expect(page.second!.map((s) => s.region)).toEqual(['header', 'signature']);
  });

  it('keeps every field when the two readings agree', () => {
    const { values, noted } = held(scanOf({}));
    expect(values).toEqual(TRUTH);
    expect(noted).toEqual([]);
  });

  it('never gives a value one reading misread (property: any field, either reading, any sureness)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Field>('number', 'issuedOn', 'title', 'name'),
        fc.boolean(),
        fc.integer({ min: 80, max: 99 }),
        (field, inFirst, sure) => {
          const scan = scanOf(inFirst ? { first: field, sure } : { second: field, sure });
          const { values, noted } = held(scan);
          for (const f of Object.keys(TRUTH) as Field[])
            expect([TRUTH[f], null]).toContain(values[f]);
          expect(values[field]).toBeNull();
          expect(noted).toContain(field === 'name' ? 'name' : field);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('with no second reading, keeps only what the first read surely', () => {
    expect(held(scanOf({ none: true, sure: 95 })).values).toEqual(TRUTH);
    const unsure = held(scanOf({ none: true, sure: 85 }));
    expect(unsure.values.number).toBe(TRUTH.number); // no second reading at all: the single-reading rules
  });

  it('takes the signer from the second reading when the first ran the columns together', () => {
    const runTogether = [
      ...HEADER,
      ...BODY,
      'Nơi nhận:[] TM. ỦY BAN NHÂN DÂN',
      '- Như trên;[1 CHỦ TỊCH',
      '- Lưu: VT.[] Lô Văn Hùng',
    ];
    const first = ocrLines(runTogether, 95);
    const signature = ocrLines(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lô Văn Hùng'], 95, 400);
    const scan = scanText([
      {
        page: 1,
        lines: first,
        second: [
          { region: 'header', box: HEADER_BOX, lines: ocrLines(HEADER, 95) },
          { region: 'signature', box: SIGN_BOX, lines: signature },
        ],
      },
    ]);
    const { report } = held(scan);
    expect(report.signer).toMatchObject({ name: 'Lô Văn Hùng', title: 'CHỦ TỊCH' });
    // Not when the first reading does not spell the name the second gives.
    const other = scanText([
      {
        page: 1,
        lines: ocrLines(
          runTogether.map((t) => t.replace('Hùng', 'H')),
          95,
        ),
        second: [{ region: 'signature', box: SIGN_BOX, lines: signature }],
      },
    ]);
    expect(held(other).report.signer.name).toBeNull();
  });

  it('names the document type from the second reading when the first misread its line', () => {
    // Neither the type line ("BẢO CÁD") nor a number tells the first reading what the document is.
    const first = ocrLines(
      LINES.map((t) => (t === 'BÁO CÁO' ? 'BẢO CÁD' : t.replace('52/BC-UBND', ''))),
      95,
    );
    const scanWith = (again: string[]) =>
      scanText([
        {
          page: 1,
          lines: first,
          second: [{ region: 'header', box: HEADER_BOX, lines: ocrLines(again, 95) }],
        },
      ]);
    const named = scanWith(HEADER.map((t) => t.replace('52/BC-UBND', '')));
    expect(readReport(named.text, context).documentType).toBe('OTHER');
    expect(held(named).report.documentType).toBe('BAO_CAO');
    const unnamed = scanWith(HEADER.map((t) => (t === 'BÁO CÁO' ? 'BẢO CÁD' : t)).slice(0, 3));
    expect(held(unnamed).report.documentType).toBe('OTHER');
  });

  it('never takes a title from below the header read again (a body line)', () => {
    const first = ocrLines(LINES, 95);
    const short = { ...first[0]!.box, y1: 4 * 40 }; // the header ends above the title's line
    const scan = scanText([
      {
        page: 1,
        lines: first,
        second: [{ region: 'header', box: short, lines: ocrLines(HEADER, 95) }],
      },
    ]);
    const { values, noted } = held(scan);
    expect(values.title).toBeNull();
    expect(noted).toContain('title');
  });

  it('reads the header again only where its first reading is unsure, the signature always', async () => {
    const reread = async (lines: OcrLine[]) => {
      const asked: PageImage[] = [];
      const engine: OcrEngine = {
        async recognize(image) {
          asked.push(image);
          return { page: 1, lines: image.region ? ocrLines(['x'], 95) : lines };
        },
      };
      const page = await readTwice(engine, { page: 1, image: new Uint8Array(4) });
      const skipped = (page.second ?? []).filter((r) => r.skipped).map((r) => r.region);
      return { again: asked.slice(1).map((a) => a.region && a.segmentation), skipped };
    };
    // Every field read whole and surely: the header is not read again (recorded), the signature
    // always is: a name is given only when two readings spell it the same.
    expect(await reread(ocrLines(LINES, 95))).toEqual({
      again: ['columns'],
      skipped: ['header'],
    });
    // One word below the bar on a field's line, or a field the grammar does not give: read again.
    const doubts: [string, (t: string) => string, 'header' | 'signature'][] = [
      ['number', (t) => t.replace('52/BC-UBND', '52/'), 'header'],
      ['date', (t) => t.replace('ngày 02 tháng 6', 'ngày 32 tháng 6'), 'header'],
      ['type', (t) => (t === 'BÁO CÁO' ? 'BẢO CÁD' : t), 'header'],
      ['title', (t) => (t === 'BÁO CÁO' ? '' : t), 'header'],
      ['name', (t) => (t === 'Lô Văn Hùng' ? '' : t), 'signature'],
      ['deputy', (t) => t.replace('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'), 'signature'],
    ];
    for (const [what, change, region] of doubts) {
      const { again, skipped } = await reread(ocrLines(LINES.map(change).filter(Boolean), 95));
      expect(again, what).toEqual(region === 'header' ? ['columns', 'columns'] : ['columns']);
      expect(skipped).toEqual(region === 'header' ? [] : ['header']);
    }
    const unsureAt = (i: number) =>
      ocrLines(LINES, 95).map((l, n) =>
        n === i
          ? { ...l, words: l.words.map((w, k) => (k ? w : { ...w, confidence: SURE - 1 })) }
          : l,
      );
    expect((await reread(unsureAt(2))).skipped).toEqual([]); // "Số:" at 89 %
    expect((await reread(unsureAt(4))).skipped).toEqual([]); // the title
    expect((await reread(unsureAt(LINES.length - 1))).skipped).toEqual(['header']); // the name
    // A word below the bar outside the fields (the motto) asks for nothing.
    expect((await reread(unsureAt(1))).skipped).toEqual(['header']);
  });

  it('gives a field from a region not read again only when every word of it was read surely', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Field>('number', 'issuedOn', 'title', 'name'),
        fc.array(fc.integer({ min: 80, max: 99 }), {
          minLength: LINES.length,
          maxLength: LINES.length,
        }),
        async (field, sureness) => {
          // The first reading misreads `field`, each line at its own sureness; a region read again
          // gives the truth.
          const first = spoil(LINES, field).map((t, i) => ocrLines([t], sureness[i]!, i * 40)[0]!);
          const engine: OcrEngine = {
            async recognize(image) {
              if (!image.region) return { page: 1, lines: first };
              const lines = ocrLines(LINES, 95).filter(
                (l) => l.box.y0 >= image.region!.y0 && l.box.y1 <= image.region!.y1,
              );
              return { page: 1, lines };
            },
          };
          const page = await readTwice(engine, { page: 1, image: new Uint8Array(4) });
          const { values } = held(scanText([page]));
          const wrong = MISREAD[field];
          if (values[field] === null || values[field] === TRUTH[field]) return;
          // A misread value given: only from a region not read again, every word of its line sure.
          expect(values[field]).toBe(wrong);
          const region = field === 'name' ? 'signature' : 'header';
          expect(page.second?.find((r) => r.region === region)?.skipped).toBe(true);
          const at = first.findIndex((l) =>
            l.words
              .map((w) => w.text)
              .join(' ')
              .includes(field === 'issuedOn' ? WRONG.issuedOn[1] : WRONG[field][1]),
          );
          expect(Math.min(...first[at]!.words.map((w) => w.confidence))).toBeGreaterThanOrEqual(
            SURE,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names why a region is unsure', () => {
    const page: OcrPage = {
      page: 1,
      lines: ocrLines(
        LINES.filter((t) => t !== 'Lô Văn Hùng'),
        95,
      ),
    };
    const [header, signature] = regionsOf(page);
    expect(regionDoubt(page, 'header', header!.box)).toBeNull();
    expect(regionDoubt(page, 'signature', signature!.box)).toBe('no name and title read');
  });

  it('never takes a title from beside the header read again (the other page of a spread)', () => {
    // The title's line lies at the header's height but right of it: a page read after this one.
    const first = ocrLines(LINES, 95).map((l, i) =>
      i === HEADER.length - 1
        ? {
            ...l,
            box: { ...l.box, x0: l.box.x0 + 3000, x1: l.box.x1 + 3000 },
            words: l.words.map((w) => ({
              ...w,
              box: { ...w.box, x0: w.box.x0 + 3000, x1: w.box.x1 + 3000 },
            })),
          }
        : l,
    );
    const scan = scanText([
      {
        page: 1,
        lines: first,
        second: [{ region: 'header', box: HEADER_BOX, lines: ocrLines(HEADER, 95) }],
      },
    ]);
    const { values, noted } = held(scan);
    expect(values.title).toBeNull();
    expect(noted).toContain('title');
    // The same line where it belongs is kept.
    const kept = scanText([
      {
        page: 1,
        lines: ocrLines(LINES, 95),
        second: [{ region: 'header', box: HEADER_BOX, lines: ocrLines(HEADER, 95) }],
      },
    ]);
    expect(held(kept).values.title).toBe(TRUTH.title);
  });
});
