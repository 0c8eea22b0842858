import type { Block, Cell, Document, Paragraph, Row, Table } from '../schemas/document.js';

// The document model rendered as the lines of text the line reader scans, and the line each block
// starts on. One rule for every format, so that a figure's line in the model and in the text agree.

/** A paragraph as shown: its numbering label, then its text (in capitals when formatted so). */
export function shownText(p: Paragraph): string {
  const text = p.caps ? p.text.toLocaleUpperCase('vi') : p.text;
  return p.label ? `${p.label} ${text}` : text;
}

const linesOf = (p: Paragraph) => shownText(p).split('\n');

/** A row whose cells are one line each reads as one line, cells apart by tabs (as typed in text). */
function isFlatRow(row: Row): boolean {
  return row.cells.every(
    (c) => c.paragraphs.length <= 1 && !c.paragraphs.some((p) => p.text.includes('\n')),
  );
}

const cellLine = (c: Cell) => (c.continued || !c.paragraphs[0] ? '' : shownText(c.paragraphs[0]));

class Lines {
  readonly out: string[] = [];
  /** The 1-based line the next block starts on, at least the line it declares (blank lines kept). */
  start(declared: number): number {
    while (this.out.length + 1 < declared) this.out.push('');
    return this.out.length + 1;
  }
}

function layParagraph(p: Paragraph, lines: Lines): Paragraph {
  const line = lines.start(p.at.line);
  lines.out.push(...linesOf(p));
  return { ...p, at: { ...p.at, line } };
}

function layRow(row: Row, lines: Lines): Row {
  if (isFlatRow(row)) {
    const line = lines.out.length + 1;
    lines.out.push(row.cells.map(cellLine).join('\t'));
    const at = (p: Paragraph) => ({ ...p, at: { ...p.at, line } });
    return { ...row, cells: row.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(at) })) };
  }
  // Cell after cell, each paragraph its own line: a header table's two columns stay apart.
  const cells = row.cells.map((c) =>
    c.continued ? c : { ...c, paragraphs: c.paragraphs.map((p) => layParagraph(p, lines)) },
  );
  return { ...row, cells };
}

function layTable(t: Table, lines: Lines): Table {
  const line = lines.start(t.at.line);
  const rows = t.rows.map((r) => layRow(r, lines));
  return { ...t, rows, at: { ...t.at, line } };
}

function layBlock(b: Block, lines: Lines): Block {
  switch (b.kind) {
    case 'paragraph':
      return layParagraph(b, lines);
    case 'table':
      return layTable(b, lines);
    case 'pageBreak':
      return { ...b, at: { ...b.at, line: lines.start(b.at.line) } };
  }
}

/**
 * The body's text (footnotes and page headers apart: they never interrupt a sentence), and the
 * document with each block's `at.line` set to where it starts in that text. A block that declares
 * a later line (plain text: the line of the file) is preceded by blank lines up to it.
 */
export function layoutDocument(doc: Document): { text: string; document: Document } {
  const lines = new Lines();
  const blocks = doc.blocks.map((b) => layBlock(b, lines));
  const laid = { text: lines.out.join('\n'), document: { ...doc, blocks } };
  laidOut.set(laid.document, laid.text);
  return laid;
}

/**
 * The text of each document this module laid out: laying it out again gives the same text (every
 * block already starts on the line it declares), so the decoders' documents are not walked twice.
 */
const laidOut = new WeakMap<Document, string>();

/** The body's text as the line reader reads it. */
export const documentText = (doc: Document): string => laidOut.get(doc) ?? layoutDocument(doc).text;
