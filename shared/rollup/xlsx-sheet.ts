import { wrappedLines } from './wrapped-lines.js';
import {
  type CellValue,
  type Column,
  columnLetters,
  type Format,
  MAIN_NS,
  MC_NS,
  NUM_FMT,
  REL_NS,
  type Styles,
  X14AC_NS,
  XML_HEAD,
  xmlText,
} from './xlsx-xml.js';
import { type DeflatedPart, PartWriter } from './zip-parts.js';

/** Points per line of the sheet's 11 pt text, and the most lines a row is made tall for. */
const LINE_POINTS = 15;
const MAX_LINES = 27;
/** Days from Excel's epoch (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/** A column as written: its letters, key, format id and whether it wraps. */
interface Col {
  letters: string;
  key: string;
  width: number;
  format: Format | undefined;
  style: number;
}

/** One sheet's XML, written row by row; `wrappedLines` sizes rows with wrapped text. */
export class SheetWriter {
  private readonly out: PartWriter;
  private readonly cols: Col[];
  private readonly wrapped: Col[];
  private row = 1;

  constructor(
    readonly name: string,
    part: string,
    columns: Column[],
    private readonly styles: Styles,
    tallHeader: boolean,
  ) {
    this.out = new PartWriter(part);
    this.cols = columns.map(([, key, width, format], i) => ({
      letters: columnLetters(i + 1),
      key,
      width,
      format,
      style: styles.id(
        format && format !== 'wrap' ? NUM_FMT[format] : undefined,
        false,
        format === 'wrap',
      ),
    }));
    this.wrapped = this.cols.filter((c) => c.format === 'wrap');
    this.out.write(this.open(columns));
    this.header(columns, tallHeader);
  }

  /** Landscape when the columns are wider than a portrait A4 page holds. */
  private open(columns: Column[]): string {
    const merged: string[] = [];
    this.cols.forEach((c, i) => {
      const prev = this.cols[i - 1];
      if (prev && prev.width === c.width && prev.format === c.format) {
        merged[merged.length - 1] = merged.at(-1)!.replace(/max="\d+"/, `max="${i + 1}"`);
        return;
      }
      merged.push(
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${c.style}" customWidth="1"/>`,
      );
    });
    this.landscape = columns.reduce((a, c) => a + c[2], 0) > 100;
    return (
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" ` +
      `mc:Ignorable="x14ac" xmlns:x14ac="${X14AC_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" ' +
      'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" ' +
      `x14ac:dyDescent="55"/><cols>${merged.join('')}</cols><sheetData>`
    );
  }

  private landscape = false;

  /** The header row: bold, wrapped, as tall as its longest title. */
  private header(columns: Column[], tall: boolean): void {
    const rowStyle = this.styles.id(undefined, true, true);
    // Bold letters are wider: a column is counted one character narrower.
    const lines = Math.max(...columns.map(([header, , width]) => wrappedLines(header, width - 1)));
    const height = Math.max(tall ? 60 : 0, Math.min(lines, MAX_LINES) * LINE_POINTS);
    const cells = this.cols.map((c, i) => {
      const s = this.styles.id(
        c.format && c.format !== 'wrap' ? NUM_FMT[c.format] : undefined,
        true,
        true,
      );
      return `<c r="${c.letters}1" s="${s}" t="str"><v>${xmlText(columns[i]![0])}</v></c>`;
    });
    this.out.write(
      `<row r="1" ht="${height}" customHeight="1" spans="1:${this.cols.length}" s="${rowStyle}" ` +
        `customFormat="1" x14ac:dyDescent="0.25">${cells.join('')}</row>`,
    );
  }

  /**
   * A row of values by column key; `formats` changes a cell's number format. A row with wrapped
   * text is made tall enough for it: LibreOffice (and Excel on a file it did not lay out) does not
   * grow rows by itself, and a long quote ran over the rows below.
   */
  add(values: Readonly<Record<string, unknown>>, formats: Record<string, Format> = {}): void {
    const r = ++this.row;
    let lines = 1;
    for (const c of this.wrapped)
      lines = Math.max(lines, wrappedLines(String(values[c.key] ?? ''), c.width));
    let cells = '';
    let min = 0;
    let max = 0;
    this.cols.forEach((c, i) => {
      const f = formats[c.key];
      // A cell given a format exists even without a value (a styled blank, as exceljs wrote it).
      const v = cellValue(values[c.key], c.key) ?? (f && f !== 'wrap' ? null : undefined);
      if (v === undefined) return;
      const s =
        f && f !== 'wrap' ? this.styles.id(NUM_FMT[f], false, c.format === 'wrap') : c.style;
      if (!min) min = i + 1;
      max = i + 1;
      cells += cell(`${c.letters}${r}`, s, v);
    });
    if (!cells && lines <= 1) return;
    const ht =
      lines > 1 ? ` ht="${Math.min(lines, MAX_LINES) * LINE_POINTS}" customHeight="1"` : '';
    const spans = min ? ` spans="${min}:${max}"` : '';
    this.out.write(
      cells
        ? `<row r="${r}"${ht}${spans} x14ac:dyDescent="0.25">${cells}</row>`
        : `<row r="${r}"${ht} x14ac:dyDescent="0.25"/>`,
    );
  }

  /** The sheet's part, its rows deflated as they were added. */
  end(): Promise<DeflatedPart> {
    const last = this.cols.at(-1)!.letters;
    this.out.write(
      `</sheetData><autoFilter ref="A1:${last}1"/>` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        `<pageSetup paperSize="9" orientation="${this.landscape ? 'landscape' : 'portrait'}" ` +
        'horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>' +
        '</worksheet>',
    );
    return this.out.end();
  }
}

/** Only strings, numbers, dates and null are cells (the columns' keys pick them from a row). */
function cellValue(v: unknown, key: string): CellValue {
  if (
    v === undefined ||
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    v instanceof Date
  )
    return v;
  throw new TypeError(`XLSX cell "${key}": not a string, number or date`);
}

/** One cell: text as a string (never a formula), a number, a date as Excel's day number. */
function cell(ref: string, s: number, v: Exclude<CellValue, undefined>): string {
  if (v === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'string') return `<c r="${ref}" s="${s}" t="str"><v>${xmlText(v)}</v></c>`;
  const n = typeof v === 'number' ? v : EXCEL_EPOCH_DAYS + v.getTime() / 86_400_000;
  return `<c r="${ref}" s="${s}"><v>${n}</v></c>`;
}
