import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePdf } from '../../shared/files/decode-pdf.js';
import { joinWrappedFigure } from '../../shared/files/pdf-tables.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';
import { placedTablePdf, TYPED_HEADER, typedTablePdf } from '../helpers/typed-table-pdf.js';

// Where a figure of a PDF table stands decides its column, never its rank among the row's cells:
// in a table typed with one run of spaces between cells, a blank cell (at the start, in the
// middle, at the end) is told by the width of the gap; a gap that is no whole number of
// separators (a typist's slip) makes no table. A figure wrapped inside a column too narrow for
// it is read whole when the break is inside a number, and is missed, never misread, otherwise.

const registry = registry2025();

const vn = (n: number, digits = 0) =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const LABELS: ReadonlyArray<readonly [string, string]> = [
  ['Kích hoạt tài khoản định danh điện tử', 'tài khoản'],
  ['Hồ sơ nộp trực tuyến', 'hồ sơ'],
  ['Tổ công nghệ số cộng đồng', 'tổ'],
  ['Máy vi tính phục vụ công tác', 'máy'],
  ['Điểm phát sóng wifi công cộng', 'điểm'],
];

interface TypedRow {
  label: number;
  index: boolean;
  unit: boolean;
  result: number;
  /** Plan over the result, and whether the rate is written; null: no plan, no rate. */
  plan: { over: number; rate: boolean } | null;
}

const rowArb = fc.record({
  label: fc.integer({ min: 0, max: LABELS.length - 1 }),
  index: fc.boolean(),
  unit: fc.boolean(),
  result: fc.integer({ min: 1, max: 40_000 }),
  plan: fc.option(fc.record({ over: fc.integer({ min: 0, max: 5_000 }), rate: fc.boolean() }), {
    nil: null,
  }),
});

function cellsOf(r: TypedRow, i: number): string[] {
  const [label, unit] = LABELS[r.label]!;
  const plan = r.plan ? r.result + r.plan.over : null;
  const rate = plan && r.plan?.rate ? vn(Math.round((r.result / plan) * 1000) / 10, 1) : '';
  return [
    r.index ? String(i + 1) : '',
    label,
    r.unit ? unit : '',
    vn(r.result),
    plan ? vn(plan) : '',
    rate,
  ];
}

/** The figure a row gives, as a Word table's row is read. */
function expected(r: TypedRow) {
  const unit = r.unit ? LABELS[r.label]![1] : null;
  const plan = r.plan ? r.result + r.plan.over : null;
  if (plan && r.plan?.rate)
    return {
      value: Math.round((r.result / plan) * 1000) / 10,
      unit: '%',
      numerator: r.result,
      denominator: plan,
    };
  return { value: r.result, unit, numerator: plan && r.result, denominator: plan };
}

const figure = (i: Report['indicators'][number]) => ({
  value: i.value,
  unit: i.unit,
  numerator: i.numerator,
  denominator: i.denominator,
});

async function read(bytes: Buffer) {
  const { text, document } = await decodePdf(bytes);
  return { document, report: readReport(text, { registry, document }) };
}

/** The figures read from the lines the document's one table takes. */
function tableFigures(d: Awaited<ReturnType<typeof read>>) {
  const tables = d.document.blocks.filter((b) => b.kind === 'table');
  expect(tables).toHaveLength(1);
  const lines = tables[0]!.rows.flatMap((r) =>
    r.cells.flatMap((c) => c.paragraphs.map((p) => p.at.line)),
  );
  const [first, last] = [Math.min(...lines), Math.max(...lines)];
  return d.report.indicators.filter((i) => i.line >= first && i.line <= last);
}

// Rows where at least one cell is blank: otherwise every line has all its cells. The first row
// keeps its mark: a line under the header with no mark is the header's wrapped words.
const typedArb = fc
  .record({
    rows: fc.array(rowArb, { minLength: 1, maxLength: 4 }),
    spaces: fc.integer({ min: 4, max: 7 }),
  })
  .map((o) => ({
    ...o,
    rows: o.rows.map((r, i) =>
      i > 0 ? r : { ...r, index: true, plan: r.unit && r.plan?.rate ? null : r.plan },
    ),
  }));

