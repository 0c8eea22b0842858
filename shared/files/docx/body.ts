import {
  type Block,
  type Cell,
  type Paragraph,
  plainParagraph,
  type Row,
  type Table,
} from '../../schemas/document.js';
import { shownText } from '../document-text.js';
import { formatNumber, type Numbering, type NumberLabel } from '../word-numbering.js';
import { alignOf, numRefOf, outlineOf, type RunLook, runLookOf, type Styles } from './styles.js';
import { child, children, toggle, valOf, type XmlNode } from './xml-tree.js';

// The body of a Word part (document, footnote, header) as blocks of the document model:
// paragraphs with their numbering label, runs joined into words whatever their formatting,
// tables with their cells, text boxes after the paragraph that anchors them, footnote marks
// apart from the text.

/** Tables in tables and text boxes in text boxes deeper than this are read as plain text. */
const MAX_DEPTH = 6;

export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  /** Footnote/endnote ids in the order their marks appear, with the mark each shows. */
  noteMarks: Map<string, string>;
  footnotes: number;
  endnotes: number;
  page: number;
}

interface Run {
  text: string;
  look: RunLook;
}

/** What a paragraph's content came to while walking it. */
interface Inline {
  runs: Run[];
  notes: string[];
  floating: Block[];
  /** A page break stood before any text (true) or after some (false); undefined: none. */
  pageBreakFirst?: boolean;
  /** Open complex fields: true while in the instruction part (before w:fldChar separate). */
  fields: boolean[];
}

const at = (ctx: BodyContext) => ({ page: ctx.page, line: 1 });

/** All w:t text under a node, for content nested deeper than MAX_DEPTH. */
function flatText(n: XmlNode): string {
  if (n.text !== undefined) return n.text;
  return n.kids.map(flatText).join(n.name === 'w:p' ? '' : n.name === 'w:tc' ? '\t' : '');
}

function noteMark(ctx: BodyContext, id: string, endnote: boolean): string {
  const key = `${endnote ? 'e' : 'f'}${id}`;
  let mark = ctx.noteMarks.get(key);
  if (!mark) {
    mark = endnote ? formatNumber(++ctx.endnotes, 'lowerRoman') : String(++ctx.footnotes);
    ctx.noteMarks.set(key, mark);
  }
  return mark;
}

/** Text boxes anywhere inside a drawing or picture, in document order. */
function textBoxes(n: XmlNode, out: XmlNode[] = []): XmlNode[] {
  for (const k of n.kids) {
    if (k.name === 'w:txbxContent') out.push(k);
    else textBoxes(k, out);
  }
  return out;
}

/** The characters a simple run element stands for; undefined for anything else. */
const CHARACTERS = new Map([
  ['w:tab', '\t'],
  ['w:ptab', '\t'],
  ['w:cr', '\n'],
  ['w:noBreakHyphen', '-'],
]);

function readRunContent(
  k: XmlNode,
  look: RunLook,
  inline: Inline,
  ctx: BodyContext,
  depth: number,
): void {
  const text =
    k.name === 'w:t'
      ? (k.text ?? '')
      : k.name === 'w:br' && k.attrs['w:type'] !== 'page'
        ? '\n'
        : CHARACTERS.get(k.name);
  if (text !== undefined) {
    if (!inline.fields.some((f) => f) && !look.vanish) inline.runs.push({ text, look });
  } else if (k.name === 'w:br') {
    inline.pageBreakFirst ??= !inline.runs.some((r) => r.text.trim());
  } else if (k.name === 'w:fldChar') {
    fieldChar(k, inline);
  } else if (k.name === 'w:footnoteReference' || k.name === 'w:endnoteReference') {
    const id = k.attrs['w:id'];
    if (id !== undefined && !look.vanish)
      inline.notes.push(noteMark(ctx, id, k.name === 'w:endnoteReference'));
  } else if (k.name === 'mc:AlternateContent' || k.name === 'mc:Choice') {
    for (const g of k.kids) readRunContent(g, look, inline, ctx, depth);
  } else if (k.name === 'w:drawing' || k.name === 'w:pict' || k.name === 'w:object') {
    for (const box of textBoxes(k)) inline.floating.push(...readBlocks(box.kids, ctx, depth + 1));
  }
}

