// Folding maps each UTF-16 code unit of NFC text to exactly one code unit, so an index found in
// the folded text is the same index in the original: readers match on folded text and cut the
// original (with its diacritics) at the same positions.

const foldChar = new Map<string, string>();

function foldOne(ch: string): string {
  const cached = foldChar.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch.normalize('NFD')[0] ?? ch;
    out = base.toLowerCase();
    if (out.length !== 1) out = ch.length === 1 ? ch : ' ';
  }
  foldChar.set(ch, out);
  return out;
}

// Every code unit below U+2000 (Latin, Vietnamese, punctuation) folded ahead of time: fold runs
// over each report's whole text.
let table: Uint16Array | undefined;

function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x2000);
  for (let c = 0; c < t.length; c++) t[c] = foldOne(String.fromCharCode(c)).charCodeAt(0);
  table = t;
  return t;
}

/** Lower-case, strip Vietnamese diacritics, keep length: fold("Kiến Thụy") === "kien thuy". */
export function fold(text: string): string {
  const t = foldTable();
  // Labels and names are short: concatenation beats allocating a buffer for them.
  if (text.length < 256) {
    let s = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      s += code < 0x2000 ? String.fromCharCode(t[code]!) : foldOne(text[i]!);
    }
    return s;
  }
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = code < 0x2000 ? t[code]! : foldOne(text[i]!).charCodeAt(0);
  }
  let s = '';
  for (let i = 0; i < out.length; i += 8192)
    s += String.fromCharCode.apply(null, out.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Fold and collapse white space; for comparing names, not for indexing. */
export function foldKey(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
