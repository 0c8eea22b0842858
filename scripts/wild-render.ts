// Writes a document of scripts/wild-generator.ts the ways it reaches the Department: plain text
// (columns padded side by side, tabbed, stacked, copied out of a web page's table cells, or
// wrapped short with blank lines as a PDF's text comes out), DOCX (header and signature in
// borderless tables, headings and sub-items numbered by a real multi-level Word list or typed,
// figures in a table) and PDF (the two columns side by side, headings in a larger bold font).
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import { collect } from './report-files.js';
import type { Rng } from './report-generator.js';
import type { WildBlock, WildDoc } from './wild-generator.js';

export const TEXT_MODES = ['side', 'tabbed', 'stacked', 'web-cells', 'wrapped'] as const;
export type TextMode = (typeof TEXT_MODES)[number];

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

function columnLines(b: Extract<WildBlock, { t: 'columns' }>, mode: TextMode): string[] {
  const { left, right } = b;
  if (mode === 'stacked' || mode === 'wrapped') return [...left, ...right];
  if (mode === 'web-cells') return [...left, '|', ...right, '|'];
  const out: string[] = [];
  // A signature column starts a line below "Nơi nhận:" as often as on its line.
  const shift = b.role === 'signature' && left.length > right.length ? right.length % 2 : 0;
  for (let i = 0; i < Math.max(left.length, right.length + shift); i++) {
    const l = left[i] ?? '';
    const r = right[i - shift] ?? '';
    out.push((mode === 'tabbed' ? `${l}\t\t${r}` : `${l.padEnd(46)}${r}`).trimEnd());
  }
  return out;
}

function blockLines(b: WildBlock, mode: TextMode): string[] {
  switch (b.t) {
    case 'columns':
      return columnLines(b, mode);
    case 'p':
      return mode === 'wrapped' ? wrap(b.text, 78) : [b.text];
    case 'heading':
      if (b.labelAlone && b.label) return [b.label, b.words];
      return [b.label ? `${b.label} ${b.words}` : b.words];
    case 'sub':
      return mode === 'wrapped' ? wrap(`${b.label} ${b.text}`, 78) : [`${b.label} ${b.text}`];
    case 'table':
      return b.rows.map((r) => (mode === 'web-cells' ? `| ${r.join(' | ')} |` : r.join('\t')));
  }
}

/** The document as plain text in one of the ways offices and converters lay it out. */
export function wildText(d: WildDoc, mode: TextMode): string {
  const lines: string[] = [];
  for (const b of d.blocks) {
    lines.push(...blockLines(b, mode));
    if (b.t === 'columns' && b.role === 'header') lines.push('');
  }
  // Text taken out of a PDF often comes with a blank line after every line.
  return mode === 'wrapped' ? lines.map((l) => `${l} `).join('\n\n') : lines.join('\n');
}

export function pickTextMode(rng: Rng): TextMode {
  return TEXT_MODES[Math.floor(rng() * TEXT_MODES.length)]!;
}

// --- DOCX --------------------------------------------------------------------------------------

const FONT = 'Times New Roman';
const run = (text: string, bold = false) => new TextRun({ text, font: FONT, bold, size: 26 });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

function columnsTable(b: Extract<WildBlock, { t: 'columns' }>): Table {
  const cell = (lines: string[], bold: boolean) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map(
        (l, i) =>
          new Paragraph({
            children: [run(l, bold && i < 2)],
            alignment: b.role === 'signature' && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
          }),
      ),
    });
  return new Table({
    borders: NO_BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell(b.left, b.role === 'header'), cell(b.right, true)] })],
  });
}

function dataTable(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map(
            (c) => new TableCell({ children: [new Paragraph({ children: [run(c, i === 0)] })] }),
          ),
        }),
    ),
  });
}

/** Word's format for a heading form; null where the label is typed (Word has no "Phần thứ …"). */
function wordLevel(
  label: string,
): { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string } | null {
  const m = /^(PHẦN )?([IVX]+|[A-F])([.\-/])$/.exec(label);
  if (!m) return null;
  const letter = /^[A-F]$/.test(m[2]!) && m[2] !== 'I' && m[2] !== 'V' && m[2] !== 'X';
  return {
    format: letter ? LevelFormat.UPPER_LETTER : LevelFormat.UPPER_ROMAN,
    text: `${m[1] ?? ''}%1${m[3]}`,
  };
}

