// Whether words are Vietnamese syllables, to judge a decoding: text decoded with the wrong legacy
// table is full of "words" no Vietnamese speaker could pronounce ("ðýõÌng", "ViÖt"), text decoded
// right is not. The syllables are word repair's inventory (onset, rhyme and tone): one grammar.
import { hasSyllableShape } from './words/inventory.js';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Whether one word (letters only, any case) has the shape of a Vietnamese syllable: the letters
 * of one, whatever marks OCR lost or swapped, and at most one tone.
 */
export function isVietnameseSyllable(word: string): boolean {
  const tones = word.normalize('NFD').match(TONES)?.length ?? 0;
  return tones <= 1 && hasSyllableShape(word.normalize('NFC'));
}

/**
 * Of the words that carry a letter beyond ASCII, the share that are Vietnamese syllables; null
 * when there are too few such words to judge. Looks at most `limit` words.
 */
export function vietnameseShare(text: string, limit = 4000): number | null {
  let marked = 0;
  let valid = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (!/[^\p{ASCII}]/u.test(w)) continue;
    marked++;
    if (isVietnameseSyllable(w)) valid++;
    if (marked >= limit) break;
  }
  return marked < 5 ? null : valid / marked;
}
