import {
  type ListDefinition,
  type ListInstance,
  MAX_LEVEL,
  Numbering,
  type NumberLevel,
} from '../word-numbering.js';
import { child, children, intVal, toggle, valOf, type XmlNode } from './xml-tree.js';

// numbering.xml read into Word's numbering (../word-numbering.ts): the abstract definitions
// (w:abstractNum, nine w:lvl each: w:start, w:numFmt, w:lvlText with %1…%9, w:lvlRestart,
// w:isLgl) and the w:num instances that point at them (w:lvlOverride with w:startOverride or a
// whole w:lvl).

function levelOf(lvl: XmlNode): NumberLevel {
  const start = intVal(lvl, 'w:start');
  const restart = intVal(lvl, 'w:lvlRestart');
  const level: NumberLevel = {
    start: start !== undefined && start >= 0 ? start : 1,
    rawFormat: valOf(lvl, 'w:numFmt') ?? 'decimal',
    text: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
    legal: toggle(lvl, 'w:isLgl') ?? false,
  };
  if (restart !== undefined && restart >= 0) level.restart = restart;
  const pStyle = valOf(lvl, 'w:pStyle');
  if (pStyle) level.pStyle = pStyle;
  return level;
}

const ilvlOf = (n: XmlNode): number | undefined => {
  const v = Number(n.attrs['w:ilvl'] ?? '0');
  return Number.isInteger(v) && v >= 0 && v <= MAX_LEVEL ? v : undefined;
};

/** The numbering of a .docx; `styleNum`: the numId a numbering style (w:numStyleLink) stands for. */
export function docxNumbering(
  tree: XmlNode | undefined,
  styleNum?: (styleId: string) => string | undefined,
): Numbering {
  const abstracts = new Map<string, ListDefinition>();
  const nums = new Map<string, ListInstance>();
  const root = child(tree, 'w:numbering');
  for (const a of children(root, 'w:abstractNum')) {
    const id = a.attrs['w:abstractNumId'];
    if (id === undefined) continue;
    const levels: (NumberLevel | undefined)[] = [];
    for (const lvl of children(a, 'w:lvl')) {
      const i = ilvlOf(lvl);
      if (i !== undefined) levels[i] = levelOf(lvl);
    }
    const abstract: ListDefinition = { levels };
    const link = valOf(a, 'w:numStyleLink');
    if (link) abstract.numStyleLink = link;
    abstracts.set(id, abstract);
  }
  for (const n of children(root, 'w:num')) {
    const num = instanceOf(n);
    if (num) nums.set(num[0], num[1]);
  }
  return new Numbering(abstracts, nums, styleNum);
}

function instanceOf(n: XmlNode): [string, ListInstance] | undefined {
  const id = n.attrs['w:numId'];
  const abstractId = valOf(n, 'w:abstractNumId');
  if (id === undefined || abstractId === undefined) return undefined;
  const num: ListInstance = { abstractId, starts: new Map(), levels: new Map() };
  for (const o of children(n, 'w:lvlOverride')) {
    const i = ilvlOf(o);
    if (i === undefined) continue;
    const start = intVal(o, 'w:startOverride');
    if (start !== undefined && start >= 0) num.starts.set(i, start);
    const lvl = child(o, 'w:lvl');
    if (lvl) num.levels.set(i, levelOf(lvl));
  }
  return [id, num];
}
