import { isVietnameseSyllable } from '../text/syllables.js';
import { SPACE, trimEndOf } from '../text/trim.js';
import type { Line } from './lines.js';
import { REPORT_CLOSING } from './patterns.js';

export interface SignatureBlock {
  name: string | null;
  title: string | null;
  distribution: string[];
}

// "TM. ỦY BAN NHÂN DÂN [XÃ …]" alone on its line: the prefix as OCR leaves it ("™.", "T/M", "IM")
// is a short token with a mark or two letters, so that a wrapped sentence ("nghệ, Ủy ban nhân dân
// phường … kính trình") is no signature.
const COMMITTEE_SIGNS = new RegExp(
  String.raw`^(?:(?:\S{0,3}[^a-z\s]\S{0,3}|[a-z]{2})\s{0,2})?(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)` +
    String.raw`(?:\s+(?:x[a-z0-9&]?|ph\S{2,6}|d[a-z]c\s+khu)(?:\s+\S+){0,4})?\s*$`,
);

// Titles in a commune's signature block, most specific first; written back in proper Vietnamese.
// The committee itself may sign ("TM. ỦY BAN NHÂN DÂN" over the name); OCR garbles the "TM."
// prefix into a symbol ("™.", "IM.", "T.M"), so only what follows it is required.
const TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  // "KT." (ký thay): a deputy signs for the chairman, whatever OCR left of the next line.
  [/\bkt\s{0,3}[.,]?\s{0,3}ch[u]?\s*t[i1j]ch\b/, 'PHÓ CHỦ TỊCH'],
  [/\bq\s*\.\s*ch[u]?\s*t[i1j]ch\b/, 'Q. CHỦ TỊCH'],
  [/\bph[o0]\s+ch[u]?\s*t[i1j]ch\b/, 'PHÓ CHỦ TỊCH'],
  [/\bch[u]\s*t[i1j]ch\b/, 'CHỦ TỊCH'],
  [/\bch[a-z]nh\s+v[a-z]n\s+ph[o0]ng\b/, 'CHÁNH VĂN PHÒNG'],
  [COMMITTEE_SIGNS, 'TM. ỦY BAN NHÂN DÂN'],
];

const NOI_NHAN = /\bn[o0][i1]\s+nh[a-z]{1,2}n\s*:?/;
const SIGNATURE_NOISE =
  /(tm\s*\.|kt\s*\.|ch[u]?\s*t[i1]ch|uy\s+ban|nh[a-z]n\s+d[a-z]n|\(?da\s+ky\)?|\bky\s+ten\b|dong\s+dau)/;
// Capitals that are no name: the headings that may follow a signature.
// A seal read by OCR names the unit ("XÃ THẠCH HÀ", "PHƯỜNG …"): no person's name starts so.
const NOT_A_NAME =
  /\b(phu\s+luc|bieu|bang|danh\s+sach|so\s+lieu|noi\s+nhan|bao\s+cao|thon)\b|^\W*(x[a4]|phuong|dac\s+khu|tinh|huyen)\s/;
// How far below its title a signer's name may stand (the seal, "(Đã ký)", blank space).
const NAME_REACH = 8;
// How far below the closing sentence the block may start.
const BLOCK_REACH = 25;

// OCR reads letters of names as digits or look-alikes ("Th1" or "Thj" for "Thị", "H0ng" for
// "Hồng", "Phưo'ng" for "Phương"): inside a word of letters only these are restored. No
// Vietnamese name has a "j".
const NAME_DIGITS: Record<string, string> = { '0': 'o', '1': 'i', '6': 'ô', j: 'i', J: 'I' };
const HORNS: Record<string, string> = { o: 'ơ', u: 'ư', O: 'Ơ', U: 'Ư' };

function repairNameLetters(text: string): string {
  return text
    .replace(/\p{L}*[\dj]\p{L}*/giu, (w) =>
      /\p{L}/u.test(w.replace(/j/gi, '')) ? w.replace(/[016j]/gi, (d) => NAME_DIGITS[d] ?? d) : w,
    )
    .replace(/([ouOU])['’](?=\p{L})/gu, (_, v: string) => HORNS[v]!);
}

/** "nguyễn văn thành" under a title in lower case: a capitals font (.VnTimeH) lost its case. */
function capitalized(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}

function isPersonName(text: string): boolean {
  const t = trimEndOf(text, '.,;:').trim();
  if (t.length < 4 || t.length > 40) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return (
    words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w)) ||
    words.every((w) => /^\p{Lu}+$/u.test(w) && w.length <= 7)
  );
}

