// Vietnamese syllables follow a grammar: onset + rhyme + tone. Generating every syllable it
// allows gives the inventory word repair draws its candidates from, without shipping a
// dictionary (the Hunspell Vietnamese list is GPL). The grammar over-generates a little (a few
// syllables no one writes); the priors of the lexicon rank those last.

export const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
] as const;

// Rhymes without tone, glide included. Written as the nucleus clusters they open with.
const RHYME_TEXT = `
a ai ao au ay ac ach am an ang anh ap at
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e eo ec em en eng ep et
ê êch êm ên ênh êp êt êu
i ia iu ich im in inh ip it
iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăt
oe oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut
uân uâng uât uây uê uêch uênh uơ
uôc uôi uôm uôn uông uôt
uy uya uych uyn uynh uyp uyt uyu uyên uyêt
ư ưa ưc ưi ưm ưn ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
`;

export const RHYMES: readonly string[] = RHYME_TEXT.trim().split(/\s+/);

/** Tones as the combining mark each writes (ngang writes none). */
export const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const VOWELS = 'aăâeêioôơuưy';
const MARKED = 'ăâêôơư';
const STOP_CODAS = /(c|ch|p|t)$/;
const LABIALS = new Set(['b', 'm', 'p', 'ph', 'v']);

/** A rhyme's vowel cluster and its consonant coda: "ương" → ["ươ", "ng"]. */
export function splitRhyme(rhyme: string): [string, string] {
  let i = 0;
  while (i < rhyme.length && VOWELS.includes(rhyme[i]!)) i++;
  return [rhyme.slice(0, i), rhyme.slice(i)];
}

/** Index of the vowel that carries the tone (the traditional placement: "hòa", "thụy"). */
export function toneIndex(vowels: string, coda: string): number {
  for (let i = vowels.length - 1; i >= 0; i--) if (MARKED.includes(vowels[i]!)) return i;
  if (coda || vowels.length === 1) return vowels.length - 1;
  return vowels.length === 2 ? 0 : 1;
}

function allowedOnset(onset: string, rhyme: string): boolean {
  const first = rhyme[0]!;
  const front = first === 'i' || first === 'e' || first === 'ê' || (first === 'y' && onset !== '');
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !front;
  if (onset === 'qu') return (!'ouư'.includes(first) && !rhyme.startsWith('iê')) || rhyme === 'ôc';
  if (onset === 'gi') return first !== 'y';
  if (rhyme.startsWith('iê')) return onset !== '';
  if (rhyme.startsWith('yê')) return onset === '';
  // Glide rhymes do not follow labial onsets; "y" alone stands only after an onset or as a word.
  if (LABIALS.has(onset) && /^(o[aăe]|u[âêyơ])/.test(rhyme)) return false;
  return true;
}

// Each vowel with each tone, composed once: generating the inventory then needs no normalize().
const TONED = new Map<string, string>();
for (const v of VOWELS)
  TONE_MARKS.forEach((mark, tone) => {
    TONED.set(`${v}${tone}`, `${v}${mark}`.normalize('NFC'));
  });

/** The written syllable: "gi" + "in" is "gin", the tone on its vowel. */
export function compose(onset: string, rhyme: string, tone: Tone): string {
  const lead = onset === 'gi' && rhyme[0] === 'i' ? 'g' : onset;
  const [vowels, coda] = splitRhyme(rhyme);
  const at = toneIndex(vowels, coda);
  return `${lead}${vowels.slice(0, at)}${TONED.get(`${vowels[at]}${tone}`)}${vowels.slice(at + 1)}${coda}`;
}

export interface Generated {
  text: string;
  /** The same syllable without its tone. */
  toneless: string;
  tone: Tone;
}

/** Every syllable the grammar allows, each once, in NFC. */
export function generateSyllables(): Generated[] {
  const out = new Map<string, Generated>();
  for (const onset of ONSETS)
    for (const rhyme of RHYMES) {
      if (!allowedOnset(onset, rhyme)) continue;
      const stop = STOP_CODAS.test(rhyme);
      const toneless = compose(onset, rhyme, 0);
      for (const tone of [0, 1, 2, 3, 4, 5] as Tone[]) {
        if (stop && tone !== 2 && tone !== 5) continue;
        const text = compose(onset, rhyme, tone);
        if (!out.has(text)) out.set(text, { text, toneless, tone });
      }
    }
  return [...out.values()];
}

const TONE_OF = new Map<string, Tone>(TONE_MARKS.map((m, i) => [m, i as Tone]));

/** A word's tone and its text without tone ("Hoà" → ["Hoa", 1]); null when it writes two tones. */
export function splitTone(word: string): [string, Tone] | null {
  let tone: Tone = 0;
  let rest = '';
  for (const ch of word.normalize('NFD')) {
    const t = TONE_OF.get(ch);
    if (t === undefined || t === 0) rest += ch;
    else if (tone) return null;
    else tone = t;
  }
  return [rest.normalize('NFC'), tone];
}
