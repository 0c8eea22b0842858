import { SaxesParser } from 'saxes';

// A Word part read by a streaming parser (saxes) into a small tree of only what a reader needs.
// saxes never reads a DTD and expands no entity but XML's five and character references; a part
// that declares a DOCTYPE is refused (Word never writes one: it is how entity attacks start).
// Deleted text, field instructions, fallback copies of drawings and revision history are dropped
// while streaming, so they cost nothing and can never reach the text.

export interface XmlNode {
  /** Canonical prefixed name ("w:p"): whatever prefix the part declared for a known namespace. */
  name: string;
  attrs: Record<string, string>;
  kids: XmlNode[];
  /** The text of a w:t element. */
  text?: string;
}

export class XmlRefused extends Error {
  override readonly name = 'XmlRefused';
}

const CANONICAL = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'r'],
]);

/** Subtrees never read: deleted or moved-away text, field codes, revision history, fallbacks. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:delInstrText',
  'w:instrText',
  'w:rPrChange',
  'w:pPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:numberingChange',
  'w:fldData',
  'w:sectPr',
  'mc:Fallback',
]);

/**
 * Elements nested deeper than this are dropped with everything in them: Word documents nest a few
 * dozen levels at most (tables in tables, text boxes), and every walk of the tree stays shallow.
 */
export const MAX_XML_DEPTH = 96;

/** The children of an empty element (`<w:b/>`): one shared frozen array, never pushed to. */
const NO_KIDS: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** Elements whose text is kept. */
const TEXT = new Set(['w:t']);

function prefixMap(attrs: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(attrs)) {
    if (!k.startsWith('xmlns:')) continue;
    const canonical = CANONICAL.get(v);
    if (canonical) map.set(k.slice(6), canonical);
  }
  return map;
}

function canonicalName(name: string, prefixes: Map<string, string>): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const prefix = name.slice(0, colon);
  const canonical = prefixes.get(prefix);
  return canonical ? `${canonical}${name.slice(colon)}` : name;
}

/**
 * Parses one XML part into its pruned tree. Throws XmlRefused on a DOCTYPE and the parser's own
 * error on malformed XML; both mean a damaged or hostile file.
 */
export function parseXmlTree(xml: string): XmlNode {
  const parser = new SaxesParser({ position: false });
  const root: XmlNode = { name: '#root', attrs: {}, kids: [] };
  const stack: XmlNode[] = [root];
  let prefixes: Map<string, string> | undefined;
  /** Every known namespace is bound to its canonical prefix: names need no rewriting. */
  let canonical = false;
  let skipDepth = 0;
  parser.on('doctype', () => {
    throw new XmlRefused('DOCTYPE in a Word part');
  });
  parser.on('opentag', (tag) => {
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    const attrs = tag.attributes as Record<string, string>;
    if (!prefixes) {
      prefixes = prefixMap(attrs);
      canonical = [...prefixes].every(([prefix, name]) => prefix === name);
    }
    const name = canonical ? tag.name : canonicalName(tag.name, prefixes);
    if (SKIPPED.has(name) || stack.length > MAX_XML_DEPTH) {
      // A row deleted with its changes tracked says so in its properties: kept as a bare mark.
      const top = stack[stack.length - 1]!;
      if (name === 'w:del' && top.name === 'w:trPr') top.kids.push({ name, attrs: {}, kids: [] });
      if (!tag.isSelfClosing) skipDepth = 1;
      return;
    }
    // saxes gives each tag attributes of its own with no prototype: kept as they are when the part
    // already uses the canonical prefixes (Word always does), copied under them otherwise.
    const node: XmlNode = {
      name,
      attrs: canonical ? attrs : canonicalAttrs(attrs, prefixes),
      kids: tag.isSelfClosing ? NO_KIDS : [],
    };
    stack[stack.length - 1]!.kids.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    stack.pop();
  });
  const onText = (t: string) => {
    if (skipDepth > 0) return;
    const top = stack[stack.length - 1]!;
    if (TEXT.has(top.name)) top.text = (top.text ?? '') + t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  return root;
}

function canonicalAttrs(
  attrs: Record<string, string>,
  prefixes: Map<string, string>,
): Record<string, string> {
  // No prototype: attribute names come from the file ("__proto__" is just a name here).
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('xmlns')) continue;
    out[canonicalName(k, prefixes)] = v;
  }
  return out;
}

/** The first child of that name. */
export const child = (n: XmlNode | undefined, name: string): XmlNode | undefined =>
  n?.kids.find((k) => k.name === name);

/** Every child of that name. */
export const children = (n: XmlNode | undefined, name: string): XmlNode[] =>
  n ? n.kids.filter((k) => k.name === name) : [];

/** The w:val of a child ("w:pStyle" → its style id). */
export const valOf = (n: XmlNode | undefined, name: string): string | undefined =>
  child(n, name)?.attrs['w:val'];

/**
 * A toggle property (w:b, w:caps, w:vanish): absent → undefined; present → true unless its
 * w:val says false ("0", "false", "off").
 */
export function toggle(n: XmlNode | undefined, name: string): boolean | undefined {
  const c = child(n, name);
  if (!c) return undefined;
  const v = c.attrs['w:val'];
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

/** The integer w:val of a child, or undefined when it is absent or not a number. */
export function intVal(n: XmlNode | undefined, name: string): number | undefined {
  const v = valOf(n, name);
  if (v === undefined || !/^-?\d{1,9}$/.test(v.trim())) return undefined;
  return Number(v);
}
