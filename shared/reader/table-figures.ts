import type { Row, Table } from '../schemas/document.js';
import type { Indicator } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { keyFor } from './catalogue.js';
import { parseVnNumber } from './numbers.js';

// A table of figures read as a table: each row is a figure with its row's label, its unit column
// and the meaning of the column each number stands in (kết quả / thực hiện, kế hoạch / chỉ tiêu,
// tỷ lệ %, a "đạt/kế hoạch" fraction). Columns are known by their header; a table whose header
// names no column of results is not read here (its lines go to the text reader as before).

export type ColumnMeaning =
  | 'index'
  | 'label'
  | 'unit'
  | 'result'
  | 'plan'
  | 'rate'
  | 'ratio'
  | 'previous'
  | 'note'
  | 'unknown';

/**
 * Header words, on folded text, in the order they are tried: the first that fits names the column.
 * Each opens a word: a unit's name is no header ("Phước Thành" folds to "phuoc thanh", whose
 * "uoc th" read as "ước thực hiện" made a commune's header line a table's).
 */
const MEANINGS: ReadonlyArray<readonly [ColumnMeaning, RegExp]> = [
  ['index', /^(?:stt|tt|so\s*(?:tt|thu\s*tu))\.?$/],
  ['note', /\bghi\s*chu/],
  ['unit', /^(?:don\s*vi(?:\s*tinh)?|dvt)\b/],
  ['previous', /\b(?:ky\s*truoc|cung\s*ky|nam\s*truoc)/],
  ['ratio', /\b(?:dat|thuc\s*hien|ket\s*qua)\s*\/\s*(?:ke\s*hoach|chi\s*tieu|tong\s*so)|so\s*sanh/],
  ['rate', /\bty\s*l[e€]|%/],
  [
    'plan',
    /\b(?:ke\s*hoach|chi\s*tieu\s*(?:giao|nam|ke|duoc|\d)|muc\s*tieu|phai\s*(?:thuc\s*hien|dat))/,
  ],
  [
    'result',
    new RegExp(
      String.raw`\b(?:ket\s*qua|thuc\s*hien|da\s*(?:dat|cap|lam|trien\s*khai|kich\s*hoat)` +
        String.raw`|so\s*l[uw][o0]ng|gia\s*tri|uoc\s*(?:dat|th))`,
    ),
  ],
  [
    'label',
    /\b(?:noi\s*dung|chi\s*tieu|tieu\s*chi|hang\s*muc|linh\s*vuc|danh\s*muc|nhiem\s*vu|ten\b)/,
  ],
];

export function meaningOf(header: string): ColumnMeaning {
  const f = fold(header).replace(/\s+/g, ' ').trim();
  if (!f) return 'unknown';
  for (const [meaning, re] of MEANINGS) if (re.test(f)) return meaning;
  return 'unknown';
}

// "1,234" is 1.234 in Vietnamese and 1234 as an English-set spreadsheet or a typist writes it: a
// count of files read from it is a guess either way. A rate ("91,125%") says what it is.
const COMMA_THOUSANDS = /^\d{1,3},\d{3}$/;

/** One number in a cell, or null: a cell of words, a range or two numbers is no value. */
export function cellNumber(text: string): number | null {
  const written = text.replace(/\s+/g, ' ').trim();
  const t = written.replace(/\s*%$/, '');
  if (!/^\d[\d.,]*$/.test(t)) return null;
  if (t === written && COMMA_THOUSANDS.test(t)) return null;
  return parseVnNumber(t);
}

/** "3.204/3.517" (with "hồ sơ", "(91,1%)" after it) in one cell. */
function cellFraction(text: string): { n: number; d: number; pct: number | null } | null {
  const m =
    /^\s*(\d[\d.,]*)\s*\/\s*(\d[\d.,]*)(?:\s+\D*?)?(?:\(?\s*(\d[\d.,]*)\s*%\s*\)?)?\s*$/.exec(text);
  const n = m ? parseVnNumber(m[1]!) : null;
  const d = m ? parseVnNumber(m[2]!) : null;
  if (n === null || d === null || d === 0 || n > d) return null;
  return { n, d, pct: m?.[3] ? parseVnNumber(m[3]) : null };
}

/** Each grid column's cell text of a row, a spanning cell standing in every column it covers. */
function gridOf(row: Row): string[] {
  const out: string[] = [];
  for (const c of row.cells) for (let i = 0; i < c.span; i++) out.push(c.continued ? '' : c.text);
  return out;
}

// A row of data shows a number or a fraction ("16/21"): a header row shows neither.
const hasNumber = (cells: string[]) =>
  cells.slice(1).some((c) => cellNumber(c) !== null || cellFraction(c) !== null);

export interface FigureTable {
  /** Meaning of each grid column. */
  columns: ColumnMeaning[];
  /** Index of the first data row. */
  body: number;
}

