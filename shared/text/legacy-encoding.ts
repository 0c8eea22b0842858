// Government files still carry text typed in the pre-Unicode Vietnamese encodings. Word and PDF
// extraction hand it to us as Windows-1252 look-alikes ("B¸o c¸o" for "Báo cáo" in TCVN3,
// "Baùo caùo" in VNI). Each encoding is recognised by characters that never occur in Vietnamese
// Unicode text, then converted. Windows-1258 (Microsoft's Vietnamese code page, tones as separate
// marks) arrives the same way and shares look-alikes with TCVN3: when the characters alone do not
// settle it, each table is tried and the one that yields Vietnamese syllables wins.

import { vietnameseShare } from './syllables.js';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'cp1258';

// TCVN 5712:1993 (VN3, the ABC ".VnTime" fonts): one byte per letter.
export const TCVN3_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['µ', 'à'],
  ['¶', 'ả'],
  ['·', 'ã'],
  ['¸', 'á'],
  ['¹', 'ạ'],
  ['¨', 'ă'],
  ['»', 'ằ'],
  ['¼', 'ẳ'],
  ['½', 'ẵ'],
  ['¾', 'ắ'],
  ['Æ', 'ặ'],
  ['©', 'â'],
  ['Ç', 'ầ'],
  ['È', 'ẩ'],
  ['É', 'ẫ'],
  ['Ê', 'ấ'],
  ['Ë', 'ậ'],
  ['Ì', 'è'],
  ['Î', 'ẻ'],
  ['Ï', 'ẽ'],
  ['Ð', 'é'],
  ['Ñ', 'ẹ'],
  ['ª', 'ê'],
  ['Ò', 'ề'],
  ['Ó', 'ể'],
  ['Ô', 'ễ'],
  ['Õ', 'ế'],
  ['Ö', 'ệ'],
  ['×', 'ì'],
  ['Ø', 'ỉ'],
  ['Ü', 'ĩ'],
  ['Ý', 'í'],
  ['Þ', 'ị'],
  ['ß', 'ò'],
  ['á', 'ỏ'],
  ['â', 'õ'],
  ['ã', 'ó'],
  ['ä', 'ọ'],
  ['«', 'ô'],
  ['å', 'ồ'],
  ['æ', 'ổ'],
  ['ç', 'ỗ'],
  ['è', 'ố'],
  ['é', 'ộ'],
  ['¬', 'ơ'],
  ['ê', 'ờ'],
  ['ë', 'ở'],
  ['ì', 'ỡ'],
  ['í', 'ớ'],
  ['î', 'ợ'],
  ['ï', 'ù'],
  ['ñ', 'ủ'],
  ['ò', 'ũ'],
  ['ó', 'ú'],
  ['ô', 'ụ'],
  ['\u00AD', 'ư'],
  ['õ', 'ừ'],
  ['ö', 'ử'],
  ['÷', 'ữ'],
  ['ø', 'ứ'],
  ['ù', 'ự'],
  ['ú', 'ỳ'],
  ['û', 'ỷ'],
  ['ü', 'ỹ'],
  ['ý', 'ý'],
  ['þ', 'ỵ'],
  ['®', 'đ'],
  ['¡', 'Ă'],
  ['¢', 'Â'],
  ['£', 'Ê'],
  ['¤', 'Ô'],
  ['¥', 'Ơ'],
  ['¦', 'Ư'],
  ['§', 'Đ'],
];
const TCVN3 = new Map(TCVN3_PAIRS);

// VNI Windows: a base letter followed by one or two mark characters.
const VNI_TONES: Record<string, string> = {
  ù: '\u0301',
  ø: '\u0300',
  û: '\u0309',
  õ: '\u0303',
  ï: '\u0323',
};
// Circumflex with a tone ("aá" = ấ) and breve with a tone ("aé" = ắ) are single mark characters.
const VNI_CIRCUMFLEX_TONES: Record<string, string> = {
  á: '\u0301',
  à: '\u0300',
  å: '\u0309',
  ã: '\u0303',
  ä: '\u0323',
};
const VNI_BREVE_TONES: Record<string, string> = {
  é: '\u0301',
  è: '\u0300',
  ú: '\u0309',
  ü: '\u0303',
  ë: '\u0323',
};

