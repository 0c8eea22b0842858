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
  'BNV SNV BTC STC BNNMT SNNMT SNN BYT SYT BGDĐT SGDĐT SXD SCT STP SVHTTDL SKHĐT SLĐTBXH BCA CA BQP BCHQS',
  // Offices and divisions.
  'QLKH KH&ĐMST ĐMST CĐS KGVX KT TH NC VX TCDN QLCN TĐC SHTT VP KHTC TCCB TTra QLCL TTTT PTCN KHTH',
  'PVHXH PKTHTĐT PKT VHXH TCKH NV TCHC HCTH XD TNMT VHTT GDĐT YT LĐTBXH NN CNTT',
];

const KNOWN = new Set(
  PARTS.join(' ')
    .split(' ')
    .flatMap((p) => p.split('&'))
    .map((p) => p.toUpperCase()),
);

/** The symbol parts of a document number that are no known part ("2522/SKHON-QLKH" → ["SKHON"]). */
export function unknownSymbolParts(number: string): string[] {
  const symbol = number.replace(/^\d+[-/]/, '');
  return symbol.split(/[-/&]/).filter((p) => p && !/^\d+$/.test(p) && !KNOWN.has(p.toUpperCase()));
}
