// A report as Word offices make it: the two-column header in a borderless table, and lines of a
// paragraph kept together with manual line breaks (Shift+Enter) rather than new paragraphs.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  type IRunOptions,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
} from 'docx';
import type { FigureRow, GeneratedReport } from './report-generator.js';

function paragraph(lines: string[]): Paragraph {
  return new Paragraph({
    children: lines.map(
      (text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, font: 'Times New Roman' }),
    ),
  });
}

/**
 * `headerLeft`/`headerRight` go into one table row's two cells; `body` lines are grouped two by
 * two into paragraphs joined by manual breaks.
 */
export async function docxReport(
  headerLeft: string[],
  headerRight: string[],
  body: string[],
): Promise<Buffer> {
  const cell = (lines: string[]) => new TableCell({ children: lines.map((l) => paragraph([l])) });
  const table = new Table({
    rows: [new TableRow({ children: [cell(headerLeft), cell(headerRight)] })],
  });
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < body.length; i += 2) paragraphs.push(paragraph(body.slice(i, i + 2)));
  const doc = new Document({ sections: [{ children: [table, ...paragraphs] }] });
  return Packer.toBuffer(doc);
}

// --- A generated report as Word lays it out ---------------------------------------------------

/** How a generated report is written in Word: each choice a kind the reader must read alike. */
export interface WordStyle {
  /** Typed numerals in the text, or Word's automatic numbering of the headings. */
  numbering: 'typed' | 'word';
  /** Word numbering's top level: its format and label template (lvlText). */
  format: (typeof WORD_FORMATS)[number];
  /** The numbering carried by a heading paragraph style (through basedOn) rather than the paragraph. */
  headingStyle: boolean;
  /** Results' figures as typed lines, or as an indicator table (value, unit, plan, rate columns). */
  figures: 'lines' | 'table';
  /** A footnote on a word of the preamble, a word split over runs, a text box, numbered sub-items. */
  footnote: boolean;
  splitRuns: boolean;
  textBox: boolean;
  subItems: boolean;
}

export const WORD_FORMATS = [
  { format: LevelFormat.UPPER_ROMAN, text: '%1.' },
  { format: LevelFormat.UPPER_ROMAN, text: 'Phần %1.' },
  { format: LevelFormat.UPPER_ROMAN, text: 'PHẦN %1:' },
  { format: LevelFormat.DECIMAL, text: '%1.' },
  { format: LevelFormat.UPPER_LETTER, text: '%1.' },
  { format: LevelFormat.UPPER_ROMAN, text: '%1/' },
] as const;

const run = (text: string, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: 'Times New Roman', ...extra });

/** A word split over runs of different formatting, as Word leaves an edited sentence. */
function splitRuns(text: string): TextRun[] {
  const cut = text.indexOf(' ', Math.floor(text.length / 2));
  if (cut < 3) return [run(text)];
  return [
    run(text.slice(0, cut - 2)),
    run(text.slice(cut - 2, cut), { bold: true }),
    run(text.slice(cut)),
  ];
}

function columnsTable(left: string[], right: string[]): Table {
  const cell = (lines: string[]) =>
    new TableCell({
      children: lines.map(
        (l) => new Paragraph({ children: [run(l)], alignment: AlignmentType.CENTER }),
      ),
    });
  return new Table({ rows: [new TableRow({ children: [cell(left), cell(right)] })] });
}

const vnNumber = (n: number, decimals = 0) => {
  const [i, f] = n.toFixed(decimals).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
};

/** "BIỂU SỐ LIỆU": STT, label, unit, result, plan, rate, one figure a row. */
function figureTable(rows: FigureRow[]): Table {
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph({ children: [run(text)] })] });
  const header = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả thực hiện', 'Kế hoạch', 'Tỷ lệ (%)'];
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: header.map(cell) }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            children: [
              String(i + 1),
              r.label,
              r.unit,
              vnNumber(r.result),
              r.plan === null ? '' : vnNumber(r.plan),
              r.rate === null ? '' : vnNumber(r.rate, 2),
            ].map(cell),
          }),
      ),
    ],
  });
}

