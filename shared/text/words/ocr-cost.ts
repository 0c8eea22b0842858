import { letterOf, type Mark, VOWEL_BASES, type Vowel } from './inventory.js';
import type { Tone } from './syllable-grammar.js';

// What OCR makes of Vietnamese vowels, as costs (0 = certain, 1 = an ordinary edit). Scanners
// keep consonants well and wreck the vowels that carry the marks: "ố" comes out as "6" or "b",
// "ư" as "w" or "ir", "ộ" as "d", "g" or "Q", "ệ" as "€" or "¢", "ủ" as "ii" or "t". The
// figures are judgement calls checked on the project's damaged fixtures (test/unit/words).

type Target = string; // a vowel base with its mark, e.g. "o^" for ô
const target = (v: Vowel) => `${v.base}${MARK_CODE[v.mark]}`;
const MARK_CODE: Record<Mark, string> = { '': '', breve: '(', circ: '^', horn: '+' };

/** Characters that are not vowels but stand for one in OCR text, with the vowels they stand for. */
const STAND_INS: Record<string, Array<[Target, number]>> = {
  '0': [
    ['o', 0.3],
    ['o^', 0.3],
    ['o+', 0.3],
  ],
  '6': [
    ['o^', 0.2],
    ['o+', 0.35],
    ['o', 0.4],
  ],
  '1': [
    ['i', 0.35],
    ['u', 0.7],
  ],
  '3': [
    ['a', 0.5],
    ['a^', 0.5],
    ['a(', 0.6],
    ['e^', 0.7],
  ],
  '4': [
    ['a', 0.35],
    ['a(', 0.5],
    ['a^', 0.5],
  ],
  '&': [
    ['o+', 0.4],
    ['e^', 0.5],
    ['a', 0.5],
    ['o^', 0.6],
  ],
  '€': [
    ['e^', 0.3],
    ['e', 0.5],
  ],
  '¢': [
    ['e^', 0.3],
    ['e', 0.5],
    ['o+', 0.6],
  ],
  '¥': [['y', 0.3]],
  // The dot of "ị" and its stroke read as one letter: "Nghj quyết", "thiết bj".
  j: [
    ['i', 0.3],
    ['y', 0.5],
  ],
  '@': [
    ['a', 0.4],
    ['o+', 0.6],
  ],
  w: [['u+', 0.15]],
  b: [['o^', 0.45]],
  c: [
    ['e^', 0.5],
    ['e', 0.6],
  ],
  d: [
    ['o+', 0.55],
    ['o^', 0.55],
    ['o', 0.7],
  ],
  g: [
    ['o+', 0.6],
    ['o^', 0.6],
  ],
  q: [
    ['o^', 0.5],
    ['o+', 0.6],
    ['o', 0.6],
  ],
  t: [
    ['u', 0.7],
    ['u+', 0.7],
  ],
};

/** Two characters OCR makes of one vowel: "thirc" is "thức", "ciia" is "của". */
const PAIRS: Record<string, Array<[Target, number]>> = {
  ir: [['u+', 0.35]],
  ii: [
    ['u', 0.4],
    ['u+', 0.45],
  ],
  il: [['u', 0.5]],
  tr: [['u+', 0.5]],
  "u'": [['u+', 0.05]],
  "o'": [['o+', 0.05]],
  'u’': [['u+', 0.05]],
  'o’': [['o+', 0.05]],
};

/** A vowel read as another vowel letter (marks then mean nothing): "méi" for "mới". */
const BASE_SWAPS: Record<string, number> = {
  eo: 0.55,
  ea: 0.75,
  ia: 0.6,
  iu: 0.6,
  iy: 0.3,
  yi: 0.3,
  oa: 0.8,
  ou: 0.8,
  uo: 0.8,
  ae: 0.8,
};

