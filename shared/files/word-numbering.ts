import { NumberFormat } from '../schemas/document.js';

// Word's automatic numbering, evaluated as Word shows it, whatever file it was read from
// (numbering.xml of a .docx, the list tables of a .doc): list definitions of nine levels each
// (start, number format, label text with %1…%9, restart, legal numbering), the instances that
// point at them (with start overrides or whole levels of their own), and counters that run
// through the document in order, deeper levels restarting when a higher one advances.

export interface NumberLevel {
  start: number;
  /** The format's name as numbering.xml spells it (w:numFmt: "upperRoman", "decimal", "bullet"…). */
  rawFormat: string;
  /** The label template: "%1." stands for level 1's counter in its format. */
  text: string;
  /** w:lvlRestart: 0 never restarts; n restarts after level n (1-based); unset: after any higher. */
  restart?: number;
  legal: boolean;
  pStyle?: string;
}

/** An abstract list (w:abstractNum; a .doc's LSTF with its LVLs). */
export interface ListDefinition {
  levels: (NumberLevel | undefined)[];
  numStyleLink?: string;
}

/** A list instance paragraphs refer to (w:num; a .doc's LFO), with its overrides. */
export interface ListInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, NumberLevel>;
}

export interface NumberLabel {
  label: string | null;
  list: string;
  level: number;
  format: NumberFormat;
}

export const MAX_LEVEL = 8;
/** Symbol-font bullets (private use area) shown as the bullet they draw. */
const PRIVATE_BULLET = /[\uf000-\uf0ff]/g;

export function formatOf(raw: string): NumberFormat {
  if (raw === 'decimalZero') return 'decimal';
  // The schema's enum is the one list of formats the reader tells apart.
  const known = NumberFormat.safeParse(raw);
  return known.success ? known.data : 'other';
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated, not base 26). */
export function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.min(Math.floor((n - 1) / 26) + 1, 20));
}

/** A counter in a level's format, as Word writes it. */
export function formatNumber(n: number, raw: string): string {
  switch (raw) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The numbering of one document, with counters that advance as its paragraphs are read in order. */
export class Numbering {
  private readonly counters = new Map<string, (number | undefined)[]>();

  /** `styleNum`: the instance a numbering style (w:numStyleLink) stands for. */
  constructor(
    private readonly abstracts: ReadonlyMap<string, ListDefinition>,
    private readonly nums: ReadonlyMap<string, ListInstance>,
    private readonly styleNum: (styleId: string) => string | undefined = () => undefined,
  ) {}

  /** The abstract definition of a num, following one numbering-style link. */
  private abstractOf(num: ListInstance): ListDefinition | undefined {
    const a = this.abstracts.get(num.abstractId);
    if (!a?.numStyleLink) return a;
    const linkedNum = this.nums.get(this.styleNum(a.numStyleLink) ?? '');
    return (linkedNum && this.abstracts.get(linkedNum.abstractId)) ?? a;
  }

  /** The level a paragraph of this style takes in this list (w:lvl/w:pStyle), if any. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId);
    const levels = num ? this.abstractOf(num)?.levels : undefined;
    const i = levels?.findIndex((l) => l?.pStyle === styleId) ?? -1;
    return i >= 0 ? i : undefined;
  }

  /** Advances the list's counter for one numbered paragraph and returns its label as shown. */
  next(numId: string, ilvl: number): NumberLabel | null {
    const num = this.nums.get(numId);
    const abstract = num && this.abstractOf(num);
    if (!num || !abstract) return null;
    const level = (i: number) => num.levels.get(i) ?? abstract.levels[i];
    const def = level(ilvl);
    if (!def) return null;
    const start = (i: number) => num.starts.get(i) ?? level(i)?.start ?? 1;
    // A num that restarts a level (w:startOverride) counts on its own; others share the abstract's.
    const key = num.starts.size > 0 ? `n${numId}` : `a${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? start(ilvl) : current + 1;
    // A higher level not met yet counts as met at its start ("I.1." before any "I."): the next
    // paragraph of that level is its second ("II."), as Word and LibreOffice show it.
    for (let i = 0; i < ilvl; i++) counts[i] ??= start(i);
    for (let d = ilvl + 1; d <= MAX_LEVEL; d++) {
      const after = level(d)?.restart ?? d;
      if (after !== 0 && ilvl < after) counts[d] = undefined;
    }
    return {
      label: labelText(
        def,
        (i) => counts[i] ?? start(i),
        (i) => level(i)?.rawFormat ?? 'decimal',
      ),
      list: key,
      level: ilvl,
      format: formatOf(def.rawFormat),
    };
  }
}

function labelText(
  def: NumberLevel,
  count: (i: number) => number,
  rawFormat: (i: number) => string,
): string | null {
  if (def.rawFormat === 'bullet') {
    const bullet = def.text.replace(PRIVATE_BULLET, '•').trim();
    return bullet || null;
  }
  const text = def.text.replace(/%([1-9])/g, (_, n: string) => {
    const i = Number(n) - 1;
    const raw = rawFormat(i);
    return formatNumber(count(i), def.legal && raw !== 'none' ? 'decimal' : raw);
  });
  return text.trim() || null;
}
