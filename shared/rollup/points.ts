import { closingAt, isFormula } from '../reader/formulas.js';

const BULLET = /^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s*/i;
const END_MARK = /\s*\.\/\.\s*/;
const MAX_QUOTE = 240;

/** The text before the closing formula, or all of it. */
export function beforeClosing(text: string): string {
  // The closing formula, the end mark and the recipients block that follow the last section are
  // not content, wherever they start (OCR often joins them to the last point's line).
  const at = closingAt(text);
  const cut = at >= 0 ? text.slice(0, at) : text;
  const end = END_MARK.exec(cut);
  return end ? cut.slice(0, end.index) : cut;
}

/** A quote short enough for a table cell, cut at a word. */
export function shorten(text: string, max = MAX_QUOTE): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,;:.]+$/, '')}…`;
}

/** The points a section makes: its bullets, or its sentences when it has none. */
export function sectionItems(text: string): string[] {
  const items: string[] = [];
  let bulleted = false;
  for (const raw of beforeClosing(text).split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(line)) {
      bulleted = true;
      items.push(line.replace(BULLET, ''));
    } else if (bulleted && items.length) items[items.length - 1] += ` ${line}`;
    else items.push(line);
  }
  const out = bulleted ? items : items.join(' ').split(/(?<=[.;])\s+(?=\p{Lu})/u);
  return out.map(withoutFormulas).filter((s) => s.replace(/[^\p{L}]/gu, '').length >= 12);
}

/**
 * A point without the opening or closing formulas in it: they are never quoted, whatever section
 * they stand in, and OCR often joins one to the point above it.
 */
function withoutFormulas(point: string): string {
  const sentences = point.trim().split(/(?<=[.;:])\s+(?=\p{Lu})/u);
  return sentences
    .filter((s) => !isFormula(s))
    .join(' ')
    .trim();
}
