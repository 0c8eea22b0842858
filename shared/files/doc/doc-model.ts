import {
  type Block,
  type Cell,
  type Document,
  type Footnote,
  type Paragraph,
  plainParagraph,
  type Row,
} from '../../schemas/document.js';
import type { Numbering } from '../word-numbering.js';
import { type DocListBytes, type DocListRef, docNumbering, numberedMarks } from './doc-lists.js';
import { CELL_PARAGRAPH, type DocStories } from './doc-worker.js';

// The stories of a Word 97–2003 file (doc-worker.ts) as the document model: paragraphs, tables
// of rows of cells from Word's cell and row marks, footnotes apart with their marks, page headers
// and footers and text boxes as margins (a .doc does not say where a text box is anchored, and a
// line put in the wrong place is worse than one set apart). Word's automatic numbering labels
// are not in a .doc's text: they are computed from its list tables (doc-lists.ts) for the
// paragraphs whose marks the worker found numbered, in the body's order as Word counts them.

/**
 * Each character shown with its position in the story: a field's result kept, its instruction
 * dropped ("\x13 PAGE \x14 3\x15" reads "3"), nested too. Positions are UTF-16 units, Word's CPs.
 */
function* shownChars(text: string): Generator<[string, number]> {
  const open: boolean[] = [];
  let inside = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\x13') {
      open.push(true);
      inside++;
    } else if (ch === '\x14') {
      if (open.at(-1) === true) inside--;
      if (open.length) open[open.length - 1] = false;
    } else if (ch === '\x15') {
      if (open.pop() === true) inside--;
    } else if (inside === 0) yield [ch, i];
  }
}

/** A field's result kept, its instruction dropped ("\x13 PAGE \x14 3\x15" reads "3"), nested too. */
export function withoutFieldCodes(text: string): string {
  let out = '';
  for (const [ch] of shownChars(text)) out += ch;
  return out;
}

/** Word's special characters inside a paragraph: a line break, hyphens; objects and marks go. */
function inlineText(raw: string): string {
  let out = '';
  for (const ch of raw) {
    if (ch === '\x0b') out += '\n';
    else if (ch === '\x1e') out += '-';
    else if (ch === '\t' || ch === '\n' || ch >= ' ') out += ch;
  }
  return out.replace(/[ \t]+$/gm, '');
}

/** Word's marks that end a paragraph, a cell or a row, or break a page, outside the body. */
const STORY_BREAKS = new Set(['\r', '\x07', '\n', '\x0c', CELL_PARAGRAPH]);

