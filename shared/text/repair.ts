import { convertLegacy, detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding.js';

export interface RepairedText {
  text: string;
  /** The legacy encoding that was found and converted, if any. */
  encoding: LegacyEncoding | null;
}

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };

/**
 * Text as the reader wants it: Unicode NFC, legacy encodings converted, line breaks unified,
 * invisible characters gone, and the OCR spellings of "Số" before a number restored (scanners
 * turn "Số" into "S6", "Sé", "sb").
 */
export function repairText(raw: string): RepairedText {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const encoding = detectLegacyEncoding(text);
  if (encoding) text = convertLegacy(text, encoding);
  text = text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u3000\t]/g, ' ')
    .replace(/[ﬀﬁﬂﬃﬄ]/g, (l) => LIGATURES[l] ?? l)
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    .replace(/\b([Ss])(?:6|b|é|ô|0|ó|o)(\s*[:.]?\s*)(?=\d)/g, (_, s: string, gap: string) => `${s === 'S' ? 'Số' : 'số'}${gap}`);
  return { text, encoding };
}