function fieldChar(k: XmlNode, inline: Inline): void {
  const type = k.attrs['w:fldCharType'];
  if (type === 'begin') inline.fields.push(true);
  else if (type === 'separate' && inline.fields.length)
    inline.fields[inline.fields.length - 1] = false;
  else if (type === 'end') inline.fields.pop();
}

function readRun(r: XmlNode, base: RunLook, inline: Inline, ctx: BodyContext, depth: number): void {
  const rPr = child(r, 'w:rPr');
  const look = { ...base, ...ctx.styles.character(valOf(rPr, 'w:rStyle')), ...runLookOf(rPr) };
  for (const k of r.kids) readRunContent(k, look, inline, ctx, depth);
}

/** Containers of runs inside a paragraph: their runs count as the paragraph's own. */
const INLINE_CONTAINERS = new Set([
  'w:hyperlink',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:customXml',
  'w:fldSimple',
  'w:sdtContent',
  'w:bdo',
  'w:dir',
  'mc:AlternateContent',
  'mc:Choice',
]);

function readInline(
  nodes: XmlNode[],
  base: RunLook,
  inline: Inline,
  ctx: BodyContext,
  depth: number,
): void {
  for (const k of nodes) {
    if (k.name === 'w:r') readRun(k, base, inline, ctx, depth);
    else if (k.name === 'w:sdt') readInline(children(k, 'w:sdtContent'), base, inline, ctx, depth);
    else if (INLINE_CONTAINERS.has(k.name)) readInline(k.kids, base, inline, ctx, depth);
  }
}

/** True/false when every run with visible letters agrees, null when the paragraph has none. */
function whole(runs: Run[], pick: (l: RunLook) => boolean | undefined): boolean | null {
  const shown = runs.filter((r) => r.text.trim());
  if (!shown.length) return null;
  return shown.every((r) => pick(r.look) === true);
}

interface NumberedAs {
  label: NumberLabel | null;
  ilvl: number | null;
}

function numberingOf(
  pPr: XmlNode | undefined,
  styleId: string | undefined,
  ctx: BodyContext,
): NumberedAs {
  const style = ctx.styles.paragraph(styleId);
  const direct = numRefOf(pPr);
  const numId = direct.numId ?? style.num.numId;
  if (numId === undefined || numId === '0') return { label: null, ilvl: null };
  const ilvl =
    direct.ilvl ??
    (direct.numId === undefined ? style.num.ilvl : undefined) ??
    (styleId ? ctx.numbering.levelOfStyle(numId, styleId) : undefined) ??
    0;
  return { label: ctx.numbering.next(numId, ilvl), ilvl };
}

function readParagraph(p: XmlNode, ctx: BodyContext, depth: number): Block[] {
  const pPr = child(p, 'w:pPr');
  const styleId = valOf(pPr, 'w:pStyle');
  const style = ctx.styles.paragraph(styleId);
  const inline: Inline = { runs: [], notes: [], floating: [], fields: [] };
  readInline(p.kids, style.run, inline, ctx, depth);
  const before = toggle(pPr, 'w:pageBreakBefore') || inline.pageBreakFirst === true;
  const out: Block[] = [];
  if (before) out.push(pageBreak(ctx));
  const numbered = numberingOf(pPr, styleId, ctx);
  const text = inline.runs.map((r) => r.text).join('');
  const outline = outlineOf(pPr) ?? style.outline ?? null;
  const shown = inline.runs.find((r) => r.text.trim());
  const paragraph: Paragraph = {
    ...plainParagraph(text, at(ctx)),
    label: numbered.label?.label ?? null,
    level: outline ?? numbered.ilvl,
    numbering: numbered.label
      ? { list: numbered.label.list, level: numbered.label.level, format: numbered.label.format }
      : null,
    style: style.name,
    bold: whole(inline.runs, (l) => l.bold) ?? style.run.bold ?? null,
    caps: whole(inline.runs, (l) => l.caps) ?? style.run.caps ?? null,
    align: alignOf(valOf(pPr, 'w:jc')) ?? style.align ?? null,
    size: shown?.look.size ?? style.run.size ?? null,
    notes: inline.notes,
  };
  if (text.trim() || paragraph.label || paragraph.notes.length) out.push(paragraph);
  out.push(...inline.floating);
  if (inline.pageBreakFirst === false) out.push(pageBreak(ctx));
  return out;
}

