import type { Align } from '../../schemas/document.js';
import { child, children, intVal, toggle, valOf, type XmlNode } from './xml-tree.js';

// Paragraph styles of styles.xml, each resolved through its basedOn chain: heading styles often
// carry the numbering (numPr) and the outline level, and their bold and capitals.

export interface NumRef {
  numId?: string;
  ilvl?: number;
}

export interface RunLook {
  bold?: boolean;
  caps?: boolean;
  vanish?: boolean;
  /** Points. */
  size?: number;
}

export interface ParagraphStyle {
  id: string;
  name: string | null;
  num: NumRef;
  outline?: number;
  align?: Align;
  run: RunLook;
}

export interface Styles {
  paragraph(id: string | undefined): ParagraphStyle;
  character(id: string | undefined): RunLook;
  /** The numId a numbering style stands for (w:numStyleLink in numbering.xml). */
  numberingStyle(id: string): string | undefined;
}

const MAX_CHAIN = 16;

/** Word's w:jc values as the model's alignment. */
export function alignOf(jc: string | undefined): Align | undefined {
  if (!jc) return undefined;
  if (jc === 'center') return 'center';
  if (jc === 'right' || jc === 'end') return 'right';
  if (jc === 'both' || jc === 'distribute') return 'justify';
  if (jc === 'left' || jc === 'start') return 'left';
  return undefined;
}

export function runLookOf(rPr: XmlNode | undefined): RunLook {
  const look: RunLook = {};
  const bold = toggle(rPr, 'w:b');
  if (bold !== undefined) look.bold = bold;
  const caps = toggle(rPr, 'w:caps') ?? toggle(rPr, 'w:smallCaps');
  if (caps !== undefined) look.caps = caps;
  const vanish = toggle(rPr, 'w:vanish');
  if (vanish !== undefined) look.vanish = vanish;
  const half = intVal(rPr, 'w:sz');
  if (half !== undefined && half > 0) look.size = half / 2;
  return look;
}

export function numRefOf(pPr: XmlNode | undefined): NumRef {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return {};
  const ref: NumRef = {};
  const numId = valOf(numPr, 'w:numId');
  if (numId !== undefined) ref.numId = numId;
  const ilvl = intVal(numPr, 'w:ilvl');
  if (ilvl !== undefined && ilvl >= 0 && ilvl <= 8) ref.ilvl = ilvl;
  return ref;
}

/** An outline level 0–8; 9 ("body text") and nonsense are none. */
export function outlineOf(pPr: XmlNode | undefined): number | undefined {
  const v = intVal(pPr, 'w:outlineLvl');
  return v !== undefined && v >= 0 && v <= 8 ? v : undefined;
}

interface RawStyle {
  node: XmlNode;
  basedOn?: string;
}

function own(node: XmlNode, id: string): ParagraphStyle {
  const pPr = child(node, 'w:pPr');
  const name = valOf(node, 'w:name') ?? null;
  const style: ParagraphStyle = {
    id,
    name,
    num: numRefOf(pPr),
    run: runLookOf(child(node, 'w:rPr')),
  };
  const outline = outlineOf(pPr) ?? builtInHeading(name);
  if (outline !== undefined) style.outline = outline;
  const align = alignOf(valOf(pPr, 'w:jc'));
  if (align) style.align = align;
  return style;
}

/** "heading 1" … "heading 9" are Word's built-in outline levels even when styles.xml omits them. */
function builtInHeading(name: string | null): number | undefined {
  const m = name ? /^heading\s*([1-9])$/i.exec(name.trim()) : null;
  return m ? Number(m[1]) - 1 : undefined;
}

/** A style over its base: the nearer definition wins, property by property. */
function over(base: ParagraphStyle, near: ParagraphStyle): ParagraphStyle {
  const num =
    near.num.numId !== undefined || near.num.ilvl !== undefined
      ? { ...base.num, ...near.num }
      : base.num;
  return {
    ...base,
    ...near,
    num,
    outline: near.outline ?? base.outline,
    align: near.align ?? base.align,
    run: { ...base.run, ...near.run },
  };
}

function resolve(id: string, raw: Map<string, RawStyle>, defaults: RunLook): ParagraphStyle {
  const chain: XmlNode[] = [];
  const seen = new Set<string>();
  let at: string | undefined = id;
  while (at && !seen.has(at) && chain.length < MAX_CHAIN) {
    seen.add(at);
    const r = raw.get(at);
    if (!r) break;
    chain.unshift(r.node);
    at = r.basedOn;
  }
  let style: ParagraphStyle = { id, name: null, num: {}, run: { ...defaults } };
  for (const node of chain) style = over(style, own(node, id));
  return { ...style, id };
}

/** The styles of styles.xml (absent: every paragraph has Word's defaults). */
export function readStyles(tree: XmlNode | undefined): Styles {
  const root = child(tree, 'w:styles');
  const defaults = runLookOf(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
  const paragraphs = new Map<string, RawStyle>();
  const characters = new Map<string, RawStyle>();
  const numberings = new Map<string, string>();
  let defaultParagraph: string | undefined;
  for (const s of children(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const entry = { node: s, basedOn: valOf(s, 'w:basedOn') };
    const numId = numRefOf(child(s, 'w:pPr')).numId;
    if (s.attrs['w:type'] === 'numbering' && numId) numberings.set(id, numId);
    else if (s.attrs['w:type'] === 'character') characters.set(id, entry);
    else if ((s.attrs['w:type'] ?? 'paragraph') === 'paragraph') {
      paragraphs.set(id, entry);
      if (/^(1|true|on)$/i.test(s.attrs['w:default'] ?? '')) defaultParagraph = id;
    }
  }
  const cache = new Map<string, ParagraphStyle>();
  const paragraph = (id: string | undefined): ParagraphStyle => {
    const key = id && paragraphs.has(id) ? id : (defaultParagraph ?? '');
    let s = cache.get(key);
    if (!s) {
      s = resolve(key, paragraphs, defaults);
      // The default style's own name ("Normal") says nothing about a paragraph.
      if (key === defaultParagraph) s = { ...s, name: null };
      cache.set(key, s);
    }
    return s;
  };
  const looks = new Map<string, RunLook>();
  const character = (id: string | undefined): RunLook => {
    if (!id) return {};
    let look = looks.get(id);
    if (!look) {
      look = resolve(id, characters, {}).run;
      looks.set(id, look);
    }
    return look;
  };
  return { paragraph, character, numberingStyle: (id) => numberings.get(id) };
}