function storyParts(raw: string): string[] {
  const parts: string[] = [''];
  for (const ch of raw) {
    if (STORY_BREAKS.has(ch)) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

class Builder {
  readonly blocks: Block[] = [];
  page = 1;
  notes = 0;
  /** The list of the paragraph being read, when Word numbers it. */
  list: DocListRef | undefined;
  private text = '';
  private marks: string[] = [];
  private cell: Paragraph[] = [];
  private row: Cell[] = [];
  private rows: Row[] = [];

  char(ch: string): void {
    if (ch === '\x02') this.marks.push(String(++this.notes));
    else this.text += ch;
  }

  constructor(private readonly numbering: Numbering | null) {}

  private paragraph(): Paragraph | null {
    const text = inlineText(this.text);
    const marks = this.marks;
    const list = this.list;
    this.text = '';
    this.marks = [];
    this.list = undefined;
    // Word counts a numbered paragraph even when it is empty, as it shows its label.
    const numbered = list ? this.numbering?.next(String(list.ilfo), list.ilvl) : null;
    if (!text.trim() && !marks.length && !numbered?.label) return null;
    const paragraph = { ...plainParagraph(text, { page: this.page, line: 1 }), notes: marks };
    if (!numbered) return paragraph;
    const { label, list: id, level, format } = numbered;
    return { ...paragraph, label, level, numbering: { list: id, level, format } };
  }

  /** "\r": a body paragraph (a table before it is complete). */
  endParagraph(): void {
    const p = this.paragraph();
    if (this.cell.length || this.row.length) {
      // A body paragraph inside an unfinished row: the file lacks the row's end mark.
      this.endRow();
    }
    this.endTable();
    if (p) this.blocks.push(p);
  }

  /** A paragraph Word marks as in a table, not the cell's last. */
  cellParagraph(): void {
    const p = this.paragraph();
    if (p) this.cell.push(p);
  }

  endCell(): void {
    this.cellParagraph();
    const paragraphs = this.cell;
    this.cell = [];
    const text = paragraphs.map((p) => p.text).join('\n');
    this.row.push({ text, paragraphs, span: 1, continued: false });
  }

  endRow(): void {
    if (this.text.trim() || this.cell.length) this.endCell();
    this.text = '';
    if (this.row.length) this.rows.push({ cells: this.row, header: false });
    this.row = [];
  }

  endTable(): void {
    if (!this.rows.length) return;
    const at = this.rows[0]!.cells.find((c) => c.paragraphs[0])?.paragraphs[0]?.at;
    this.blocks.push({
      kind: 'table',
      rows: this.rows,
      caption: null,
      at: at ?? { page: this.page, line: 1 },
    });
    this.rows = [];
  }

  pageBreak(): void {
    this.endParagraph();
    this.page++;
    this.blocks.push({ kind: 'pageBreak', at: { page: this.page, line: 1 } });
  }
}

const PARAGRAPH_ENDS = new Set(['\r', CELL_PARAGRAPH, '\x07']);

/**
 * The body story as blocks; `notes` counts the footnote marks met (numbered 1, 2, … as Word
 * does). `lists`: the numbering and the numbered paragraphs by the position of their mark.
 */
export function bodyBlocks(
  raw: string,
  lists?: { numbering: Numbering | null; marks: Map<number, DocListRef> },
): { blocks: Block[]; notes: number } {
  const b = new Builder(lists?.numbering ?? null);
  for (const [ch, cp] of shownChars(raw)) {
    if (PARAGRAPH_ENDS.has(ch)) b.list = lists?.marks.get(cp);
    if (ch === '\r') b.endParagraph();
    else if (ch === CELL_PARAGRAPH) b.cellParagraph();
    else if (ch === '\x07') b.endCell();
    else if (ch === '\n') b.endRow();
    else if (ch === '\x0c') b.pageBreak();
    else b.char(ch);
  }
  b.endParagraph();
  // A trailing page break (the section's end) opens no page of its own.
  while (b.blocks.at(-1)?.kind === 'pageBreak') b.blocks.pop();
  return { blocks: b.blocks, notes: b.notes };
}

/** The footnote story: each note starts at its mark ("\x02") and runs to the next. */
export function storyNotes(raw: string, endnote: boolean, count: number): Footnote[] {
  const parts = withoutFieldCodes(raw).split('\x02').slice(1);
  return parts.slice(0, count).flatMap((part, i) => {
    const text = inlineText(storyParts(part).join('\n')).trim();
    if (!text) return [];
    return [
      { kind: 'footnote' as const, mark: String(i + 1), endnote, text, at: { page: 1, line: 1 } },
    ];
  });
}

/** Headers, footers and text boxes: each paragraph or cell apart, none of the body's lines. */
function marginParagraphs(raw: string): Paragraph[] {
  return storyParts(withoutFieldCodes(raw))
    .map((t) => inlineText(t).trim())
    .filter(Boolean)
    .map((t) => plainParagraph(t, { page: 1, line: 1 }));
}

export function docDocument(stories: DocStories, lists?: DocListBytes): Document {
  const numbering = lists ? docNumbering(lists) : null;
  const body = bodyBlocks(stories.body, lists && { numbering, marks: numberedMarks(lists) });
  const notes = [
    ...storyNotes(stories.footnotes, false, body.notes),
    ...storyNotes(stories.endnotes, true, body.notes),
  ];
  return {
    format: 'doc',
    blocks: body.blocks,
    notes,
    margins: [
      ...marginParagraphs(stories.headers),
      ...marginParagraphs(stories.footers),
      ...marginParagraphs(stories.textboxes),
    ],
  };
}
