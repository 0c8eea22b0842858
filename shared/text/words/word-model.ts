import { canonicalSyllable } from './inventory.js';

/**
 * What repair knows of the language: how common each syllable is and which pairs follow each
 * other in the phrases it was given ("chuyển đổi", "đổi số"). Built from word lists the caller
 * passes in (the domain lexicon, the unit registry's names, the catalogue's labels), so this
 * bottom-tier module depends on none of them. Syllables are numbered: repair looks pairs up by
 * number, thousands of times per report.
 */
export interface WordModel {
  /** The syllable's number, or -1 when no list names it. */
  id(syllable: string): number;
  /** log(1 + weight) of a numbered syllable; 0 for -1. */
  prior(id: number): number;
  /** Bonus for the pair in this order; 0 when no phrase has it. */
  pair(first: number, second: number): number;
}

export interface WordSource {
  /** Phrases, one per entry; punctuation splits a phrase. */
  phrases: Iterable<string>;
  /** What one occurrence adds to a pair's weight, and to a syllable's unless `priorWeight` says. */
  weight?: number;
  /**
   * What one occurrence adds to a syllable's weight. Names repeat their syllables ("An" stands in
   * hundreds of unit names) without making them common words.
   */
  priorWeight?: number;
}

const PAIR_BASE = 2.5;
const ZIPF = 800;

/** The inventory's spelling of each syllable of a phrase ("Hoà" → "hòa"), lower case. */
export function syllablesOf(phrase: string): string[][] {
  return phrase
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\s]+/u)
    .map((part) =>
      part
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => canonicalSyllable(w)?.text ?? w),
    )
    .filter((part) => part.length > 0);
}

/** A word model from ranked syllables (most common first) and weighted phrase lists. */
export function buildWordModel(ranked: readonly string[], sources: WordSource[]): WordModel {
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const bigram = new Map<number, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = weights.length;
      ids.set(s, id);
      weights.push(0);
    }
    return id;
  };
  ranked.forEach((s, rank) => {
    weights[idOf(canonicalSyllable(s.toLowerCase())?.text ?? s)]! += ZIPF / (rank + 8);
  });
  for (const { phrases, weight = 1, priorWeight = weight } of sources)
    for (const phrase of phrases)
      for (const part of syllablesOf(phrase)) {
        let prev = -1;
        for (const s of part) {
          const id = idOf(s);
          weights[id]! += priorWeight;
          if (prev >= 0)
            bigram.set(prev * 0x100000 + id, (bigram.get(prev * 0x100000 + id) ?? 0) + weight);
          prev = id;
        }
      }
  const priors = Float64Array.from(weights, (w) => Math.log1p(w));
  return {
    id: (s) => ids.get(s) ?? -1,
    prior: (id) => (id >= 0 ? priors[id]! : 0),
    pair: (a, b) => {
      if (a < 0 || b < 0) return 0;
      const w = bigram.get(a * 0x100000 + b);
      return w ? PAIR_BASE + Math.log1p(w) : 0;
    },
  };
}
