import type { Block, Document, Footnote, Paragraph } from '../../schemas/document.js';
import { shownText } from '../document-text.js';
import { type BodyContext, readBlocks } from './body.js';
import { docxNumbering } from './numbering.js';
import { readStyles } from './styles.js';
import { child, children, type XmlNode } from './xml-tree.js';

// The parts of a .docx (already parsed into trees) as one document model.

/** A note's blocks as one text: paragraphs on lines, table rows as lines of tab-apart cells. */
function noteText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(shownText(b));
    else if (b.kind === 'table')
      for (const r of b.rows) lines.push(r.cells.map((c) => c.text).join('\t'));
  }
  return lines.join('\n').trim();
}

/** Footnotes and endnotes that the body refers to, in the order of their marks. */
function readNotes(trees: Map<string, XmlNode>, ctx: BodyContext): Footnote[] {
  const notes: Footnote[] = [];
  for (const [part, root, element, endnote] of [
    ['word/footnotes.xml', 'w:footnotes', 'w:footnote', false],
    ['word/endnotes.xml', 'w:endnotes', 'w:endnote', true],
  ] as const) {
    for (const n of children(child(trees.get(part), root), element)) {
      const mark = ctx.noteMarks.get(`${endnote ? 'e' : 'f'}${n.attrs['w:id'] ?? ''}`);
      if (!mark) continue;
      const text = noteText(readBlocks(n.kids, { ...ctx, page: 1 }));
      notes.push({ kind: 'footnote', mark, endnote, text, at: { page: 1, line: 1 } });
    }
  }
  const order = [...ctx.noteMarks.values()];
  return notes.sort((a, b) => order.indexOf(a.mark) - order.indexOf(b.mark));
}

/** Page headers and footers as paragraphs (a table in one reads row by row). */
function readMargins(trees: Map<string, XmlNode>, ctx: BodyContext): Paragraph[] {
  const out: Paragraph[] = [];
  const names = [...trees.keys()].filter((k) => /^word\/(header|footer)\d*\.xml$/.test(k)).sort();
  for (const name of names) {
    const root = child(trees.get(name), 'w:hdr') ?? child(trees.get(name), 'w:ftr');
    for (const b of readBlocks(root?.kids ?? [], { ...ctx, page: 1 })) {
      if (b.kind === 'paragraph') out.push(b);
      else if (b.kind === 'table')
        for (const r of b.rows) for (const c of r.cells) out.push(...c.paragraphs);
    }
  }
  return out;
}

export function documentOf(trees: Map<string, XmlNode>): Document {
  const styles = readStyles(trees.get('word/styles.xml'));
  const numbering = docxNumbering(trees.get('word/numbering.xml'), styles.numberingStyle);
  const ctx: BodyContext = {
    styles,
    numbering,
    noteMarks: new Map(),
    footnotes: 0,
    endnotes: 0,
    page: 1,
  };
  const body = child(child(trees.get('word/document.xml'), 'w:document'), 'w:body');
  const blocks = readBlocks(body?.kids ?? [], ctx);
  // Notes and margins read with counters of their own: they never advance the body's numbering.
  const apart = {
    ...ctx,
    numbering: docxNumbering(trees.get('word/numbering.xml'), styles.numberingStyle),
  };
  return {
    format: 'docx',
    blocks,
    notes: readNotes(trees, apart),
    margins: readMargins(trees, apart),
  };
}
