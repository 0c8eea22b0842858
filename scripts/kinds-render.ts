// Writes a document of scripts/kinds-generator.ts as a commune office would send it: plain text
// (header and signature columns padded side by side or stacked), DOCX (the two columns in
// borderless tables, headings numbered by Word, typed, or set apart by bold capitals alone,
// figures in a real table) or a PDF text layer (headings in a larger bold font).
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { KindBlock, KindDoc } from './kinds-generator.js';
import { collect } from './report-files.js';
import type { Rng } from './report-generator.js';

export type ColumnLayout = 'side' | 'stacked';

function columnLines(left: string[], right: string[], layout: ColumnLayout): string[] {
  if (layout === 'stacked') return [...left, ...right];
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    out.push(`${(left[i] ?? '').padEnd(44)}${right[i] ?? ''}`.trimEnd());
  return out;
}

function blockLines(b: KindBlock, layout: ColumnLayout): string[] {
  switch (b.t) {
    case 'p':
      return [b.text];
    case 'heading':
      return [b.label ? `${b.label} ${b.words}` : b.words];
    case 'columns':
      return columnLines(b.left, b.right, layout);
    case 'table':
      return b.rows.map((r) => r.join('\t'));
  }
}

/** The document as plain text; a blank line after the header, as typists leave one. */
export function kindText(d: KindDoc, rng: Rng): string {
  const layout: ColumnLayout = rng() < 0.6 ? 'side' : 'stacked';
  const lines: string[] = [];
  d.blocks.forEach((b, i) => {
    lines.push(...blockLines(b, layout));
    if (i === 0) lines.push('');
  });
  return lines.join('\n');
}

const FONT = 'Times New Roman';
const sentenceCase = (s: string) => {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};
const run = (text: string, bold = false) => new TextRun({ text, font: FONT, bold });

function columnsTable(left: string[], right: string[]): Table {
  const cell = (lines: string[]) =>
    new TableCell({
      children: lines.map(
        (l) => new Paragraph({ children: [run(l)], alignment: AlignmentType.CENTER }),
      ),
    });
  return new Table({ rows: [new TableRow({ children: [cell(left), cell(right)] })] });
}

function tableOf(rows: string[][]): Table {
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph({ children: [run(text)] })] });
  return new Table({
    rows: rows.map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map(cell) })),
  });
}

const WORD_LEVEL = {
  roman: { format: LevelFormat.UPPER_ROMAN, text: '%1.' },
  part: { format: LevelFormat.UPPER_ROMAN, text: 'PHẦN %1.' },
  decimal: { format: LevelFormat.DECIMAL, text: '%1.' },
  letter: { format: LevelFormat.UPPER_LETTER, text: '%1.' },
} as const;

function headingParagraph(d: KindDoc, b: Extract<KindBlock, { t: 'heading' }>): Paragraph {
  if (d.headingStyle === 'word')
    return new Paragraph({
      children: [run(b.words, true)],
      numbering: { reference: 'parts', level: 0 },
    });
  if (d.headingStyle === 'typed')
    return new Paragraph({ children: [run(`${b.label} ${b.words}`, true)] });
  // Bold alone: in capitals as typed, typed in lower case and shown in capitals by formatting,
  // or in sentence case and centred.
  const way = b.words.length % 3;
  if (way === 2)
    return new Paragraph({
      children: [run(sentenceCase(b.words), true)],
      alignment: AlignmentType.CENTER,
    });
  const text = way === 0 ? b.words.toLocaleLowerCase('vi') : b.words;
  return new Paragraph({
    children: [new TextRun({ text, font: FONT, bold: true, allCaps: way === 0 })],
  });
}

/** The document as a DOCX. */
export async function kindDocx(d: KindDoc): Promise<Buffer> {
  const level = WORD_LEVEL[d.scheme];
  const children = d.blocks.map((b) => {
    if (b.t === 'columns') return columnsTable(b.left, b.right);
    if (b.t === 'table') return tableOf(b.rows);
    if (b.t === 'heading') return headingParagraph(d, b);
    return new Paragraph({
      children: [run(b.text, b.bold)],
      alignment: b.center ? AlignmentType.CENTER : undefined,
    });
  });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'parts', levels: [{ level: 0, ...level, alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

const PDF_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PDF_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** The document as a PDF with a text layer: headings larger and bold, columns stacked. */
export function kindPdf(d: KindDoc): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56 });
  const line = (text: string, heading = false) => {
    pdf.font(heading ? PDF_BOLD : PDF_REGULAR).fontSize(heading ? 13 : 11);
    pdf.text(text || ' ');
  };
  for (const b of d.blocks) {
    // Bold alone, half in sentence case: then only the larger font tells a heading.
    const words = b.t === 'heading' && b.words.length % 2 ? sentenceCase(b.words) : '';
    if (b.t === 'heading') line(b.label ? `${b.label} ${b.words}` : words || b.words, true);
    else if (b.t === 'table') for (const r of b.rows) line(r.join('     '));
    else for (const l of blockLines(b, 'stacked')) line(l, b.t === 'p' && b.bold === true);
  }
  return collect(pdf);
}
