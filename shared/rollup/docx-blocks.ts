import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14, margins top/bottom 20 mm,
// left 30 mm, right 15 mm.
export const FONT = 'Times New Roman';
export const SIZE = 28; // half-points: 14 pt
export const MM = 56.7; // twips per millimetre

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

// No font on a run: the document's default (Times New Roman, in styles.xml) is the font of every
// run, and naming it again in each of the country's thousands of table cells was a fifth of the
// DOCX's time (docx builds, then writes out, one object per XML element).
export const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

export interface ParaOpts extends RunOpts {
  align?: Align;
  indent?: boolean;
  after?: number;
  before?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

export const para = (text: string | TextRun[], o: ParaOpts = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent === false ? undefined : { firstLine: 10 * MM },
    pageBreakBefore: o.pageBreakBefore,
    keepNext: o.keepNext,
    children: typeof text === 'string' ? [run(text, o)] : text,
  });

export const centered = (text: string, o: ParaOpts = {}) =>
  para(text, { align: AlignmentType.CENTER, indent: false, after: 0, ...o });

export const heading = (text: string) =>
  para(text, { bold: true, before: 200, after: 120, keepNext: true });

/** A line of empty space: spacing only, never a page of its own. */
export const space = (after: number) => new Paragraph({ spacing: { after }, children: [] });

function cell(text: string, o: RunOpts & { width?: number; align?: Align } = {}) {
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    children: text.split('\n').map(
      (t) =>
        new Paragraph({
          alignment: o.align ?? AlignmentType.LEFT,
          children: [run(t, { size: o.size ?? 24, bold: o.bold, italics: o.italics })],
        }),
    ),
  });
}

/** Column alignment: numbers right, ordinals centred, text left. */
export type ColumnAlign = 'left' | 'right' | 'center';
const ALIGN: Record<ColumnAlign, Align> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

/** A bordered table with a header row repeated on each page; rows never split across pages. */
export function table(
  head: string[],
  rows: string[][],
  widths: number[],
  aligns: ColumnAlign[],
  opts: { boldLast?: boolean } = {},
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // The cells' margins once for the table, not in each cell (the same layout, a smaller file).
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) =>
          cell(h, { bold: true, width: widths[i], align: AlignmentType.CENTER }),
        ),
      }),
      ...rows.map(
        (r, n) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell(c, {
                width: widths[i],
                align: ALIGN[aligns[i] ?? 'left'],
                bold: opts.boldLast && n === rows.length - 1,
              }),
            ),
          }),
      ),
    ],
  });
}

/** Two borderless columns side by side (the header, the signature block). */
export function sideBySide(left: Paragraph[], right: Paragraph[], widths: [number, number]): Table {
  const column = (children: Paragraph[], size: number) =>
    new TableCell({ width: { size, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [column(left, widths[0]), column(right, widths[1])] })],
  });
}
