import { fold } from '../fold.js';
import { type Generated, generateSyllables, splitTone, type Tone } from './syllable-grammar.js';

/** A vowel letter as repair compares it: its plain letter and its shape mark, tone apart. */
export interface Vowel {
  base: string;
  mark: Mark;
}
export type Mark = '' | 'breve' | 'circ' | 'horn';

export interface Syllable {
  /** Lower case, NFC, the tone placed as the grammar places it. */
  text: string;
  /** Consonants before the vowels, folded ("đ" → "d"). */
  lead: string;
  /** The lead is "đ". */
  leadD: boolean;
  vowels: Vowel[];
  /** Consonants after the vowels. */
  trail: string;
  tone: Tone;
}

const MARK_OF: Record<string, Mark> = { '\u0306': 'breve', '\u0302': 'circ', '\u031b': 'horn' };
const TONE_OF: Record<string, Tone> = {
  '\u0300': 1,
  '\u0301': 2,
  '\u0309': 3,
  '\u0303': 4,
  '\u0323': 5,
};
export const VOWEL_BASES = 'aeiouy';

export interface Letter {
  base: string;
  mark: Mark;
  tone: Tone;
}

const letterCache = new Map<string, Letter>();

/** One lower-case character split into plain letter, shape mark and tone: "ế" → e, circ, 2. */
export function letterOf(ch: string): Letter {
  const cached = letterCache.get(ch);
  if (cached) return cached;
  let base = '';
  let mark: Mark = '';
  let tone: Tone = 0;
  for (const part of ch.normalize('NFD')) {
    if (MARK_OF[part]) mark = MARK_OF[part]!;
    else if (TONE_OF[part]) tone = TONE_OF[part]!;
    else base += part;
  }
  const letter = { base: base === 'đ' ? 'd' : base, mark, tone };
  letterCache.set(ch, letter);
  return letter;
}

function describe(text: string, tone: Tone): Syllable {
  const chars = [...text];
  let i = 0;
  while (i < chars.length && !VOWEL_BASES.includes(letterOf(chars[i]!).base)) i++;
  // The u of "qu" and the i of "gi" count as vowels: OCR text cannot tell them apart either.
  let j = chars.length;
  while (j > i && !VOWEL_BASES.includes(letterOf(chars[j - 1]!).base)) j--;
  const lead = chars.slice(0, i).join('');
  return {
    text,
    lead: lead.replace('đ', 'd'),
    leadD: lead === 'đ',
    vowels: chars.slice(i, j).map((c) => {
      const l = letterOf(c);
      return { base: l.base, mark: l.mark };
    }),
    trail: chars.slice(j).join(''),
    tone,
  };
}

/** Syllables that differ only by tone: OCR costs of their vowels are computed once for all. */
export interface ToneFamily {
  vowels: Vowel[];
  syllables: Syllable[];
}

export interface Inventory {
  /** Syllables by folded lead and trail: "th|c" → thác, thức, thực, thước … in tone families. */
  byFrame: Map<string, ToneFamily[]>;
  /** Syllables by their text without tone and their tone: "hoa" + 1 → hòa (also for "hoà"). */
  byToneless: Map<string, Syllable>;
  leads: Set<string>;
  trails: Set<string>;
}

export const frameKey = (lead: string, trail: string) => `${lead}|${trail}`;

/**
 * The grammar's syllables and, by toneless text and tone, the index of the one the inventory
 * keeps (the last of a few the grammar writes twice). Generated once per process; a typed text
 * needs only this, the frames repair draws from are built when a text is repaired.
 */
interface Spellings {
  generated: Generated[];
  at: Map<string, number>;
  made: (Syllable | undefined)[];
  shapes: Map<string, Syllable>;
}

let spellings: Spellings | undefined;

/** The grammar's syllables as JSON rows [text, toneless, tone], for a build to ship. */
export const shippedSyllablesJson = (): string =>
  JSON.stringify(generateSyllables().map((g) => [g.text, g.toneless, g.tone]));

// Set by the CLI build to shippedSyllablesJson(): the same syllables generated when dist/ was
// built instead of at every start (generating them cold is about 50 ms). Unset everywhere else.
declare const TONGHOP_SYLLABLES: string | undefined;

function generatedSyllables(): Generated[] {
  if (typeof TONGHOP_SYLLABLES !== 'string') return generateSyllables();
  const rows = JSON.parse(TONGHOP_SYLLABLES) as [string, string, Tone][];
  return rows.map(([text, toneless, tone]) => ({ text, toneless, tone }));
}

function spellingsOf(): Spellings {
  if (spellings) return spellings;
  const generated = generatedSyllables();
  const at = new Map<string, number>();
  generated.forEach((g, i) => {
    at.set(`${g.toneless}${g.tone}`, i);
  });
  spellings = { generated, at, made: [], shapes: new Map() };
  return spellings;
}

/** The i-th syllable, described once: the inventory and canonicalSyllable share the object. */
function syllableAt(sp: Spellings, i: number): Syllable {
  const made = sp.made[i];
  if (made) return made;
  const { text, toneless, tone } = sp.generated[i]!;
  // Syllables that differ only by tone share lead, vowels and trail: describe each shape once.
  let shape = sp.shapes.get(toneless);
  if (!shape) {
    shape = describe(toneless, 0);
    sp.shapes.set(toneless, shape);
  }
  const s: Syllable = { ...shape, text, tone };
  sp.made[i] = s;
  return s;
}

let inventory: Inventory | undefined;

/** The syllable inventory, generated once per process (about 17,000 syllables). */
export function syllableInventory(): Inventory {
  if (inventory) return inventory;
  const byFrame = new Map<string, ToneFamily[]>();
  const families = new Map<string, ToneFamily>();
  const byToneless = new Map<string, Syllable>();
  const leads = new Set<string>();
  const trails = new Set<string>();
  const sp = spellingsOf();
  sp.generated.forEach(({ toneless, tone }, i) => {
    const s = syllableAt(sp, i);
    byToneless.set(`${toneless}${tone}`, s);
    const family = families.get(`${s.leadD}${toneless}`);
    if (family) family.syllables.push(s);
    else {
      const created = { vowels: s.vowels, syllables: [s] };
      families.set(`${s.leadD}${toneless}`, created);
      const key = frameKey(s.lead, s.trail);
      const list = byFrame.get(key);
      if (list) list.push(created);
      else byFrame.set(key, [created]);
    }
    leads.add(s.lead);
    trails.add(s.trail);
  });
  inventory = { byFrame, byToneless, leads, trails };
  return inventory;
}

const canonical = new Map<string, Syllable | null>();

/** The inventory's spelling of a lower-case word when it is one valid syllable, else null. */
export function canonicalSyllable(word: string): Syllable | null {
  const cached = canonical.get(word);
  if (cached !== undefined) return cached;
  const split = splitTone(word);
  const sp = spellingsOf();
  const i = split ? sp.at.get(`${split[0]}${split[1]}`) : undefined;
  const found = i === undefined ? null : syllableAt(sp, i);
  if (canonical.size > 100_000) canonical.clear();
  canonical.set(word, found);
  return found;
}

let shapes: Set<string> | undefined;

/**
 * Whether a word has the letters of some syllable once its marks are set aside ("nguyén" has
 * those of "nguyên"): OCR and keyboards lose marks, but no Vietnamese word has letters none has.
 */
export function hasSyllableShape(word: string): boolean {
  if (!shapes) {
    const { generated, at } = spellingsOf();
    shapes = new Set();
    for (const i of at.values()) shapes.add(fold(generated[i]!.text));
  }
  return shapes.has(fold(word));
}
