// Document numbers ("số, ký hiệu") as Nghị định 30/2020 writes them: "72/BC-UBND",
// "1464/SKHCN-KH&ĐMST", "10/KH-UBND"; and the Party's form "57-NQ/TW".

const STATE =
  /(?<![\d/])(\d{1,5})\s*\/\s*([A-ZĐ0-9][A-Za-zĐđ&0-9]{0,11}(?:\s{0,2}-\s{0,2}[A-ZĐ0-9][A-Za-zĐđ&0-9]{0,11}){0,3})/g;
const PARTY = /(?<![\d/])(\d{1,5})-([A-ZĐ][A-Za-zĐđ]{0,5})\/([A-ZĐ][A-Za-zĐđ]{0,5})/g;

// OCR and typing slips in well-known symbol parts, restored to their official spelling.
const SEGMENT_FIXES: Record<string, string> = {
  QD: 'QĐ',
  '0D': 'QĐ',
  OD: 'QĐ',
  DMST: 'ĐMST',
  ND: 'NĐ',
  TTG: 'TTg',
  DU: 'ĐU',
};

export interface DocNumberMatch {
  number: string;
  index: number;
  length: number;
}

function normalizeSymbol(symbol: string): string {
  return symbol
    .replace(/\s+/g, '')
    .split('-')
    .map((seg) => {
      const parts = seg
        .split('&')
        .map((p) =>
          Object.hasOwn(SEGMENT_FIXES, p.toUpperCase()) ? SEGMENT_FIXES[p.toUpperCase()] : p,
        );
      return parts.join('&');
    })
    .join('-');
}

/** Every document number in a stretch of (original, not folded) text, in order. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(STATE)) {
    let symbol = m[2]!;
    // A trailing part that is a plain word ("-Kế") was never part of the symbol.
    symbol = symbol.replace(/\s*-\s*$/, '');
    if (!/[A-Za-zĐđ]/.test(symbol)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/^\/\d/.test(after)) continue;
    // Digits glued to a letter are a misread ("2l5/BC" is not 5/BC), unless the letters are "Số".
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (/\p{L}$/u.test(before) && !/(?:^|[^\p{L}])s[ốoô]$/iu.test(before)) continue;
    out.push({ number: `${m[1]}/${normalizeSymbol(symbol)}`, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(PARTY)) {
    out.push({
      number: `${m[1]}-${m[2]}/${normalizeSymbol(m[3]!)}`,
      index: m.index,
      length: m[0].length,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Symbols that a commune's own report or plan carries. */
export function isOwnDocumentSymbol(number: string): boolean {
  // The kind ends at its hyphen: "02-KH/BCĐTW" (a Party committee's plan) is no "/BC-…".
  return /\/(BC|KH|CV|TTr|TB|QĐ|UBND)(?=-|$)/i.test(number) || /-UBND$/i.test(number);
}
