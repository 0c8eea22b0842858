import { fold } from '../fold.js';
import { type Candidate, candidatesOf } from './candidates.js';
import { canonicalSyllable } from './inventory.js';
import type { Costs } from './ocr-cost.js';
import type { WordModel } from './word-model.js';

export interface WordChange {
  /** Offset of the word in the original text. */
  index: number;
  from: string;
  to: string;
}

export interface RepairedWords {
  text: string;
  original: string;
  changes: WordChange[];
}

// A chunk is a run of non-space characters; its core drops the punctuation around it. Cores with
// inner punctuation ("107/NQ-CP", "20/11/2025", "1.020", "a@b.vn") are numbers, dates, document
// numbers or addresses, and repair never touches them.
const CHUNK = /\S+/g;
const EDGE = /^[^\p{L}\p{N}&€¢¥]+|[^\p{L}\p{N}&€¢¥'’]+$/gu;
const WORD = /^[\p{L}\p{M}0-9&€¢¥'’]+$/u;
const DIGIT = /[0-9]/;
// Digits that stand for vowels ("d6i", "x4", "t6"); others (2, 5, 7, 8, 9) never do.
const VOWEL_DIGITS = /^[^0-9]*(?:[01346][^0-9]+)*[01346]?$/;

const LAMBDA = 4;
const KEEP_MARKED = 5;
const KEEP_PLAIN = 2;
const KEEP_UNREAD = 1.3 * LAMBDA;
const BEAM = 6;
const MARKED_SWAP = 0.45;
const UNLISTED_IN_BEAM = 2;

interface Token {
  index: number;
  word: string;
  /** Separated from the previous token by white space only. */
  joined: boolean;
  options: Option[];
}

export interface TextShape {
  /** Share of the words that carry a Vietnamese diacritic: low for stripped text. */
  density: number;
  /** Share of the words that are no valid syllable: high for OCR damage. */
  damage: number;
}

const SHAPE_SAMPLE = 400;

function nonAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * How a text looks: typed Vietnamese, stripped of diacritics, or damaged by OCR. Judged on its
 * first 400 words: a document does not change its look halfway, and the reader pays for this
 * on every report.
 */
export function textShape(text: string): TextShape {
  let words = 0;
  let marked = 0;
  let invalid = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}0-9&€¢¥]+/gu)) {
    const w = m[0];
    const lower = w.toLowerCase();
    // Words in capitals (headings, abbreviations) and numbers say little about the hand.
    if (w === w.toUpperCase() || w.charCodeAt(0) < 0x3a) continue;
    words++;
    if (nonAscii(w)) marked++;
    if (!canonicalSyllable(lower)) invalid++;
    if (words >= SHAPE_SAMPLE) break;
  }
  return words ? { density: marked / words, damage: invalid / words } : { density: 0, damage: 0 };
}

// Roman numerals and abbreviations in capitals ("II", "KT", "KH&CN") are not damaged words.
// OCR reads the numeral "II" as "I1", "Il" or "|I": those are numerals too.
const CAPITALS_CODE = /^(?:[IVXLCl1|]+|[BCDĐGHKLMNPQRSTVX]+)$/;

function abbreviation(word: string): boolean {
  if (CAPITALS_CODE.test(word)) return true;
  if (word !== word.toUpperCase() || word.length < 2) return false;
  // "KH&CN", "KH&ĐT": an ampersand between capitals joins an abbreviation.
  return /\p{L}&\p{L}/u.test(word);
}

function repairable(word: string): boolean {
  if (!WORD.test(word) || [...word].length < 2 || !/\p{L}/u.test(word)) return false;
  if (abbreviation(word)) return false;
  if (!DIGIT.test(word)) return true;
  return !DIGIT.test(word[0]!) && VOWEL_DIGITS.test(word);
}