const HEADING_STYLE = 'PartHeading';

function headingParagraph(words: string, style: WordStyle): Paragraph {
  const children = [run(words, { bold: true })];
  if (style.numbering === 'typed') return new Paragraph({ children });
  if (style.headingStyle) return new Paragraph({ children, style: HEADING_STYLE });
  return new Paragraph({ children, numbering: { reference: 'parts', level: 0 } });
}

function sectionBlocks(g: GeneratedReport, style: WordStyle) {
  const out: Array<Paragraph | Table> = [];
  const figureLines = new Set(g.parts.figures.map((f) => f.line));
  g.parts.sections.forEach((s) => {
    if (style.numbering === 'typed')
      out.push(...s.typed.map((l) => new Paragraph({ children: [run(l, { bold: true })] })));
    else out.push(headingParagraph(s.words, style));
    if (style.subItems && style.numbering === 'word')
      out.push(
        new Paragraph({
          children: [run('Công tác chỉ đạo, điều hành')],
          numbering: { reference: 'parts', level: 1 },
        }),
      );
    const figures = s.lines.filter((l) => figureLines.has(l));
    for (const l of s.lines) {
      if (figureLines.has(l) && style.figures === 'table') continue;
      if (figureLines.has(l) && style.subItems)
        out.push(
          new Paragraph({
            children: [run(l.replace(/^- /, ''))],
            numbering: { reference: 'bullets', level: 0 },
          }),
        );
      else out.push(new Paragraph({ children: style.splitRuns ? splitRuns(l) : [run(l)] }));
    }
    if (figures.length && style.figures === 'table')
      out.push(
        figureTable(g.parts.figures.filter((f) => figures.includes(f.line)).map((f) => f.row)),
      );
  });
  return out;
}

/**
 * A generated report written as a Word office writes it: the header and the signature in
 * borderless two-column tables, the headings numbered by Word (or typed), the figures as lines
 * or as an indicator table, a footnote, split runs, a text box. Its truth is the report's.
 */
export async function wordReport(g: GeneratedReport, style: WordStyle): Promise<Buffer> {
  const { parts } = g;
  const level0 = { level: 0, ...style.format, alignment: AlignmentType.START };
  const level1 = {
    level: 1,
    format: LevelFormat.DECIMAL,
    text: '%2.',
    alignment: AlignmentType.START,
  };
  const preamble = style.footnote
    ? [run(parts.preamble.slice(0, 30)), new FootnoteReferenceRun(1), run(parts.preamble.slice(30))]
    : [run(parts.preamble)];
  const recipient = new Paragraph({ children: [run(parts.recipient)] });
  const children: Array<Paragraph | Table> = [
    columnsTable(parts.headerLeft, parts.headerRight),
    ...parts.title.map(
      (t, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            run(t, { bold: true }),
            ...(style.textBox && i === parts.title.length - 1
              ? [new Textbox({ children: [recipient], style: { width: '4in', height: '0.5in' } })]
              : []),
          ],
        }),
    ),
    ...(style.textBox ? [] : [recipient]),
    new Paragraph({ children: preamble }),
    ...sectionBlocks(g, style),
    new Paragraph({ children: [run(parts.closing)] }),
    columnsTable(parts.signatureLeft, parts.signatureRight),
  ];
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'parts', levels: [level0, level1] },
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        {
          id: 'PartBase',
          name: 'Part Base',
          run: { bold: true },
          paragraph: { numbering: { reference: 'parts', level: 0 } },
        },
        { id: HEADING_STYLE, name: 'Part Heading', basedOn: 'PartBase' },
      ],
    },
    footnotes: style.footnote
      ? { 1: { children: [new Paragraph('Số liệu tính đến hết kỳ báo cáo.')] } }
      : {},
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
