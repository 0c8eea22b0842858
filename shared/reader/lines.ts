import { fold } from '../text/fold.js';

/** The text as the reader scans it: one string of all lines joined by "\n", and its folded twin. */
export interface Doc {
  text: string;
  folded: string;
  lines: Line[];
}

export interface Line {
  /** 0-based index among all lines (blank ones included). */
  index: number;
  /** Offset of the line's first character in `Doc.text`. */
  start: number;
  text: string;
  folded: string;
}

export function toDoc(text: string): Doc {
  const folded = fold(text);
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push({ index, start, text: text.slice(start, stop), folded: folded.slice(start, stop) });
    if (end < 0) break;
    start = end + 1;
    index++;
  }
  return { text, folded, lines };
}

/** Non-blank lines, trimmed, in order. */
export function contentLines(doc: Doc): Line[] {
  const out: Line[] = [];
  for (const l of doc.lines) {
    const lead = l.text.length - l.text.trimStart().length;
    const t = l.text.trim();
    // A line of bars alone is the cell border of a table copied out of a web page: no content.
    if (!t || /^[|¦\s]+$/.test(t)) continue;
    out.push({
      index: l.index,
      start: l.start + lead,
      text: t,
      folded: l.folded.slice(lead, lead + t.length),
    });
  }
  return out;
}

/** 1-based line number of an offset in `Doc.text`. */
export function lineAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Joins wrapped lines into one string: a line that ends inside a document symbol ("107/NQ-")
 * joins the next without a space.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (!out) out = l;
    // Only the last two characters are looked at: `out` grows with every line.
    else if (/^[A-ZĐ0-9]-$/.test(out.slice(-2)) && /^[A-ZĐ]/.test(l)) out += l;
    else out += ` ${l}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}