/** Each grid column of a row: whether a cell of its own starts there, spanning one column only. */
function ownCells(row: Row): boolean[] {
  return row.cells.flatMap((c) =>
    Array.from({ length: c.span }, () => c.span === 1 && !c.continued && !!c.text.trim()),
  );
}

/**
 * The header rows (up to three, before any row with a number) and what each column means. A row
 * under the first is a header row only where the first leaves room (a spanning or empty cell
 * above): a row of figures whose value cell is empty ("Thẻ đã cấp | ") starts the body.
 */
export function figureTableOf(table: Table): FigureTable | null {
  const grids = table.rows.map(gridOf);
  let body = 0;
  while (body < Math.min(3, grids.length) && !hasNumber(grids[body]!)) body++;
  const top = table.rows[0] ? ownCells(table.rows[0]) : [];
  for (let r = 1; r < body; r++)
    if (ownCells(table.rows[r]!).some((own, c) => own && top[c])) body = r;
  if (body === 0 || body >= grids.length) return null;
  const width = Math.max(...grids.map((g) => g.length));
  const columns: ColumnMeaning[] = [];
  for (let c = 0; c < width; c++) {
    // A spanning header over sub-headers ("Kết quả" over "Số lượng | Tỷ lệ"): the lowest says most.
    const words = grids.slice(0, body).map((g) => g[c] ?? '');
    const own =
      [...words]
        .reverse()
        .map(meaningOf)
        .find((m) => m !== 'unknown') ?? 'unknown';
    columns.push(own);
  }
  if (!columns.some((m) => m === 'result' || m === 'rate' || m === 'ratio')) return null;
  if (!columns.includes('label')) {
    // The first column of words (not the index) carries the row's label.
    const first = columns.findIndex(
      (m, i) => m === 'unknown' && grids.slice(body).some((g) => /\p{L}{2}/u.test(g[i] ?? '')),
    );
    if (first < 0) return null;
    columns[first] = 'label';
  }
  return { columns, body };
}

interface RowValues {
  label: string;
  unit: string | null;
  result: number | null;
  plan: number | null;
  rate: number | null;
  ratio: { n: number; d: number; pct: number | null } | null;
}

/** The one column of a meaning, or undefined when there is none or more than one (ambiguous). */
function only(columns: ColumnMeaning[], meaning: ColumnMeaning): number | undefined {
  const at = columns.flatMap((m, i) => (m === meaning ? [i] : []));
  return at.length === 1 ? at[0] : undefined;
}

function valuesOf(grid: string[], columns: ColumnMeaning[]): RowValues {
  const cell = (m: ColumnMeaning) => {
    const i = only(columns, m);
    return i === undefined ? '' : (grid[i] ?? '');
  };
  const labelAt = columns.indexOf('label');
  const unit = cell('unit').trim();
  return {
    // A sub-row under "Trong đó:" is typed "- Số hồ sơ …": the dash is no part of its name.
    label: (grid[labelAt] ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[-+•–*]\s*/, ''),
    unit: unit && unit !== '-' ? unit : null,
    result: cellNumber(cell('result')),
    plan: cellNumber(cell('plan')),
    // "TH/KH (%)": a ratio column of single numbers is a rate.
    rate: cellNumber(cell('rate')) ?? cellNumber(cell('ratio')),
    ratio: cellFraction(cell('ratio')) ?? cellFraction(cell('result')),
  };
}

type Figure = Omit<Indicator, 'line' | 'key'> & { kind: 'rate' | 'count' };

const close = (a: number, b: number) => Math.abs(a - b) < 1.5;

const namesShare = (v: RowValues) => /^ty\s*l[e€]\b/.test(fold(v.label));

const shareOf = (v: RowValues, n: number): Figure => ({
  label: v.label,
  value: n,
  unit: '%',
  numerator: null,
  denominator: null,
  kind: 'rate',
});

const countOf = (v: RowValues, n: number): Figure => ({
  label: v.label,
  value: n,
  unit: v.unit,
  numerator: null,
  denominator: null,
  kind: 'count',
});

/**
 * What a row states, as one figure, or null when its numbers do not agree with each other. A
 * result over its plan ("vượt kế hoạch") with a rate that agrees is its result, a count: a rate
 * over 100 % of a plan is no share of anything the catalogue keeps.
 */
