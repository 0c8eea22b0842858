import { fold } from '../text/fold.js';

// The formulas every administrative letter opens and closes with (Nghị định 30/2020): the
// addressee ("Kính gửi"), the opening that names the documents answered ("Thực hiện Công văn số
// … , UBND xã báo cáo như sau:"), the closing ("Trên đây là báo cáo …", "… báo cáo Sở … xem xét,
// tổng hợp./."), the end mark and the recipients ("Nơi nhận", "- Như trên", "- Lưu: VT").
// They are no point of a report: a proposal or a difficulty is never one of them. Patterns run on
// folded text and tolerate OCR damage ("Trén day 1a báo có kết quả").

// "Trên đây" at a sentence's start: what follows is the closing, whatever its wording.
const CLOSING_OPENER = String.raw`tr\S{0,2}n\s{0,2}d\S{0,2}y(?![a-z])`;
const CLOSING = new RegExp(
  [
    String.raw`(?:^|\n|(?<=[.;:])\s)\s*${CLOSING_OPENER}`,
    // Joined to the last point's line by OCR, its full stop lost: "Trên đây là báo cáo …".
    String.raw`(?<=\s)${CLOSING_OPENER}\s{1,2}[l1i]\S?\s{1,2}(?:b\S{1,2}o|ket|noi|tinh|toan)`,
    String.raw`(?:^|\n|(?<=[.;])\s)\s*(?:n\S{1,2}i\s*nh\S{1,2}n\s*:|kt\.?\s*chu\s*tich|tm\.?\s*(?:uy\s*ban|ubnd))`,
  ].join('|'),
);

const WHOLE = [
  // The addressee.
  /^k[i1l]nh\s*g[a-z]{1,3}\b/,
  // The closing sentence, the end mark, the recipients and the blocks under them.
  new RegExp(`^${CLOSING_OPENER}`),
  /^\W*$/,
  /^n\S{1,2}i\s*nh\S{1,2}n\b/,
  /^[-+•]?\s*(?:nh[uw]\s*tr[e€]n|l[uw]u\s*[:.]?\s*v[t7]|l[uw]u\s*:)/,
  /^(?:tm|kt|tl|tuq)\s*\./,
  // "… báo cáo như sau:", "… báo cáo cụ thể như sau:" ending the opening.
  /\bbao\s*c\S{0,2}o\b[^.;]{0,40}\bnh[uw]\s*sau\s*:?\s*$/,
];

// An opening clause that names the document it answers or rests on.
const OPENING =
  /^(?:th[uyw]c\s*hi[a-z]n|c[a-z]n\s*c[uw]|phuc\s*dap|theo\s+(?:de\s*nghi|yeu\s*cau|chi\s*dao))\b/;
const DOCUMENT_CITED = /\d{1,5}\s*\/\s*[a-z0-9&-]{2,}|\bs[o0]\s*:?\s*\d/;
// "UBND xã … kính báo cáo Sở … (xem xét,) tổng hợp, theo dõi": the report handing itself over.
const HANDOVER = new RegExp(
  String.raw`^(?:(?:uy\s*ban\s*nh\S{1,2}n\s*d\S{1,2}n|ubnd)\b[^.;]{0,60}?\s)?(?:kinh\s+)?b\S{1,2}o\s*c\S{0,2}o\b` +
    String.raw`[^.;]{0,120}?` +
    String.raw`\b(?:xem\s*xet|tong\s*hop|theo\s*doi|duoc\s*biet|de\s*biet|chi\s*dao)\W*$`,
);
const MAX_HANDOVER = 220;

/**
 * Whether a point (a bullet, a sentence) is a formula of the letter and not a point of it: an
 * addressee, an opening that cites the document answered, a closing in any wording (OCR-damaged
 * too), the handing-over sentence, the end mark, a recipient.
 */
export function isFormula(point: string): boolean {
  const f = fold(point).replace(/\s+/g, ' ').trim();
  if (WHOLE.some((re) => re.test(f))) return true;
  if (OPENING.test(f) && DOCUMENT_CITED.test(f)) return true;
  return f.length <= MAX_HANDOVER && HANDOVER.test(f.replace(/[./\s]+$/, ''));
}

/** Where the closing (and what follows it) starts in a section's text, or -1. */
export function closingAt(text: string): number {
  const m = CLOSING.exec(fold(text));
  return m ? m.index : -1;
}