describe('tables typed with spaces in a PDF', () => {
  it('a blank cell at the start, in the middle or at the end is told by the gaps', async () => {
    await fc.assert(
      fc.asyncProperty(typedArb, async ({ rows, spaces }) => {
        const grid = [TYPED_HEADER, ...rows.map(cellsOf)];
        const d = await read(await typedTablePdf(grid, spaces));
        expect(tableFigures(d).map(figure)).toEqual(rows.map(expected));
        expect(tableFigures(d).map((i) => i.label)).toEqual(rows.map((r) => LABELS[r.label]![0]));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a gap one space off the separator makes no table (which cell is blank is unknown)', async () => {
    const slipArb = typedArb.chain((o) =>
      fc.record({
        o: fc.constant(o),
        row: fc.integer({ min: 1, max: o.rows.length }),
        pick: fc.nat(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(slipArb, async ({ o, row, pick }) => {
        const grid = [TYPED_HEADER, ...o.rows.map(cellsOf)];
        // A slip after a cell some later cell of its line follows (trailing spaces show nothing).
        const cells = grid[row]!;
        const before = cells.flatMap((c, k) => (c && cells.slice(k + 1).some(Boolean) ? [k] : []));
        const cell = before[pick % before.length]!;
        const d = await read(await typedTablePdf(grid, o.spaces, { row, cell }));
        expect(d.document.blocks.filter((b) => b.kind === 'table')).toHaveLength(0);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

const XS = [56, 86, 300, 370, 465];
const PLACED_HEADER = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Tỷ lệ (%)'];

describe('a figure wrapped in a narrow column of a PDF table', () => {
  it('is read whole when broken inside a number, and never read as another figure', async () => {
    const arb = fc.record({
      rows: fc.array(
        fc.record({
          done: fc.integer({ min: 1, max: 30_000 }),
          over: fc.integer({ min: 0, max: 9_000 }),
        }),
        { minLength: 2, maxLength: 4 },
      ),
      wrapped: fc.nat(),
      at: fc.nat(),
      shift: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ rows, wrapped, at, shift }) => {
        const w = wrapped % rows.length;
        // Rows of one label each: the reader keeps one figure of a label.
        const truth = rows.map((r, k) => {
          const total = r.done + r.over;
          const label = (k + shift) % LABELS.length;
          return { r: { ...r, label }, total, rate: Math.round((r.done / total) * 1000) / 10 };
        });
        const fraction = (k: number) => `${vn(truth[k]!.r.done)}/${vn(truth[k]!.total)}`;
        const text = fraction(w);
        const cut = 1 + (at % (text.length - 1));
        const grid = truth.map((t, k) => [
          [String(k + 1)],
          [LABELS[t.r.label]![0]],
          [LABELS[t.r.label]![1]],
          k === w ? [text.slice(0, cut), text.slice(cut)] : [fraction(k)],
          [vn(t.rate, 1)],
        ]);
        const d = await read(await placedTablePdf(XS, [PLACED_HEADER.map((h) => [h]), ...grid]));
        const got = tableFigures(d);
        expect(got.map((i) => i.label)).toEqual(truth.map((t) => LABELS[t.r.label]![0]));
        got.forEach((i, k) => {
          const t = truth[k]!;
          const whole = { value: t.rate, unit: '%', numerator: t.r.done, denominator: t.total };
          const joined = joinWrappedFigure(text.slice(0, cut), text.slice(cut)) === text;
          // The wrapped row: whole when the join restores the figure; else whole or its rate
          // alone (a space before "/" still reads), never another fraction.
          const alone = { ...whole, numerator: null, denominator: null };
          if (k !== w || joined) expect(figure(i)).toEqual(whole);
          else expect([whole, alone]).toContainEqual(figure(i));
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('joins a break after a mark or inside a group of thousands, nothing else', () => {
    expect(joinWrappedFigure('22.226/22.79', '6')).toBe('22.226/22.796');
    expect(joinWrappedFigure('22.226/', '22.796')).toBe('22.226/22.796');
    expect(joinWrappedFigure('97,', '5')).toBe('97,5');
    expect(joinWrappedFigure('22.226', '/22.796')).toBe('22.226 /22.796');
    expect(joinWrappedFigure('120', '130')).toBe('120 130');
    expect(joinWrappedFigure('1.23', '45')).toBe('1.23 45');
  });
});

describe('a PDF table continued on the next page', () => {
  const arb = fc.record({
    rows: fc.array(
      fc.record({
        done: fc.integer({ min: 1, max: 30_000 }),
        over: fc.integer({ min: 0, max: 900 }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    shift: fc.nat(),
    at: fc.nat(),
  });
  const gridOf = (rows: { done: number; over: number }[], shift: number) =>
    rows.map((r, k) => {
      const [label, unit] = LABELS[(k + shift) % LABELS.length]!;
      const total = r.done + r.over;
      return [
        [String(k + 1)],
        [label],
        [unit],
        [`${vn(r.done)}/${vn(total)}`],
        [vn((r.done / total) * 100, 1)],
      ];
    });
  const figures = (r: Report) => r.indicators.map((i) => ({ label: i.label, ...figure(i) }));

  it('metamorphic: its rows under the header carried over read as on one page', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ rows, shift, at }) => {
        const grid = [PLACED_HEADER.map((h) => [h]), ...gridOf(rows, shift)];
        const one = await read(await placedTablePdf(XS, grid));
        const split = await read(await placedTablePdf(XS, grid, at % rows.length));
        expect(figures(one.report)).toHaveLength(rows.length);
        expect(figures(split.report)).toEqual(figures(one.report));
        // The rows on the second page are on it.
        const pages = split.report.indicators.map((i) => i.page);
        expect(pages.filter((p) => p === 2)).toHaveLength(rows.length - (at % rows.length));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it("rows whose columns are not the header's take no header from the page before", async () => {
    const grid = [
      PLACED_HEADER.map((h) => [h]),
      ...gridOf(
        [
          { done: 12, over: 3 },
          { done: 40, over: 0 },
        ],
        0,
      ),
    ];
    // The second page's row has a column more than the header: another table's row.
    const extra = [[['1'], [LABELS[2]![0]], [LABELS[2]![1]], ['5'], ['9'], ['55,6']]];
    const xs = [...XS.slice(0, 4), 420, XS[4]!];
    const bytes = await placedTablePdf(xs, [...grid.slice(0, 1), ...extra], 0);
    const d = await read(bytes);
    expect(d.document.blocks.filter((b) => b.kind === 'table')).toHaveLength(0);
  });
});
