import { fold } from '../text/fold.js';

const BULLET = /^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s*/i;
// The closing formula, the end mark and the recipients block that follow the last section are
// not content, wherever they start (OCR often joins them to the last point's line). Matched on
// folded text, so "Trén day la bao cao" is found too.
const CLOSING = new RegExp(
  [
    String.raw`(?:^|(?<=[\s.;:]))tr\S{0,2}n\s*d\S{0,2}y\s*[l1i]\S?\s*` +
      String.raw`(?:b\S{1,2}o\s*c\S{1,2}o|n\S{1,2}i\s*dung|tinh\s*hinh|ket\s*qua)`,
    String.raw`(?:^|\n|(?<=[.;])\s)\s*(?:n\S{1,2}i\s*nh\S{1,2}n\s*:|kt\.?\s*chu\s*tich|tm\.?\s*(?:uy\s*ban|ubnd))`,
  ].join('|'),
);
const END_MARK = /\s*\.\/\.\s*/;
const MAX_QUOTE = 240;

/** The text before the closing formula, or all of it. */
export function beforeClosing(text: string): string {
  const folded = fold(text);
  const m = CLOSING.exec(folded);
  const cut = m ? text.slice(0, m.index) : text;
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
  return out.map((s) => s.trim()).filter((s) => s.replace(/[^\p{L}]/gu, '').length >= 12);
}