function pageBreak(ctx: BodyContext): Block {
  ctx.page++;
  return { kind: 'pageBreak', at: at(ctx) };
}

/** A cell's blocks as paragraphs: a nested table's rows become lines, cells apart by tabs. */
function cellParagraphs(blocks: Block[], ctx: BodyContext): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(b);
    else if (b.kind === 'table')
      for (const r of b.rows)
        out.push(plainParagraph(r.cells.map((c) => c.text).join('\t'), at(ctx)));
  }
  return out;
}

function readCell(tc: XmlNode, ctx: BodyContext, depth: number): Cell {
  const tcPr = child(tc, 'w:tcPr');
  const span = Number(valOf(tcPr, 'w:gridSpan') ?? '1');
  const vMerge = child(tcPr, 'w:vMerge');
  const paragraphs = cellParagraphs(readBlocks(tc.kids, ctx, depth + 1), ctx);
  return {
    text: paragraphs.map(shownText).join('\n'),
    paragraphs,
    span: Number.isInteger(span) && span > 0 && span < 64 ? span : 1,
    continued: vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') === 'continue',
  };
}

/** Rows and cells, also those wrapped in content controls or custom XML. */
function unwrap(nodes: XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const k of nodes) {
    if (k.name === name) out.push(k);
    else if (k.name === 'w:sdt') out.push(...unwrap(children(k, 'w:sdtContent'), name));
    else if (k.name === 'w:customXml' || k.name === 'w:sdtContent')
      out.push(...unwrap(k.kids, name));
  }
  return out;
}

function readTable(tbl: XmlNode, ctx: BodyContext, depth: number): Table {
  const start = at(ctx);
  // A row deleted with tracked changes is not in the document Word shows (its text may not be
  // marked deleted run by run).
  const shown = unwrap(tbl.kids, 'w:tr').filter((tr) => !child(child(tr, 'w:trPr'), 'w:del'));
  const rows: Row[] = shown.map((tr) => ({
    cells: unwrap(tr.kids, 'w:tc').map((tc) => readCell(tc, ctx, depth)),
    header: toggle(child(tr, 'w:trPr'), 'w:tblHeader') ?? false,
  }));
  return { kind: 'table', rows, caption: null, at: start };
}

/** Block-level content (a body, a cell, a text box, a note) as blocks, in order. */
export function readBlocks(nodes: XmlNode[], ctx: BodyContext, depth = 0): Block[] {
  const out: Block[] = [];
  for (const k of nodes) {
    if (depth > MAX_DEPTH) {
      const text = flatText(k);
      if (text.trim()) out.push(plainParagraph(text, at(ctx)));
    } else if (k.name === 'w:p') out.push(...readParagraph(k, ctx, depth));
    else if (k.name === 'w:tbl') out.push(readTable(k, ctx, depth));
    else if (k.name === 'w:sdt') out.push(...readBlocks(children(k, 'w:sdtContent'), ctx, depth));
    else if (['w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo'].includes(k.name))
      out.push(...readBlocks(k.kids, ctx, depth));
  }
  return out;
}