// Characters that no Vietnamese Unicode text contains, one set per encoding.
// Only the lower-case letters count: OCR noise brings the odd "¢" or "§", never a run of "¸" and "µ".
const TCVN3_ONLY = /[µ¶·¸¹¨»¼½¾©ª«¬®\u00AD]/g;
// Capitals and rarer letters of TCVN3 that are no Vietnamese letters either; VNI shares some, so
// they weigh half.
const TCVN3_EXTRA = /[ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßäåæçëîïñö÷øùúûüþ§]/g;
const VNI_ONLY = /[aeouyAEOUYôöÔÖ][øûïØÛÏ]|[aeoAEO][âÂäåëÄÅË]|[öÖ][ôÔ]/g;
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/g;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

// Character classes for a single counting pass: this runs on every report, and four regex
// scans over the whole text were the reader's largest cost.
const C_TCVN3 = 1;
const C_TCVN3_EXTRA = 2;
const C_VIETNAMESE = 4;
const C_LETTER = 8;
// "ð" is Windows-1258's đ; no other table writes it.
const C_CP1258 = 16;
let classes: Uint8Array | undefined;

function classTable(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x2000);
  const tcvn3 = new RegExp(TCVN3_ONLY.source);
  const extra = new RegExp(TCVN3_EXTRA.source);
  const vietnamese = new RegExp(VIETNAMESE_ONLY.source);
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    table[c] =
      (tcvn3.test(ch) ? C_TCVN3 : 0) |
      (extra.test(ch) ? C_TCVN3_EXTRA : 0) |
      (vietnamese.test(ch) ? C_VIETNAMESE : 0) |
      (/\p{L}/u.test(ch) ? C_LETTER : 0) |
      (ch === 'ð' || ch === 'Ð' ? C_CP1258 : 0);
  }
  classes = table;
  return table;
}

interface Signals {
  tcvn3: number;
  vni: number;
  cp1258: number;
  vietnamese: number;
  letters: number;
}

function signals(sample: string): Signals {
  const table = classTable();
  let tcvn3Only = 0;
  let tcvn3Extra = 0;
  let cp1258 = 0;
  let vietnamese = 0;
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Beyond the table (CJK, symbols, surrogates) letters are rare in reports: test them one by one.
    const k = c < 0x2000 ? table[c]! : /\p{L}/u.test(sample[i]!) ? C_LETTER : 0;
    if (k & C_TCVN3) tcvn3Only++;
    if (k & C_TCVN3_EXTRA) tcvn3Extra++;
    if (k & C_CP1258) cp1258++;
    if (k & C_VIETNAMESE) vietnamese++;
    if (k & C_LETTER) letters++;
  }
  const vni = tcvn3Extra || tcvn3Only ? count(sample, VNI_ONLY) : 0;
  const tcvn3 = tcvn3Only + (vni ? 0 : tcvn3Extra / 2);
  return { tcvn3, vni, cp1258, vietnamese, letters };
}

export interface EncodingJudgement {
  /** The legacy encoding the text is in; null for Unicode text. */
  encoding: LegacyEncoding | null;
  /**
   * Share (0–1) of the decoded text's marked words that are Vietnamese syllables; 1 for Unicode
   * text that shows no legacy characters.
   */
  confidence: number;
}

// Below this share of Vietnamese syllables, no table read the text well enough to trust it.
export const CONFIDENT_SHARE = 0.8;
const JUDGED_CHARS = 20_000;

