import { domainWordModel } from '../text/words/domain-model.js';
import type { WordModel } from '../text/words/word-model.js';

// OCR confuses the tone marks most of all ("quả" read "quá", "số" read "sổ"): each is a syllable,
// so the syllable check passes. What gives it away is the pair: "kết quá" is in no phrase the word
// model knows, "kết quả" is. A scanned title with such a pair is held, never repaired (a repair
// would be a guess at what the page says).

const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const FIRST_VOWEL_MARK = /(\p{L}\p{M}*?)([aeiouy][\u0302\u0306\u031b]?)/iu;

let model: WordModel | null = null;
const words = () => {
  model ??= domainWordModel();
  return model;
};

/** The syllable with each of the six tones, on the vowel that bore the read one. */
function toneVariants(syllable: string): string[] {
  const nfd = syllable.toLocaleLowerCase('vi').normalize('NFD');
  const at = nfd.search(TONE_MARK);
  const bare = nfd.replace(TONE_MARK, '');
  // The tone stands after the vowel and its shape mark (â, ă, ơ, ư) where it was read, else
  // after the first vowel.
  const vowel = at >= 0 ? null : FIRST_VOWEL_MARK.exec(bare);
  if (at < 0 && !vowel) return [];
  const end = vowel ? vowel.index + vowel[0].length : at;
  return TONES.map((t) => (bare.slice(0, end) + t + bare.slice(end)).normalize('NFC'));
}

/** Two neighbouring syllables no phrase pairs, one of which, with another tone, pairs: "Kết quá". */
export function misreadTonePair(text: string): string | null {
  const m = words();
  const syl = text
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);
  for (let i = 1; i < syl.length; i++) {
    const [a, b] = [syl[i - 1]!, syl[i]!];
    const [ia, ib] = [m.id(a), m.id(b)];
    if (ia < 0 || ib < 0 || m.pair(ia, ib) > 0) continue;
    const fits = (x: string, y: string) =>
      m.id(x) >= 0 && m.id(y) >= 0 && m.pair(m.id(x), m.id(y)) > 0;
    if (toneVariants(b).some((v) => v !== b && fits(a, v))) return `${a} ${b}`;
    if (toneVariants(a).some((v) => v !== a && fits(v, b))) return `${a} ${b}`;
  }
  return null;
}
