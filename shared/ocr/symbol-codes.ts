/**
 * The parts of document symbols ("ký hiệu") that state and Party bodies of a province write:
 * document kinds of Nghị định 30/2020 (Phụ lục III), issuing bodies, and the offices and
 * divisions of the Department and the provincial People's Committee. OCR slips make parts outside
 * this list ("SKHON", "S5SKHCN"); a number carrying one and read with doubt is not given.
 */
const PARTS = [
  // Document kinds.
  'NQ QĐ QyĐ CT QC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ GUQ GM GGT GNP PG PC PB TC GB CV TT NĐ TTLT',
  // Bodies: Party, state, People's Committees and Councils, ministries and departments.
  'TW TU HU ĐU BCĐ BCH CP TTg VPCP QH UBTVQH UBND HĐND UBMTTQ VP VPUB VPĐĐBQH BKHCN SKHCN KHCN BTTTT STTTT',
  'BNV SNV BTC STC BNNMT SNNMT SNN SNNPTNT STNMT BYT SYT BGDĐT SGDĐT SXD SCT STP SVHTTDL SKHĐT SLĐTBXH',
  'SGTVT SDL STTTT BCA CA BQP BCHQS',
  // Offices and divisions.
  'QLKH KH&ĐMST ĐMST CĐS KGVX KT TH NC VX TCDN QLCN TĐC SHTT KHTC TCCB TTra QLCL TTTT PTCN KHTH',
  'PVHXH PKTHTĐT PKT VHXH TCKH NV TCHC HCTH XD TNMT VHTT GDĐT YT LĐTBXH NN CNTT',
];

const KNOWN = new Set(
  PARTS.join(' ')
    .split(' ')
    .flatMap((p) => p.split('&'))
    .map((p) => p.toUpperCase()),
);
const isKnown = (part: string) => KNOWN.has(part.toUpperCase());

/** The symbol parts of a document number that are no known part ("2522/SKHON-QLKH" → ["SKHON"]). */
export function unknownSymbolParts(number: string): string[] {
  const symbol = number.replace(/^\d+[-/]/, '');
  return symbol.split(/[-/&]/).filter((p) => p && !/^\d+$/.test(p) && !isKnown(p));
}

// The letters OCR reads as each digit inside a word of capitals.
const LOOKS_LIKE: Record<string, string> = {
  '0': 'OĐDQ',
  '1': 'IL',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'BS',
};

/** Every spelling of `part` with each digit read as a letter it looks like. */
function digitsAsLetters(part: string): string[] {
  let out = [''];
  for (const ch of part) out = out.flatMap((s) => [...(LOOKS_LIKE[ch] ?? ch)].map((l) => s + l));
  return out.slice(0, 64);
}

/** `part` without digits read beside the letter they look like ("S5SKHCN", "S8KHCN" → "SKHCN"). */
function withoutEchoes(part: string): string {
  let s = part;
  for (let i = 0; i < s.length; i++) {
    const like = LOOKS_LIKE[s[i]!];
    if (!like || !(like.includes(s[i - 1] ?? '-') || like.includes(s[i + 1] ?? '-'))) continue;
    const twice = s[i - 1] !== undefined && s[i - 1] === s[i + 1];
    s = s.slice(0, i) + s.slice(twice ? i + 2 : i + 1);
    i--;
  }
  return s;
}

/**
 * A symbol part of capitals with a digit among them is certainly misread: the known part it was
 * when one alone fits (a digit read for the letter it looks like, or beside it), else null.
 */
export function repairSymbolPart(part: string): string | null {
  if (isKnown(part)) return part;
  if (!/\d/.test(part) || !/\p{L}/u.test(part)) return null;
  const spelled = new Set(digitsAsLetters(part).filter(isKnown));
  if (spelled.size === 1) return [...spelled][0]!;
  const cut = withoutEchoes(part);
  return spelled.size === 0 && cut !== part && isKnown(cut) ? cut : null;
}

/**
 * A scanned document number with its misread parts mended ("125/8C-UBND" → "125/BC-UBND"); the
 * number as it is when no part holds a digit among letters; null when such a part cannot be mended.
 */
export function repairDocNumber(number: string): string | null {
  const head = /^\d+[-/]/.exec(number)?.[0] ?? '';
  const parts = number.slice(head.length).split(/([-/&])/);
  let mended = head;
  for (const p of parts) {
    if (/^[-/&]?$/.test(p) || /^\d+$/.test(p) || !/\d/.test(p)) mended += p;
    else {
      const fixed = repairSymbolPart(p);
      if (!fixed) return null;
      mended += fixed;
    }
  }
  return mended;
}