/** Which legacy encoding the text is in, if any, and how well the chosen table reads it. */
export function judgeEncoding(text: string): EncodingJudgement {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const s = signals(sample);
  const best = Math.max(s.tcvn3, s.vni, s.cp1258);
  // Real legacy text has a marked letter every few words; stray symbols in OCR output do not.
  if (best < 2 || best <= s.vietnamese || best * 100 < s.letters)
    return { encoding: null, confidence: 1 };
  // The characters' own verdict, for texts too short to judge by their syllables.
  const bySignals: LegacyEncoding =
    s.cp1258 > s.tcvn3 && s.cp1258 > s.vni ? 'cp1258' : s.tcvn3 >= s.vni ? 'tcvn3' : 'vni';
  const head = sample.slice(0, JUDGED_CHARS);
  let choice: EncodingJudgement = { encoding: bySignals, confidence: -1 };
  for (const encoding of [bySignals, 'tcvn3', 'vni', 'cp1258'] as const) {
    const share = vietnameseShare(convertLegacy(head, encoding));
    if (share !== null && share > choice.confidence) choice = { encoding, confidence: share };
  }
  return choice.confidence < 0 ? { encoding: bySignals, confidence: 1 } : choice;
}

/** Which legacy encoding the text is in, if any; judged on the whole text. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  return judgeEncoding(text).encoding;
}

function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return out;
}

// Letters VNI writes as one character of their own.
const VNI_STANDALONE: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  í: 'í',
  Í: 'Í',
  ì: 'ì',
  Ì: 'Ì',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
};

function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const standalone = VNI_STANDALONE[ch];
    const lower = ch.toLowerCase();
    let letter: string;
    let toneable: boolean;
    if (standalone) {
      letter = standalone;
      toneable =
        standalone === 'ơ' || standalone === 'Ơ' || standalone === 'ư' || standalone === 'Ư';
    } else if ('aeouy'.includes(lower) && ch.length === 1) {
      letter = ch;
      toneable = true;
      const mark = (text[i + 1] ?? '').toLowerCase();
      if ('aeo'.includes(lower) && mark === 'â') {
        letter += '\u0302';
        i++;
      } else if (lower === 'a' && mark === 'ê') {
        letter += '\u0306';
        i++;
      } else if ('aeo'.includes(lower) && VNI_CIRCUMFLEX_TONES[mark]) {
        letter += `\u0302${VNI_CIRCUMFLEX_TONES[mark]}`;
        i++;
        toneable = false;
      } else if (lower === 'a' && VNI_BREVE_TONES[mark]) {
        letter += `\u0306${VNI_BREVE_TONES[mark]}`;
        i++;
        toneable = false;
      }
    } else {
      out += ch;
      continue;
    }
    if (toneable) {
      const tone = VNI_TONES[(text[i + 1] ?? '').toLowerCase()];
      if (tone) {
        letter += tone;
        i++;
      }
    }
    out += letter.normalize('NFC');
  }
  return out;
}

// Windows-1258 read as Windows-1252: back to the bytes, then through the real table. The tones
// are combining marks there, composed by NFC.
let cp1252Bytes: Map<string, number> | undefined;

function convertCp1258(text: string): string {
  if (!cp1252Bytes) {
    const all = new Uint8Array(256).map((_, i) => i);
    const chars = new TextDecoder('windows-1252').decode(all);
    cp1252Bytes = new Map([...chars].map((ch, i) => [ch, i]));
  }
  const decoder = new TextDecoder('windows-1258');
  let out = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length) out += decoder.decode(Uint8Array.from(run));
    run = [];
  };
  for (const ch of text) {
    const b = cp1252Bytes.get(ch);
    if (b === undefined) {
      flush();
      out += ch;
    } else run.push(b);
  }
  flush();
  return out.normalize('NFC');
}

export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'tcvn3') return convertTcvn3(text);
  if (encoding === 'vni') return convertVni(text);
  return convertCp1258(text);
}
