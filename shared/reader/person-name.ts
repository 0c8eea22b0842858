import { fold } from '../text/fold.js';
import { isVietnameseSyllable } from '../text/syllables.js';
import { trimEndOf } from '../text/trim.js';

// A signer's name is judged by its shape, never by a syllable inventory: the peoples of Vietnam
// write names that are no Kinh syllables ("Rơ Mah", "Ksor", "H'Hen Niê", "Kpă", "Thạch Sô Phol").
// What is rejected is what no name looks like: digits or symbols inside a word, a word without a
// vowel, capitals inside a word, and on damaged text a word one OCR confusion away from a
// Kinh syllable ("Thwy" for "Thủy", "Blnh" for "Bình"): null there, never a guess.

const MAX_WORDS = 6;
const MAX_LENGTH = 48;
// "H'Hen", "H’Bia": the Ê Đê and Gia Rai prefix of women's names.
const CAPITALIZED = /^(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]*(?:-\p{Lu}[\p{Ll}\p{M}]*)?$/u;
const CAPITALS = /^(?:\p{Lu}['’])?\p{Lu}[\p{Lu}\p{M}]*$/u;

// Swaps OCR makes between a Kinh name's letters and others. The horn read as "w" ("Thwy" for
// "Thủy") is doubted on any text: no Kinh word has a "w" inside it. The others ("Blnh", "Narn")
// only on damaged text, where they are common; a typed "Phol" is a Khmer name, not "Phoi".
const HORN_CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['w', 'u'],
  ['w', 'ư'],
];
const OCR_CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['l', 'i'],
  ['f', 't'],
  ['rn', 'm'],
  ['cl', 'd'],
  ['ii', 'u'],
];

function hasVowel(word: string): boolean {
  return /[aeiouy]/.test(fold(word));
}

/** A word that is no Kinh syllable but becomes one by a single swap of `confusions`. */
function nearMissOfSyllable(word: string, confusions: typeof OCR_CONFUSIONS): boolean {
  const lower = word.toLowerCase();
  if (isVietnameseSyllable(lower)) return false;
  for (const [from, to] of confusions) {
    // From the second letter: a name may begin with "W" or "L".
    for (let at = lower.indexOf(from, 1); at >= 0; at = lower.indexOf(from, at + 1)) {
      const swapped = lower.slice(0, at) + to + lower.slice(at + from.length);
      if (isVietnameseSyllable(swapped)) return true;
    }
  }
  return false;
}

/** The words of a line if it has the shape of a person's name (capitalized or in capitals). */
export function nameWords(text: string): string[] | null {
  const t = trimEndOf(text, '.,;:').trim();
  if (t.length < 3 || t.length > MAX_LENGTH) return null;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > MAX_WORDS) return null;
  const shaped =
    words.every((w) => CAPITALIZED.test(w)) ||
    words.every((w) => CAPITALS.test(w) && w.length <= 8);
  if (!shaped) return null;
  // "A", "Y" are names ("Giàng A Páo", "Y Biêr Niê"); a line of initials is not one.
  if (words.filter((w) => w.length > 1).length < 1 || words.join('').length < 4) return null;
  return words;
}

/**
 * Whether the words, read as a name, are one: every word has a vowel, none is a Kinh syllable
 * with its horn read as "w", and on damaged text none is a Kinh syllable misread by OCR.
 */
export function isReadableName(words: readonly string[], damaged: boolean): boolean {
  for (const w of words) {
    const letters = w.replace(/^\p{Lu}['’]/u, '');
    if (!hasVowel(letters)) return false;
    if (nearMissOfSyllable(letters, HORN_CONFUSIONS)) return false;
    if (damaged && nearMissOfSyllable(letters, OCR_CONFUSIONS)) return false;
  }
  return true;
}
