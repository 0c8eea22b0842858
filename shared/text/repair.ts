import { convertLegacy, judgeEncoding, type LegacyEncoding } from './legacy-encoding.js';

export interface RepairedText {
  text: string;
  /** The legacy encoding that was found and converted, if any. */
  encoding: LegacyEncoding | null;
  /** How well the chosen table reads the text (share of Vietnamese syllables, 0–1); 1 for Unicode. */
  encodingConfidence: number;
}

// Invisible characters go, ligatures open, dashes become "-"; anything else matched is a space.
const CHAR_FIXES: Record<string, string> = {
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\u00AD': '',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2212': '-',
  // A tab separates columns (a signature beside "Nơi nhận", a table's cells): kept as a gap the
  // reader sees as a column break, not as one space inside a sentence.
  '\t': '   ',
};

const TYPOGRAPHIC_GROUPS = /(?<![\p{L}\d.,])\d{1,3}(?:[\u00A0\u2007\u2009\u202F]\d{3})+(?!\d)/gu;

/**
 * Text as the reader wants it: Unicode NFC, legacy encodings converted, line breaks unified,
 * invisible characters gone, and the OCR spellings of "Số" before a number restored (scanners
 * turn "Số" into "S6", "Sé", "sb").
 */
export function repairText(raw: string): RepairedText {
  let text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n');
  const { encoding, confidence } = judgeEncoding(text);
  if (encoding) text = convertLegacy(text, encoding);
  text = text
    .normalize('NFC')
    // A PDF font without a glyph for the tab draws .notdef, which pdf.js extracts as NUL: the
    // same column break as the tab.
    .replaceAll('\u0000', CHAR_FIXES['\t']!)
    // Digit groups split by a no-break, thin or figure space ("1 234" as Word or Excel formats a
    // number in some locales) are one number: the space becomes the Vietnamese group separator.
    .replace(TYPOGRAPHIC_GROUPS, (m) => m.replace(/[\u00A0\u2007\u2009\u202F]/g, '.'))
    // One pass for all single-character fixes.
    .replace(
      /[\u200B-\u200D\u2060\u00AD\u00A0\u2000-\u200A\u202F\u3000\tﬀﬁﬂﬃﬄ\u2010-\u2013\u2212]/g,
      (c) => CHAR_FIXES[c] ?? ' ',
    )
    .replace(
      /\b([Ss])(?:6|b|é|ô|0|ó|o)(\s{0,4}[:.]?\s{0,4})(?=\d)/g,
      (_, s: string, gap: string) => `${s === 'S' ? 'Số' : 'số'}${gap}`,
    );
  return { text, encoding, encodingConfidence: confidence };
}