// Characters no Vietnamese word has: where they stand, even a word with fixed letters may change.
const STAND_IN = /[^a-zđ\u00c0-\u1ef9'’w]/;
/** A word's letters without diacritics, "w" and an apostrophe read as the horn they stand for. */
const skeleton = (s: string) => fold(s).replace(/w/g, 'u').replace(/['’]/g, '');

interface Option {
  text: string;
  id: number;
  score: number;
  cost: number;
}

interface Reading {
  /** Candidates by score before any bonus for keeping the word, best first. */
  ranked: Option[];
  /** The word itself when it is a valid syllable. */
  self: Option | null;
  marked: boolean;
}

// Per word model, the readings of every word seen: reports repeat their words, so repair pays for
// a word's candidates once per process.
const readings = new WeakMap<WordModel, Map<string, Reading>>();

function readingOf(lower: string, model: WordModel, costs: Costs): Reading {
  let cache = readings.get(model);
  if (!cache) {
    cache = new Map();
    readings.set(model, cache);
  }
  const key = `${costs.markAdd}|${costs.lettersFixed}|${lower}`;
  const found = cache.get(key);
  if (found) return found;
  if (cache.size > 50_000) cache.clear();
  const selfSyllable = canonicalSyllable(lower.replace(/’/g, "'"));
  let self: Option | null = null;
  const marked = /[^a-z]/.test(lower);
  const all = candidatesOf(lower, costs).map((c: Candidate) => {
    const id = model.id(c.syllable.text);
    const option = {
      text: c.syllable.text,
      id,
      score: model.prior(id) - LAMBDA * c.cost,
      cost: c.cost,
    };
    if (c.syllable === selfSyllable) self = option;
    return option;
  });
  // A valid word with diacritics may only become a word OCR confuses it with ("két"/"kết"), not
  // any word the phrases would like better ("về"/"và").
  const known = self !== null && marked && model.prior((self as Option).id) > 0;
  const letters = skeleton(lower);
  // A word that is already a syllable keeps its letters: only its marks may be what OCR misread
  // ("trén" → "trên"). Its letters changed would rewrite a correct phrase ("ven biển" is no
  // "văn bản" however often the model saw that).
  const fixed = costs.lettersFixed || self !== null;
  // OCR's "P" for "Đ" at a word's start is a stand-in, not a letter ("PE XUẤT" is "ĐỀ XUẤT").
  const dLead = letters.startsWith('p') ? `d${letters.slice(1)}` : null;
  const sameLetters = (o: Option) => {
    const k = skeleton(o.text);
    return k === letters || (!costs.lettersFixed && k === dLead);
  };
  const ranked = all
    .filter((o) => !fixed || STAND_IN.test(lower) || sameLetters(o))
    .filter((o) => !known || o.cost <= MARKED_SWAP)
    .sort((a, b) => b.score - a.score);
  // The beam keeps syllables the lists know first: spellings no list has ("pè", "đé") are rarely
  // the word meant, however cheap, and would crowd out "đề" that the phrase "đề xuất" wants.
  const listed = ranked.filter((o) => o.id >= 0);
  const unlisted = ranked.filter((o) => o.id < 0).slice(0, UNLISTED_IN_BEAM);
  const beam = [...listed.slice(0, BEAM - unlisted.length), ...unlisted];
  const reading = { ranked: beam, self, marked };
  cache.set(key, reading);
  return reading;
}

interface Keep {
  /** Bonus for keeping a valid word without diacritics, at most, for a common word. */
  plain: number;
  /** Bonus for keeping a valid word with diacritics that no list knows. */
  unknownMarked: number;
}

function optionsOf(word: string, model: WordModel, costs: Costs, keep: Keep): Option[] {
  const { ranked, self, marked } = readingOf(word.toLowerCase(), model, costs);
  // A word with digits and no lower-case letter may be a code ("T6", "A1") unless context says not.
  const code = DIGIT.test(word) && !/\p{Ll}/u.test(word) && word.length <= 2 ? 2 : 0;
  const options = ranked.filter((o) => o !== self).map((o) => ({ ...o, score: o.score - code }));
  if (self) {
    // A plain word is kept as firmly as it is common: "theo" stays, "cua" becomes "của"; a
    // valid word no list knows ("trén") is kept less firmly than a known one.
    const known = Math.min(1, model.prior(self.id) / 2);
    const bonus = marked ? (known > 0 ? KEEP_MARKED : keep.unknownMarked) : keep.plain * known;
    options.push({ ...self, score: self.score + bonus });
  } else options.push({ text: word, id: -1, score: -KEEP_UNREAD, cost: 0 });
  return options;
}

function tokenize(text: string, model: WordModel, costs: Costs, keep: Keep): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const chunk of text.matchAll(CHUNK)) {
    const core = chunk[0].replace(EDGE, '');
    if (!core || !repairable(core)) {
      prevEnd = -1;
      continue;
    }
    const at = chunk.index + chunk[0].indexOf(core);
    const joined = prevEnd >= 0 && /^\s*$/.test(text.slice(prevEnd, at));
    tokens.push({ index: at, word: core, joined, options: optionsOf(core, model, costs, keep) });
    prevEnd = at + core.length;
  }
  return tokens;
}

/** The best reading of each token given its neighbours (Viterbi over the beam). */
function decode(tokens: Token[], model: WordModel): string[] {
  const chosen = new Array<string>(tokens.length);
  let start = 0;
  while (start < tokens.length) {
    let end = start + 1;
    while (end < tokens.length && tokens[end]!.joined) end++;
    let scores = tokens[start]!.options.map((o) => o.score);
    const back: number[][] = [];
    for (let t = start + 1; t < end; t++) {
      const prev = tokens[t - 1]!.options;
      const next = tokens[t]!.options.map((o) => {
        let best = -Infinity;
        let arg = 0;
        prev.forEach((p, i) => {
          const s = scores[i]! + model.pair(p.id, o.id);
          if (s > best) [best, arg] = [s, i];
        });
        return [best + o.score, arg] as const;
      });
      scores = next.map(([s]) => s);
      back.push(next.map(([, a]) => a));
    }
    let at = scores.indexOf(Math.max(...scores));
    for (let t = end - 1; t >= start; t--) {
      chosen[t] = tokens[t]!.options[at]!.text;
      if (t > start) at = back[t - start - 1]![at]!;
    }
    start = end;
  }
  return chosen;
}

/** The repaired word in the case of the word read: "KẾT" for "KET", "Kết" for "Két". */
function inCaseOf(read: string, repaired: string): string {
  const letters = read.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return repaired.toUpperCase();
  if (/^\p{Lu}/u.test(read)) return repaired[0]!.toUpperCase() + repaired.slice(1);
  return repaired;
}

export interface RepairOptions {
  /** The shape of the whole document, when the text is one field of it. */
  shape?: TextShape;
  /** Keep each word's letters, restore only diacritics and stand-ins (names); by default, only
   * in text without diacritics. */
  lettersFixed?: boolean;
}

/**
 * Repairs OCR-damaged and diacritic-less Vietnamese words, syllable by syllable, choosing among
 * candidates by OCR confusion cost, syllable priors and the phrases of the word model. Numbers,
 * dates and document numbers are never touched; valid words with diacritics change only when the
 * phrase model outweighs a strong bonus for keeping them. Linear in the text's length.
 */
export function repairWords(
  text: string,
  model: WordModel,
  options: RepairOptions = {},
): RepairedWords {
  const { density, damage } = options.shape ?? textShape(text);
  const stripped = density < 0.2;
  const costs: Costs = {
    markAdd: stripped ? 0.1 : 0.3,
    toneAdd: stripped ? 0.1 : 0.3,
    lettersFixed: options.lettersFixed ?? stripped,
  };
  const keep: Keep = {
    plain: density >= 0.6 ? KEEP_PLAIN : 4 * density * density,
    // In typed text a valid word no list knows ("phấn đấu") is meant; in OCR text it may be
    // damage that happens to spell a syllable ("trén" for "trên").
    unknownMarked: 1 + (KEEP_MARKED - 1) * Math.max(0, 1 - damage * 10),
  };
  const tokens = tokenize(text, model, costs, keep);
  const chosen = decode(tokens, model);
  const changes: WordChange[] = [];
  let out = '';
  let from = 0;
  tokens.forEach((t, i) => {
    const pick = chosen[i]!;
    if (pick === t.word) return;
    const to = inCaseOf(t.word, pick);
    if (to === t.word || to.normalize('NFD') === t.word.normalize('NFD')) return;
    if (canonicalSyllable(t.word.toLowerCase())?.text === pick) return;
    changes.push({ index: t.index, from: t.word, to });
    out += text.slice(from, t.index) + to;
    from = t.index + t.word.length;
  });
  return { text: out + text.slice(from), original: text, changes };
}