export function rowFigure(v: RowValues): Figure | null {
  // A row that measures a share ("Tỷ lệ hồ sơ trực tuyến", unit %): its result is the share; a
  // rate column beside it says how much of the plan was met, which is not that share.
  if (v.unit === '%' && v.result !== null && !v.ratio) return shareOf(v, v.result);
  // Named a share but with no unit to say whether the result is the share or a count of it:
  // beside a plan, or a rate that is not the result, it could be either. Nothing is taken.
  const rated = v.rate ?? v.ratio?.pct ?? null;
  const rateIsResult = rated !== null && v.result !== null && Math.abs(rated - v.result) < 0.005;
  if (namesShare(v) && !v.unit && v.result !== null && (v.plan !== null || rated !== null))
    return rateIsResult ? shareOf(v, v.result) : null;
  const n = v.ratio?.n ?? v.result;
  const d = v.ratio?.d ?? v.plan;
  const fractionPct = n !== null && d ? (n / d) * 100 : null;
  const rate = v.rate ?? v.ratio?.pct ?? null;
  if (rate !== null) {
    if (rate > 1000) return null;
    // A rate beside counts that say otherwise is one of them mistyped: neither is taken.
    if (fractionPct !== null && !close(rate, fractionPct)) return null;
    if (fractionPct !== null && n! > d!) return countOf(v, n!);
    const agree = fractionPct !== null;
    return {
      label: v.label,
      value: rate,
      unit: '%',
      numerator: agree ? n : null,
      denominator: agree ? d : null,
      kind: 'rate',
    };
  }
  if (n === null) return null;
  if (v.unit === '%') return shareOf(v, n);
  if (d && n <= d)
    return { label: v.label, value: n, unit: v.unit, numerator: n, denominator: d, kind: 'rate' };
  return countOf(v, n);
}

/**
 * Every figure a row states: its figure, and beside a rate with no plan to check it against
 * ("Số lượng | Tỷ lệ"), the count in its result column too (two columns, two figures).
 */
export function rowFigures(v: RowValues): Figure[] {
  const f = rowFigure(v);
  if (!f) return [];
  const alone = f.kind === 'rate' && f.numerator === null && v.rate !== null && !v.ratio;
  if (alone && v.result !== null && v.plan === null && v.unit !== '%')
    return [f, countOf(v, v.result)];
  return [f];
}

// A group's label in capitals ("NHÓM CHỈ TIÊU XÃ HỘI SỐ"): three capitals in a row, none small
// (a unit "GB" or an acronym beside small letters is none).
const labelInCapitals = (label: string) =>
  label === label.toLocaleUpperCase('vi') && /\p{Lu}{3}/u.test(label);

/** A group's number in the STT column: "II", "IV.". */
export const ROMAN_MARK = /^[IVXLC]+\.?$/;
const HEADING_MARK = /^(?:[IVXLC]+|[A-ZĐ]|\d{1,2})\s*[.):/-](?:\s|$)/u;

/**
 * A group's heading ("I. Hạ tầng số", "B) Dịch vụ số", "NHÓM CHỈ TIÊU XÃ HỘI SỐ"), whose words
 * say what the rows under it count. A data row the commune left empty is none: taking its words
 * gave the next row the key of another indicator ("… tập huấn kỹ năng số" over "Tài khoản …").
 */
function groupHeading(grid: string[], columns: ColumnMeaning[], label: string): boolean {
  if (!/\p{L}{2}/u.test(label) || hasNumber(grid)) return false;
  const index = (grid[columns.indexOf('index')] ?? '').trim();
  return (
    labelInCapitals(label) ||
    HEADING_MARK.test(label) ||
    ROMAN_MARK.test(index) ||
    /^[A-ZĐ]\.?$/u.test(index)
  );
}

export interface TableFigure {
  figure: Indicator;
  /** The 0-based row the figure stands in. */
  row: number;
}

/**
 * Every figure of a table of figures, with the line its row starts on (`rowLine`). A row without
 * a label of its own (a group heading above it) is read with the group's words for its key.
 */
export function tableFigures(
  table: Table,
  rowLine: (row: number) => number,
  opts: { spansKnown?: boolean } = {},
): TableFigure[] {
  const shape = figureTableOf(table);
  if (!shape) return [];
  // A .doc keeps no spans (word-extractor gives cells, not their widths): a row with fewer cells
  // than the header has merged some, and which ones is unknown. Its figures would stand in the
  // wrong columns ("Số hồ sơ | 120 | 150" read 150 with unit "120"): it gives none.
  const width = shape.columns.length;
  const placed = (row: Row) => opts.spansKnown !== false || gridOf(row).length >= width;
  const out: TableFigure[] = [];
  let group = '';
  table.rows.slice(shape.body).forEach((row, i) => {
    const r = shape.body + i;
    const grid = gridOf(row);
    const v = valuesOf(grid, shape.columns);
    // A label has words: a row of column numbers under the header ("A | B | 1 | 2 | 3=2/1") has none.
    const figures = /\p{L}{2}/u.test(v.label) && placed(row) ? rowFigures(v) : [];
    if (!figures.length && groupHeading(grid, shape.columns, v.label)) group = v.label;
    const folded = fold(`${group} ${v.label} ${v.unit ?? ''}`);
    const target = /(phan\s+dau|muc\s+tieu)/.test(folded);
    const at = row.cells[0]?.paragraphs[0]?.at ?? table.at;
    for (const { kind, ...figure } of figures) {
      const key = target ? null : keyFor(folded, kind);
      const placed = { ...figure, key, line: rowLine(r) };
      out.push({ figure: at.box ? { ...placed, page: at.page, box: at.box } : placed, row: r });
    }
  });
  return out;
}