export type DocxNumbering = 'word' | 'typed';

/** The document as a DOCX; with 'word', headings and sub-items carry Word's list numbering. */
export async function wildDocx(d: WildDoc, numbering: DocxNumbering): Promise<Buffer> {
  const firstHeading = d.blocks.find((b) => b.t === 'heading');
  const level0 =
    firstHeading?.t === 'heading' && firstHeading.label ? wordLevel(firstHeading.label) : null;
  const subLetter = d.blocks.some((b) => b.t === 'sub' && b.label.endsWith(')'));
  const useWord = numbering === 'word';
  let section = 0;
  const children: Array<Paragraph | Table> = [];
  for (const b of d.blocks) {
    if (b.t === 'columns') children.push(columnsTable(b));
    else if (b.t === 'table') children.push(dataTable(b.rows));
    else if (b.t === 'p')
      children.push(
        new Paragraph({
          children: [run(b.text, b.bold)],
          alignment: b.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
        }),
      );
    else if (b.t === 'heading') {
      section++;
      if (useWord && level0)
        children.push(
          new Paragraph({
            children: [run(b.words, true)],
            numbering: { reference: 'parts', level: 0 },
          }),
        );
      else if (b.labelAlone && b.label) {
        children.push(
          new Paragraph({ children: [run(b.label, true)], alignment: AlignmentType.CENTER }),
        );
        children.push(
          new Paragraph({ children: [run(b.words, true)], alignment: AlignmentType.CENTER }),
        );
      } else
        children.push(
          new Paragraph({ children: [run(b.label ? `${b.label} ${b.words}` : b.words, true)] }),
        );
    } else if (useWord)
      children.push(
        new Paragraph({
          children: [run(b.text, b.level === 1)],
          numbering: { reference: 'subs', level: b.level - 1, instance: section },
        }),
      );
    else children.push(new Paragraph({ children: [run(`${b.label} ${b.text}`, b.level === 1)] }));
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [{ level: 0, ...(level0 ?? { format: LevelFormat.UPPER_ROMAN, text: '%1.' }) }],
        },
        {
          reference: 'subs',
          levels: [
            subLetter
              ? { level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)' }
              : { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

// --- PDF ---------------------------------------------------------------------------------------

const PDF_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const PDF_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';

/** The document as a PDF text layer: columns side by side, headings larger and bold. */
export function wildPdf(d: WildDoc): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56 });
  const text = (s: string, o: { bold?: boolean; size?: number; center?: boolean } = {}) => {
    pdf.font(o.bold ? PDF_BOLD : PDF_REGULAR).fontSize(o.size ?? 11);
    pdf.text(s || ' ', 56, undefined, { width: 483, align: o.center ? 'center' : 'left' });
  };
  for (const b of d.blocks) {
    if (b.t === 'columns') {
      if (pdf.y > 650) pdf.addPage();
      const top = pdf.y;
      pdf.font(PDF_REGULAR).fontSize(10);
      const place = (l: string, x: number, i: number) => {
        pdf.text(l || ' ', x, top + i * 14, { width: 230, align: 'center', lineBreak: false });
      };
      for (const [i, l] of b.left.entries()) place(l, 56, i);
      for (const [i, r] of b.right.entries()) place(r, 300, i);
      pdf.y = top + Math.max(b.left.length, b.right.length) * 14 + 10;
    } else if (b.t === 'table') {
      for (const r of b.rows) {
        if (pdf.y > 760) pdf.addPage();
        const top = pdf.y;
        const xs = [56, 86, 280, 350, 430];
        pdf.font(PDF_REGULAR).fontSize(10);
        r.forEach((c, i) => {
          pdf.text(c || ' ', xs[i]!, top, { width: i === 1 ? 190 : 70, lineBreak: false });
        });
        pdf.y = top + 16;
      }
    } else if (b.t === 'heading') {
      if (b.labelAlone && b.label) text(b.label, { bold: true, size: 13, center: true });
      text(b.labelAlone || !b.label ? b.words : `${b.label} ${b.words}`, { bold: true, size: 13 });
    } else if (b.t === 'sub') text(`${b.label} ${b.text}`, { bold: b.level === 1 });
    else text(b.text, { bold: b.bold, center: b.center });
  }
  return collect(pdf);
}
