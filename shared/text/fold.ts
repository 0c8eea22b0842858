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

/** Lower-case, strip Vietnamese diacritics, keep length: fold("Kiến Thụy") === "kien thuy". */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else out += foldOne(text[i]!);
  }
  return out;
}

/** Fold and collapse white space; for comparing names, not for indexing. */
export function foldKey(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
