import { frameKey, letterOf, type Syllable, syllableInventory, VOWEL_BASES } from './inventory.js';
import { type Costs, STAND_IN_CHARS, toneCost, vowelCost } from './ocr-cost.js';
import type { Tone } from './syllable-grammar.js';

export interface Candidate {
  syllable: Syllable;
  /** How unlikely OCR or a typist made the word read from this syllable (0 = exactly it). */
  cost: number;
}

/** Candidates dearer than this are not worth keeping: the read word is something else. */
export const MAX_COST = 1.6;
const MAX_VOWEL_CHARS = 5;
const CONSONANTS = 'bcdghklmnpqrstvx';

interface Frame {
  lead: string;
  trail: string;
  read: string[];
  /** Extra cost of reading the lead this way (P read for Đ). */
  leadCost: number;
  /** The candidate must open with "đ" (the lead was read from a P). */
  wantD: boolean;
}

function consonantRun(chars: string[], from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < chars.length; i += step) {
    if (!CONSONANTS.includes(letterOf(chars[i]!).base)) break;
    n++;
  }
  return n;
}

function readable(read: string[]): boolean {
  if (!read.length || read.length > MAX_VOWEL_CHARS) return false;
  let standIns = 0;
  let vowels = 0;
  for (const ch of read) {
    if (VOWEL_BASES.includes(letterOf(ch).base)) vowels++;
    else if (STAND_IN_CHARS.has(ch)) standIns++;
    else return false;
  }
  return standIns <= 2 && vowels + standIns > 0;
}

/** Ways to cut a read word into lead consonants, vowel characters and trailing consonants. */
function framesOf(chars: string[]): Frame[] {
  const { leads, trails } = syllableInventory();
  const frames: Frame[] = [];
  const folded = chars.map((c) => letterOf(c).base);
  const head = consonantRun(chars, 0, 1);
  const tail = consonantRun(chars, chars.length - 1, -1);
  for (let a = 0; a <= Math.min(head, 3); a++) {
    const lead = folded.slice(0, a).join('');
    const alt = lead === 'p' && !leads.has(`p${folded[1] ?? ''}`) ? 'd' : null;
    if (!leads.has(lead) && !alt) continue;
    for (let b = 0; b <= Math.min(tail, 2) && a + b < chars.length; b++) {
      const trail = folded.slice(chars.length - b).join('');
      if (!trails.has(trail)) continue;
      const read = chars.slice(a, chars.length - b);
      // A word's last letter that can end a syllable ends it ("đôt" is "đột", never "đỗ").
      if (b === 0 && tail > 0 && trails.has(folded[chars.length - 1]!)) continue;
      // Only a vowel part after a lead may open with a consonant read for a vowel ("bg" = "bộ").
      if (!readable(read) || (a === 0 && head > 0)) continue;
      frames.push({ lead, trail, read, leadCost: 0, wantD: false });
      if (alt) frames.push({ lead: alt, trail, read, leadCost: 0.45, wantD: true });
    }
  }
  return frames;
}

interface ReadTone {
  tone: Tone;
  /** Some vowel was read as something else ("6", "ii"): its tone is unknown. */
  smudged: boolean;
  /** No vowel was read with a shape mark: an acute may be a lost circumflex. */
  plain: boolean;
}

function readTone(read: string[]): ReadTone {
  let tone: Tone = 0;
  let smudged = /ii|ir|il|tr/.test(read.join(''));
  let plain = true;
  for (const ch of read) {
    const l = letterOf(ch);
    if (!VOWEL_BASES.includes(l.base)) smudged = true;
    else if (l.tone && !tone) tone = l.tone;
    if (l.mark) plain = false;
  }
  return { tone, smudged, plain };
}

function leadCost(chars: string[], frame: Frame, s: Syllable, costs: Costs): number {
  if (frame.wantD) return s.leadD ? frame.leadCost : Infinity;
  if (chars[0] === 'đ') return s.leadD ? 0 : 0.8;
  // Scanners and plain keyboards write "đ" as "d" more often than they lose any other mark.
  return s.leadD ? Math.min(costs.markAdd, 0.15) : 0;
}

/** Every syllable the lower-case word could be a reading of, cheapest first, each once. */
export function candidatesOf(word: string, costs: Costs): Candidate[] {
  const chars = [...word];
  const best = new Map<string, Candidate>();
  const { byFrame } = syllableInventory();
  for (const frame of framesOf(chars)) {
    const read = readTone(frame.read);
    for (const family of byFrame.get(frameKey(frame.lead, frame.trail)) ?? []) {
      if (Math.abs(family.vowels.length - frame.read.length) > 2) continue;
      const lead = leadCost(chars, frame, family.syllables[0]!, costs);
      if (lead > MAX_COST) continue;
      const vowels = lead + vowelCost(frame.read, family.vowels, costs);
      if (vowels > MAX_COST) continue;
      const circumflex =
        read.plain && family.vowels.some((v) => v.mark === 'circ' || v.mark === 'horn');
      for (const s of family.syllables) {
        const cost = vowels + toneCost(read.tone, s.tone, read.smudged, costs, circumflex);
        if (cost > MAX_COST) continue;
        const seen = best.get(s.text);
        if (!seen || seen.cost > cost) best.set(s.text, { syllable: s, cost });
      }
    }
  }
  return [...best.values()].sort((x, y) => x.cost - y.cost);
}
