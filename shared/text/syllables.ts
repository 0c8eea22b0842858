// A Vietnamese syllable's shape: an onset, a vowel nucleus, a coda and at most one tone mark.
// Used to judge a decoding: text decoded with the wrong legacy table is full of "words" no
// Vietnamese speaker could pronounce ("ðýõÌng", "ViÖt"), text decoded right is not.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;

/** Whether one word (letters only, any case) has the shape of a Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
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
