import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POOR_READ, readQuality, recognizeUpright, TURNS } from '../../shared/ocr/orientation.js';
import { COLUMN_GAP_LINES, lineText } from '../../shared/ocr/scan-text.js';
import type {
  OcrEngine,
  OcrLine,
  OcrPage,
  PageImage,
  Turn,
} from '../../shared/ports/ocr-engine.js';

const UPRIGHT = [
  'Ủy ban nhân dân xã báo cáo kết quả thực hiện chuyển đổi số',
  'Số tài khoản VNeID đã kích hoạt: 20.445/33.192 tài khoản, đạt 61,60%.',
  'Công tác tuyên truyền được thực hiện thường xuyên trên hệ thống loa truyền thanh.',
];
const GARBLED = [
  '|661| UIeN UOUL | £ 8z fgLU9UL Z',
  'nụo tụÐ ởq 9S U9UL .LLS NQHL O3HL.L4LL IHO',
  'ngTIOS O1nHđ',
];

const pageOf = (texts: string[], page = 1): OcrPage => ({
  page,
  lines: texts.map((t) => {
    const words = t.split(' ').map((text, i) => ({
      text,
      confidence: 90,
      box: { x0: i * 60, y0: 0, x1: i * 60 + 50, y1: 20 },
    }));
    return { words, box: { x0: 0, y0: 0, x1: 1000, y1: 20 } };
  }),
});

/** A page lying `lies` clockwise: it reads only when turned back by the rest of a full turn. */
class TurnedPageEngine implements OcrEngine {
  readonly asked: (Turn | 0)[] = [];
  constructor(private readonly lies: Turn | 0) {}
  async recognize(img: PageImage): Promise<OcrPage> {
    const turn = img.turn ?? 0;
    this.asked.push(turn);
    return pageOf((turn + this.lies) % 360 === 0 ? UPRIGHT : GARBLED, img.page);
  }
}

describe('page orientation', () => {
  it('judges a report read upright well and garbage poorly', () => {
    expect(readQuality(pageOf(UPRIGHT))!).toBeGreaterThan(0.8);
    expect(readQuality(pageOf(GARBLED))!).toBeLessThan(POOR_READ);
    expect(readQuality(pageOf(['Đã ký']))).toBeNull();
  });

  it('reads an upright page once', async () => {
    const engine = new TurnedPageEngine(0);
    const page = await recognizeUpright(engine, { page: 3, image: new Uint8Array() });
    expect(engine.asked).toEqual([0]);
    expect(page.turn).toBeUndefined();
    expect(page.page).toBe(3);
  });

  it.each(TURNS)('turns back a page lying %i° and says so', async (lies) => {
    const engine = new TurnedPageEngine(lies);
    const page = await recognizeUpright(engine, { page: 1, image: new Uint8Array() });
    expect(((page.turn ?? 0) + lies) % 360).toBe(0);
    expect(page.lines[0]!.words.map((w) => w.text).join(' ')).toBe(UPRIGHT[0]);
  });

  it('keeps the upright reading when no turn reads better (a poor photo, not a turned one)', async () => {
    const engine: OcrEngine = { recognize: async (img) => pageOf(GARBLED, img.page) };
    expect(
      (await recognizeUpright(engine, { page: 1, image: new Uint8Array() })).turn,
    ).toBeUndefined();
  });
});

describe('column gaps in OCR lines', () => {
  it('keeps words far apart as a column gap and near words as one space', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-zđ]{1,6}$/), fc.integer({ min: 0, max: 200 })), {
          minLength: 2,
          maxLength: 8,
        }),
        (words) => {
          let x = 0;
          const line: OcrLine = {
            box: { x0: 0, y0: 100, x1: 5000, y1: 130 },
            words: words.map(([text, gap]) => {
              const w = {
                text,
                confidence: 90,
                box: { x0: x + gap, y0: 100, x1: x + gap + 40, y1: 130 },
              };
              x = w.box.x1;
              return w;
            }),
          };
          const gaps = lineText(line).match(/ +/g) ?? [];
          words.slice(1).forEach(([, gap], i) => {
            expect(gaps[i]!.length >= 3).toBe(gap > COLUMN_GAP_LINES * 30);
          });
        },
      ),
    );
  });
});