/** The right-hand column of a line that holds both ("- Lưu: VT.        Nguyễn Văn A"). */
function rightColumn(l: Line): { text: string; folded: string } {
  const gap = /\S(\s{3,})(?=\S)(?!.*\S\s{3,}\S)/.exec(l.text.length > 200 ? '' : l.text);
  if (!gap) return { text: l.text, folded: l.folded };
  const at = gap.index + 1 + gap[1]!.length;
  return { text: l.text.slice(at), folded: l.folded.slice(at) };
}

function titleOf(folded: string): string | null {
  for (const [re, t] of TITLES) if (re.test(folded)) return t;
  return null;
}

/** Where the signature block is looked for: after the closing sentence, else the last lines. */
function blockLines(lines: Line[]): Line[] {
  let closing = -1;
  for (let i = lines.length - 1; i >= 0 && closing < 0; i--)
    if (REPORT_CLOSING.test(lines[i]!.folded) || /^tren\s+day\s+la\b/.test(lines[i]!.folded))
      closing = i;
  if (closing >= 0) return lines.slice(closing + 1, closing + 1 + BLOCK_REACH);
  return lines.slice(Math.max(0, lines.length - 40));
}

function nameAfter(tail: Line[], titleAt: number): string | null {
  const titleLine = rightColumn(tail[titleAt]!).text;
  const lowered = titleLine === titleLine.toLowerCase();
  for (let i = titleAt + 1; i < Math.min(tail.length, titleAt + NAME_REACH); i++) {
    const col = rightColumn(tail[i]!);
    if (NOI_NHAN.test(col.folded) || /^[-+]/.test(col.text)) continue;
    if (SIGNATURE_NOISE.test(col.folded) || NOT_A_NAME.test(col.folded)) continue;
    const read = repairNameLetters(col.text);
    const text = trimEndOf(lowered ? capitalized(read) : read, '.,;:').trim();
    // A name OCR left unpronounceable ("Thwy", "Blnh") is not given: null, never a guess.
    if (isPersonName(text)) return text.split(/\s+/).every(isVietnameseSyllable) ? text : null;
  }
  return null;
}

function distributionOf(tail: Line[]): string[] {
  const distribution: string[] = [];
  const start = tail.findIndex((l) => NOI_NHAN.test(l.folded));
  if (start < 0) return distribution;
  for (let i = start + 1; i < tail.length; i++) {
    const l = tail[i]!;
    if (!/^[-+•]/.test(l.text)) {
      if (distribution.length) break;
      continue;
    }
    // The signature column sits on the same line in merged OCR: cut it off.
    let item = l.text.replace(/^[-+•]\s*/, '');
    const f = l.folded.slice(l.text.length - item.length);
    const cut = f.search(/\s(tm\s*\.|kt\s*\.|ph[o0]\s+ch[u]|ch[u]\s*t[i1]ch)|\s{3,}\S/);
    if (cut >= 0) item = item.slice(0, cut);
    item = trimEndOf(item, `;.,${SPACE}`).trim();
    if (item) distribution.push(item);
  }
  return distribution;
}

/**
 * The signer's title and name, and the "Nơi nhận" list. The block follows the closing sentence
 * ("Trên đây là báo cáo …"), wherever that is: an appendix may come after it.
 */
export function readSignature(lines: Line[]): SignatureBlock {
  const tail = blockLines(lines);
  let title: string | null = null;
  let titleAt = -1;
  for (let i = 0; i < tail.length; i++) {
    const l = tail[i]!;
    const t = titleOf(rightColumn(l).folded) ?? titleOf(l.folded);
    if (!t) continue;
    // A later title a few lines down belongs to the same block ("KT. CHỦ TỊCH" over "PHÓ CHỦ
    // TỊCH": the later one is who signed); one further down starts another block.
    if (title && i - titleAt > 3) break;
    if (!(title && t === 'TM. ỦY BAN NHÂN DÂN')) title = t;
    titleAt = i;
  }
  const name = titleAt >= 0 ? nameAfter(tail, titleAt) : null;
  return { name, title, distribution: distributionOf(tail) };
}
