import type { DocumentType } from '../schemas/report.js';

// Patterns on folded text (lower case, no diacritics) that tolerate the usual OCR damage.

/** "xã" (OCR: "xa", "x4", "x&", "x3"), "phường" ("phuong", "phuodng", "phudng"), "đặc khu". */
export const LEVEL_WORD = /(?<![a-z])(x[a4&3](?![a-z])|ph\w{0,2}[o0]\w{0,2}ng|d[a-z]c\s+khu)\s+/g;

export function levelOf(word: string): 'xa' | 'phuong' | 'dac_khu' {
  if (word.startsWith('x')) return 'xa';
  if (word.startsWith('ph')) return 'phuong';
  return 'dac_khu';
}

/** "Ủy ban nhân dân" or "UBND", as OCR leaves them ("Uy ban nhan dan", "UY BAN NHAN DAN"). */
export const PEOPLES_COMMITTEE = /(?<![a-z])(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)\s+/g;

/**
 * The right column of the header: the national name and motto, cut away to read the left one.
 * "Hạnh phúc" alone counts after the motto's dash, a column gap or at the line's start: a
 * commune may be named Hạnh Phúc ("XÃ HẠNH PHÚC").
 */
export const NATIONAL_MOTTO = new RegExp(
  String.raw`(c[o0]ng\s+h[o0]a\s+x[a-z]?\s+h|[a-z]?[o0]c\s+l[a-z]p\s*-|t[uw]\s+do\s*-\s*h` +
    String.raw`|(?<=^|-\s{0,3}|\s{3}|\t)h[a-z]nh\s+ph[a-z]c)`,
);

/** A line that opens the body: the addressee ("Kính gửi") or "Trích yếu". */
export const BODY_OPENER = /^(k[i1l]nh\s*g[a-z]{1,3}\b|trich\s+yeu)/;

/**
 * A clause that opens the body: "Thực hiện …", "Căn cứ …", "Theo đề nghị …", "Phúc đáp …",
 * "Triển khai Công văn số …". It
 * opens a paragraph with a capital; a title wrapped before "thực hiện" goes on in lower case.
 */
export const CLAUSE_OPENER = new RegExp(
  String.raw`^(th[uyw]c\s+hi[a-z]n|c[a-z]n\s+c[uw](?![a-z])|phuc\s+dap|tra\s+loi\s+(?:c[o0]ng|v[a-z]n)` +
    String.raw`|tri[a-z]n\s+khai\s+(?:th[uyw]c\s+hi[a-z]n\s+)?` +
    String.raw`(?:c[o0]ng\s+v[a-z]n|v[a-z]n\s+b[a-z]n|k[e&a-z]\s*ho[a-z]{1,2}ch)\s+s[o0]` +
    String.raw`|theo\s+(?:y\s+kien\s+)?(?:chi\s+dao|yeu\s+cau|de\s+nghi|huong\s+dan))`,
);

/**
 * Every document type the reader tells apart, in one place: the type word on a line of its own
 * (OCR-tolerant, any letter case) and the symbol code its number carries ("72/BC-UBND"). A new
 * type is added to the schema's enum and here; the compiler asks for the entry.
 */
export const DOCUMENT_TYPES: Record<
  Exclude<DocumentType, 'OTHER'>,
  { line: RegExp; symbol: RegExp | null; name: string }
> = {
  BAO_CAO: { line: /^b[a-z0-9]{1,2}o\s*c[a-z0-9]{1,2}o\b/, symbol: /\/BC-/, name: 'báo cáo' },
  KE_HOACH: { line: /^k[e&a-z]\s*ho[a-z]{1,2}ch\b/, symbol: /\/KH-/, name: 'kế hoạch' },
  // A công văn's number names the office, not the type ("45/UBND-VHXH").
  CONG_VAN: { line: /^c[o0]ng\s*v[a-z]n\b/, symbol: null, name: 'công văn' },
};

/**
 * Kinds of document that are none of the above (the contract's OTHER) but whose header reads
 * alike: the type word on its own line, the title under it. A quyết định's title ends at its
 * authority line ("ỦY BAN NHÂN DÂN XÃ …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …").
 */
export const OTHER_TYPES = {
  QUYET_DINH: /^quy[e€]t\s*d[i1]nh\b/,
  TO_TRINH: /^t[o0]\s*tr[i1]nh\b/,
  THONG_BAO: /^th[o0]ng\s*b[a-z]o\b/,
} as const;
export type OtherType = keyof typeof OTHER_TYPES;

/** A quyết định's authority line: who decides, above its "Căn cứ" lines. */
export const AUTHORITY_LINE = new RegExp(
  String.raw`^(?:ch[u]?\s*t[i1]ch\s+)?(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)\s+` +
    String.raw`(?:x[a4]|ph[uw][o0]ng|d[a-z]c\s+khu|t[i1]nh|thanh\s+pho)\b`,
);

/** "DỰ THẢO", "- Dự thảo -", "(Dự thảo lần 2)" on a line of its own: a draft, not issued. */
export const DRAFT_MARK = /^\W*d[uw]\s*th[a-z]o(?:\s+l[a-z]n\s*(?:\d{1,2}|thu\s+\w+))?\W*$/;

/** "Kính gửi:" opening the addressee line (OCR: "Kinh gùi", "K1nh gui"). */
export const KINH_GUI = /^k[i1l]nh\s*g[a-z]{1,3}\b\s*:?/;

/** "V/v …", a công văn's subject line. */
export const SUBJECT_VV = /^v\s*\/\s*v\b/;

/** "Trên đây là báo cáo …" closing, OCR-tolerant ("Tyén day 1a bao céo"). */
export const REPORT_CLOSING =
  /\bt[a-z]{0,2}en\s+day\s+[l1i]a\s+(?:bao\s+)*b[a-z]{1,2}\s*c[a-z0-9]{1,2}o\b/;
