// What scanners, old fonts and office software do to a report on its way to us, as functions of
// a clean text: OCR letter confusions, lost diacritics, re-wrapped lines, header columns merged on
// one line, legacy encodings (TCVN3 with its capitals font, VNI, Windows-1258). DOCX and PDF
// round trips live beside the file builders. None of them touches a digit.
import { encodeCp1258, encodeTcvn3, encodeVni } from './legacy-encode.js';
import type { Rng } from './report-generator.js';

/** Letters as OCR misreads them: tone marks lost or swapped, horns as "w" or an apostrophe. */
const CONFUSIONS: Record<string, readonly string[]> = {
  ế: ['é', 'ê'],
  ề: ['è', 'ê'],
  ệ: ['ê', 'é'],
  ể: ['ê'],
  ư: ['w', 'u'],
  ơ: ["o'", 'o'],
  ờ: ['ò', 'o'],
  ớ: ['ó'],
  ợ: ['o'],
  ị: ['i', 'j'],
  ọ: ['o'],
  ạ: ['a'],
  ả: ['a'],
  ấ: ['á', 'â'],
  ầ: ['à'],
  ậ: ['â'],
  ộ: ['ô', 'o'],
  ố: ['ó', 'ô'],
  ồ: ['ò'],
  ổ: ['ô'],
  ủ: ['u'],
  ụ: ['u'],
  ứ: ['ú'],
  ự: ['u'],
  ừ: ['ù'],
  đ: ['d'],
  ă: ['a'],
  â: ['a'],
  ê: ['e'],
  ô: ['o'],
};

/** Each damageable letter replaced with probability `rate` by one of its OCR look-alikes. */
export function ocrConfusions(rng: Rng, text: string, rate = 0.15): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const options = CONFUSIONS[lower];
    if (!options || rng() >= rate) {
      out += ch;
      continue;
    }
    const pick = options[Math.floor(rng() * options.length)]!;
    out += ch === lower ? pick : pick.toUpperCase();
  }
  return out;
}

/** Diacritics gone, as from a scanner set to plain Latin. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Long lines of running text broken again at another width (a PDF's or a scan's lines). */
export function rewrap(rng: Rng, text: string): string {
  const width = 50 + Math.floor(rng() * 40);
  return text
    .split('\n')
    .map((line) => {
      // Columns padded with spaces are layout, not running text.
      if (line.length <= width || /\S {3,}\S/.test(line)) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * The header's two columns read by OCR as one: the left column's lines (committee, unit,
 * number) side by side with the right column's (motto, date).
 */
export function mergeHeaderColumns(text: string): string {
  const lines = text.split('\n');
  const motto = lines.findIndex((l) => /^C(Ộ|O)NG H(Ò|O)A/i.test(l));
  if (motto < 2 || motto > 6) return text;
  const left = lines.slice(0, motto);
  const blank = lines.indexOf('', motto);
  const right = lines.slice(motto, blank < 0 ? motto + 3 : blank);
  const merged: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    merged.push(`${(left[i] ?? '').padEnd(34)}${right[i] ?? ''}`.trimEnd());
  return [...merged, ...lines.slice(motto + right.length)].join('\n');
}

/**
 * TCVN3 typed with the capitals font (.VnTimeH): lines in capitals were typed in lower case and
 * only looked capital on screen, so they convert back in lower case.
 */
export function tcvn3CapsFont(text: string): string {
  return encodeTcvn3(
    text
      .split('\n')
      .map((l) => (/\p{L}/u.test(l) && l === l.toUpperCase() ? l.toLowerCase() : l))
      .join('\n'),
  );
}

export const TEXT_DAMAGES = {
  ocr: ocrConfusions,
  diacritics: (_: Rng, t: string) => stripDiacritics(t),
  rewrap,
  columns: (_: Rng, t: string) => mergeHeaderColumns(t),
  tcvn3: (_: Rng, t: string) => encodeTcvn3(t),
  tcvn3Caps: (_: Rng, t: string) => tcvn3CapsFont(t),
  vni: (_: Rng, t: string) => encodeVni(t),
  cp1258: (_: Rng, t: string) => encodeCp1258(t),
} as const satisfies Record<string, (rng: Rng, text: string) => string>;

export type TextDamage = keyof typeof TEXT_DAMAGES;