/** Characters that may stand in a word's vowel part (alone or as half of a pair). */
export const STAND_IN_CHARS = new Set([...Object.keys(STAND_INS), ...Object.keys(PAIRS).join('')]);
STAND_IN_CHARS.delete('i');
STAND_IN_CHARS.delete('o');
STAND_IN_CHARS.delete('u');

export interface Costs {
  /** A shape mark the candidate has and the reading lacks (lost by OCR or never typed). */
  markAdd: number;
  /** A tone the candidate has and the reading lacks. */
  toneAdd: number;
  /**
   * The letters are as written and only diacritics may be lost (text typed or scanned without
   * them; a person's name): candidates keep the word's letters.
   */
  lettersFixed: boolean;
}

const INSERT = 0.6;
const DELETE = 0.8;

function substitution(ch: string, v: Vowel, costs: Costs): number {
  const l = letterOf(ch);
  if (VOWEL_BASES.includes(l.base)) {
    if (l.base !== v.base) return BASE_SWAPS[l.base + v.base] ?? Infinity;
    if (l.mark === v.mark) return 0;
    if (!l.mark) return costs.markAdd;
    return v.mark ? 0.4 : 0.7;
  }
  const options = STAND_INS[ch];
  if (!options) return Infinity;
  const t = target(v);
  for (const [want, cost] of options) if (want === t) return cost;
  return Infinity;
}

function pairCost(a: string, b: string, v: Vowel): number {
  const options = PAIRS[a + b];
  if (!options) return Infinity;
  const t = target(v);
  for (const [want, cost] of options) if (want === t) return cost;
  return Infinity;
}

function insertion(ch: string): number {
  return ch === "'" || ch === '’' ? 0.1 : INSERT;
}

const MAX_READ = 6;
const MAX_VOWELS = 4;
// One table reused by every alignment: repair runs on every report, allocation would dominate.
const table = new Float64Array((MAX_READ + 1) * (MAX_VOWELS + 1));

/** Cheapest alignment of the read vowel characters to a syllable's vowels (edit distance). */
export function vowelCost(read: string[], vowels: Vowel[], costs: Costs): number {
  const n = read.length;
  const m = vowels.length;
  if (n > MAX_READ || m > MAX_VOWELS) return Infinity;
  const w = m + 1;
  table.fill(Infinity, 0, (n + 1) * w);
  table[0] = 0;
  const relax = (i: number, j: number, v: number) => {
    if (v < table[i * w + j]!) table[i * w + j] = v;
  };
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      const here = table[i * w + j]!;
      if (here === Infinity) continue;
      if (i < n) relax(i + 1, j, here + insertion(read[i]!));
      if (j < m) relax(i, j + 1, here + DELETE);
      if (i < n && j < m) relax(i + 1, j + 1, here + substitution(read[i]!, vowels[j]!, costs));
      if (i + 1 < n && j < m)
        relax(i + 2, j + 1, here + pairCost(read[i]!, read[i + 1]!, vowels[j]!));
    }
  return table[n * w + m]!;
}

const TONE_SWAPS: Record<string, number> = {
  '25': 0.4,
  '52': 0.4,
  '12': 0.45,
  '21': 0.45,
  '34': 0.4,
  '43': 0.4,
  // A hook or tilde stacked on a circumflex ("ổ", "ễ") is often read as an acute ("déi").
  '23': 0.55,
  '24': 0.55,
};

/** The cost of a candidate's tone given the tone read (0 when none was read). */
export function toneCost(
  read: Tone,
  candidate: Tone,
  smudged: boolean,
  costs: Costs,
  circumflexRead = false,
): number {
  if (read === candidate) return 0;
  if (!read) return smudged ? Math.min(0.1, costs.toneAdd) : costs.toneAdd;
  // "é" for "ê": the circumflex read as an acute.
  if (!candidate) return circumflexRead && read === 2 ? 0.35 : 0.8;
  return TONE_SWAPS[`${read}${candidate}`] ?? 0.8;
}
