// A report as Word offices make it: the two-column header in a borderless table, and lines of a
// paragraph kept together with manual line breaks (Shift+Enter) rather than new paragraphs.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

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
