import { shownText } from '../files/document-text.js';
import type { Document, Paragraph } from '../schemas/document.js';
import { fold } from '../text/fold.js';
import { kindsOf } from './sections.js';

// The top-level headings of a document that has structure: the paragraphs of one Word list level
// (numbered as Word shows them), else the paragraphs of outline level 0, else the paragraphs set
// apart by formatting alone (bold, in capitals, short). A set counts when its paragraphs name
// kinds of sections ("Kết quả …", "Khó khăn …"), so that a numbered list of tasks never does.
// A report's parts may stand in several Word lists of one level and format (a part pasted from
// another file, a list restarted, a first heading a .doc export put in a list of its own): the
// paragraphs of those lists that name a kind of section join the set.

export interface ModelHeading {
  /** 0-based index of the heading's first line in the text. */
  index: number;
  /** The heading as shown (label and text), on one line. */
  text: string;
  /** Lines the heading paragraph takes. */
  span: number;
}

const HEADING_MAX = 160;

// A paragraph in capitals: more than three letters, none small (not "I." or "STT" alone).
const paragraphInCapitals = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && letters === letters.toLocaleUpperCase('vi');
};

/**
 * The set a paragraph may head a part in: a Word list level, the outline's top level, or
 * formatting alone: bold and in capitals or centred, or (a PDF's text layer, which knows no
 * bold) a font clearly larger than the body's.
 */
function groupKey(p: Paragraph, bodySize: number | null): string | null {
  if (shownText(p).length > HEADING_MAX || !p.text.trim()) return null;
  const n = p.numbering;
  if (p.label && n && n.format !== 'bullet' && n.format !== 'none')
    return `0:${n.level}:${n.list}:${n.format}`;
  if (p.label) return null;
  if (p.level === 0) return '1:outline';
  if (p.bold === true && (p.caps === true || paragraphInCapitals(p.text) || p.align === 'center'))
    return '2:format';
  if (p.size && bodySize && p.size >= bodySize * LARGER && !/[.;:,]$/.test(p.text.trim()))
    return '2:size';
  return null;
}

// How much larger than the body's a heading's font is (11 pt body, 13 pt headings: 1.18).
const LARGER = 1.12;

/** The font size most of the body's text is set in, where the format gives sizes. */
function bodySizeOf(doc: Document): number | null {
  const chars = new Map<number, number>();
  for (const b of doc.blocks)
    if (b.kind === 'paragraph' && b.size)
      chars.set(b.size, (chars.get(b.size) ?? 0) + b.text.length);
  let best: [number, number] | null = null;
  for (const e of chars) if (!best || e[1] > best[1]) best = e;
  return best?.[0] ?? null;
}

/**
 * Whether a set of paragraphs reads as a report's top-level parts: most of them name a kind, and
 * not all the same one ("Nguyên nhân khách quan", "Nguyên nhân chủ quan" is a list inside one part).
 */
function namesSections(set: Paragraph[]): boolean {
  const kinds = set.map((p) => kindsOf(fold(p.text)));
  const named = kinds.filter((k) => k.length > 0).length;
  const distinct = new Set(kinds.flat()).size;
  return set.length >= 2 && named >= 2 && named >= set.length * 0.6 && distinct >= 2;
}

/** The order sets are preferred in: lists by level, then outline, then formatting; earlier first. */
function rank(a: [string, Paragraph[]], b: [string, Paragraph[]]): number {
  const [ka, pa] = a;
  const [kb, pb] = b;
  const tier = (k: string) => Number(k.split(':')[0]);
  const level = (k: string) => (k.startsWith('0:') ? Number(k.split(':')[1]) : 0);
  return tier(ka) - tier(kb) || level(ka) - level(kb) || pa[0]!.at.line - pb[0]!.at.line;
}

/** A list's headings with the paragraphs of other lists of its level and format that name a part. */
function withSameForm(
  [key, set]: [string, Paragraph[]],
  sets: Map<string, Paragraph[]>,
): Paragraph[] {
  if (!key.startsWith('0:')) return set;
  const [, level, , format] = key.split(':');
  const joined = [...sets].flatMap(([k, other]) => {
    const [tier, l, , f] = k.split(':');
    if (k === key || tier !== '0' || l !== level || f !== format) return [];
    return other.filter((p) => kindsOf(fold(p.text)).length > 0);
  });
  return joined.length ? [...set, ...joined].sort((a, b) => a.at.line - b.at.line) : set;
}

/**
 * The headings of the body's top-level parts, or null when the structure names none. `byFormat`:
 * whether they are told by formatting alone (no numbering, no outline level), which the line
 * reader's numerals outrank.
 */
export function modelHeadings(
  doc: Document,
  fromIndex: number,
): { headings: ModelHeading[]; byFormat: boolean } | null {
  const sets = new Map<string, Paragraph[]>();
  const bodySize = bodySizeOf(doc);
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' || b.at.line - 1 < fromIndex) continue;
    const key = groupKey(b, bodySize);
    if (!key) continue;
    const set = sets.get(key) ?? [];
    set.push(b);
    sets.set(key, set);
  }
  const best = [...sets].filter(([, set]) => namesSections(set)).sort(rank)[0];
  if (!best) return null;
  const headings = withSameForm(best, sets).map((p) => {
    const shown = shownText(p);
    return {
      index: p.at.line - 1,
      text: shown.replace(/\s*\n\s*/g, ' ').trim(),
      span: shown.split('\n').length,
    };
  });
  return { headings, byFormat: best[0].startsWith('2:') };
}
