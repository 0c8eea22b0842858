// Encoders into the legacy Vietnamese encodings, to make test files in the form offices send them.
import { TCVN3_PAIRS } from '../shared/text/legacy-encoding.js';

const toTcvn3 = new Map(TCVN3_PAIRS.map(([legacy, uni]) => [uni, legacy]));

/**
 * Unicode → TCVN3 as Windows-1252 look-alikes; capitals with tone marks are typed in lower case
 * (as .VnTimeH users did).
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = toTcvn3.get(ch);
    if (direct) {
      out += direct;
      continue;
    }
    const lower = ch.toLowerCase();
    const viaLower = toTcvn3.get(lower);
    out += viaLower ?? ch;
  }
  return out;
}

const TONE: Record<string, string> = {
  '\u0301': 'ù',
  '\u0300': 'ø',
  '\u0309': 'û',
  '\u0303': 'õ',
  '\u0323': 'ï',
};
const CIRCUMFLEX_TONE: Record<string, string> = {
  '\u0301': 'á',
  '\u0300': 'à',
  '\u0309': 'å',
  '\u0303': 'ã',
  '\u0323': 'ä',
};
const BREVE_TONE: Record<string, string> = {
  '\u0301': 'é',
  '\u0300': 'è',
  '\u0309': 'ú',
  '\u0303': 'ü',
  '\u0323': 'ë',
};
const I_TONE: Record<string, string> = {
  '\u0301': 'í',
  '\u0300': 'ì',
  '\u0309': 'æ',
  '\u0303': 'ó',
  '\u0323': 'ò',
};

/** Unicode → VNI Windows as Windows-1252 look-alikes ("Việt" → "Vieät"). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ') {
      out += 'ñ';
      continue;
    }
    if (ch === 'Đ') {
      out += 'Ñ';
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const base = parts[0]!;
    const marks = parts.slice(1);
    if (!marks.length || !/[aeiouyAEIOUY]/.test(base)) {
      out += ch;
      continue;
    }
    const upper = base !== base.toLowerCase();
    const up = (s: string) => (upper ? s.toUpperCase() : s);
    const tone = marks.find((m) => TONE[m]);
    if (base.toLowerCase() === 'i') {
      out += tone ? up(I_TONE[tone]!) : base;
      continue;
    }
    if (marks.includes('\u031B')) {
      out += up(base.toLowerCase() === 'o' ? 'ô' : 'ö') + (tone ? up(TONE[tone]!) : '');
      continue;
    }
    if (marks.includes('\u0302')) {
      out += base + up(tone ? CIRCUMFLEX_TONE[tone]! : 'â');
      continue;
    }
    if (marks.includes('\u0306')) {
      out += base + up(tone ? BREVE_TONE[tone]! : 'ê');
      continue;
    }
    out += base + (tone ? up(TONE[tone]!) : '');
  }
  return out;
}

let cp1258: Map<string, number> | undefined;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Unicode → Windows-1258 bytes (tones as separate marks), shown as the Windows-1252 look-alikes a
 * text decoder hands on ("Việt" → "Viêòt", "đường" → "ðýõÌng").
 */
export function encodeCp1258(text: string): string {
  if (!cp1258) {
    const chars = new TextDecoder('windows-1258').decode(new Uint8Array(256).map((_, i) => i));
    cp1258 = new Map([...chars].map((ch, i) => [ch, i]));
  }
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = cp1258.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONE_MARKS.test(p));
    const base = parts
      .filter((p) => p !== tone)
      .join('')
      .normalize('NFC');
    const b = cp1258.get(base);
    const t = tone ? cp1258.get(tone) : undefined;
    if (b === undefined || (tone && t === undefined)) bytes.push(0x3f);
    else bytes.push(b, ...(t === undefined ? [] : [t]));
  }
  return new TextDecoder('windows-1252').decode(Uint8Array.from(bytes));
}
