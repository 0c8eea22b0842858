// Patterns on folded text (lower case, no diacritics) that tolerate the usual OCR damage.

/** "xã" (OCR: "xa", "x4", "x&", "x3"), "phường" ("phuong", "phuodng", "phudng"), "đặc khu". */
export const LEVEL_WORD = /(?<![a-z])(x[a4&3](?![a-z])|ph\w{0,2}[o0]\w{0,2}ng|d[a-z]c\s+khu)\s+/g;

export function levelOf(word: string): 'xa' | 'phuong' | 'dac_khu' {
  if (word.startsWith('x')) return 'xa';
  if (word.startsWith('ph')) return 'phuong';
  return 'dac_khu';
}

/** "Ủy ban nhân dân" or "UBND", as OCR leaves them ("Uy ban nhan dan", "UY BAN NHAN DAN"). */
export const PEOPLES_COMMITTEE = /(?<![a-z])(?:u[yỷ]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)\s+/g;

/** The right column of the header: the national name and motto, cut away to read the left one. */
export const NATIONAL_MOTTO =
  /(c[o0]ng\s+h[o0]a\s+x[a-z]?\s+h|[a-z]?[o0]c\s+l[a-z]p\s*-|t[uw]\s+do\s*-\s*h|h[a-z]nh\s+ph[a-z]c)/;

/** A line that opens the body: the request clause, the basis, the addressee, "Kính gửi". */
export const BODY_OPENER =
  /^(th[uyw]c\s+hi[a-z]n|c[a-z]n\s+c[uw](?![a-z])|k[i1l]nh\s+g[a-z]{1,3}\b|trich\s+yeu)/;

/** Document-type words on a line of their own. */
export const DOCUMENT_TYPE_LINE: ReadonlyArray<
  readonly [RegExp, 'BAO_CAO' | 'KE_HOACH' | 'CONG_VAN']
> = [
  [/^b[a-z0-9]{1,2}o\s*c[a-z0-9]{1,2}o\b/, 'BAO_CAO'],
  [/^k[e&a-z]\s*ho[a-z]{1,2}ch\b/, 'KE_HOACH'],
  [/^c[o0]ng\s*v[a-z]n\b/, 'CONG_VAN'],
];

/** "Trên đây là báo cáo …" closing, OCR-tolerant ("Tyén day 1a bao céo"). */
export const REPORT_CLOSING =
  /\bt[a-z]{0,2}en\s+day\s+[l1i]a\s+(?:bao\s+)*b[a-z]{1,2}\s*c[a-z0-9]{1,2}o\b/;
