import { SPACE, trimEndOf } from '../text/trim.js';
import type { Line } from './lines.js';
import { REPORT_CLOSING } from './patterns.js';
import { isReadableName, nameWords } from './person-name.js';
import { type SignatureToken, signatureTokens, titleOfBlock } from './signature-titles.js';

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

// "Ủy ban nhân dân xã kính báo cáo./.": the body's last sentence naming the committee.
const CLOSING_WORDS = /\/\.\s*$|\bkinh\s+(?:bao|trinh|gui)|\bbao\s+cao\b|\btran\s+trong\b/;
// The body's end mark "./." (Nghị định 30): the signature block follows it.
const END_MARK = /\.\s*\/\s*\.\s*$/;

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

/** The right-hand column of a line that holds both ("- Lưu: VT.        Nguyễn Văn A"). */
function rightColumn(l: Line): { text: string; folded: string } {
  const gap = /\S(\t\s*|\s{3,})(?=\S)(?!.*\S(?:\t|\s{3,})\S)/.exec(
    l.text.length > 200 ? '' : l.text,
  );
  if (!gap) return { text: l.text, folded: l.folded };
  const at = gap.index + 1 + gap[1]!.length;
  return { text: l.text.slice(at), folded: l.folded.slice(at) };
}

/**
 * The prefixes and titles a line carries in the signature column. On the "Nơi nhận" side of a
 * line (its heading, its "- …" items) a role is a recipient ("- CHỦ TỊCH, CÁC PCT UBND XÃ"):
 * there only what follows a prefix counts, or what stands in a column of its own.
 */
function lineTokens(l: Line): SignatureToken[] {
  const col = rightColumn(l);
  const split = col.text.length < l.text.length;
  const noiNhan = NOI_NHAN.exec(col.folded);
  const left = !split && (/^[-+•]/.test(col.text) || noiNhan?.index === 0);
  const from = noiNhan?.index === 0 ? noiNhan[0].length : 0;
  let tokens = signatureTokens(col.text.slice(from), col.folded.slice(from));
  if (left) {
    // Merged by OCR with one space: what follows the item's end mark ("- Lưu: VT. CHỦ TỊCH").
    const itemEnd = col.folded.slice(from).search(/[;.]\s/);
    const first = tokens.findIndex(
      (t) => t.kind === 'authority' || (itemEnd >= 0 && t.at > itemEnd),
    );
    tokens = first < 0 ? [] : tokens.slice(first);
  }
  // "™. UY BAN NHAN DAN": the committee alone on its line, its "TM." garbled by OCR.
  if (!tokens.length && COMMITTEE_SIGNS.test(col.folded) && !CLOSING_WORDS.test(col.folded))
    return [{ kind: 'authority', authority: 'TM', principal: 'ỦY BAN NHÂN DÂN', at: 0, end: 0 }];
  return tokens;
}

/** Where the signature block is looked for: after the closing sentence, else the last lines. */
function blockLines(lines: Line[]): Line[] {
  let closing = -1;
  for (let i = lines.length - 1; i >= 0 && closing < 0; i--)
    if (
      REPORT_CLOSING.test(lines[i]!.folded) ||
      /^tren\s+day\s+la\b/.test(lines[i]!.folded) ||
      END_MARK.test(lines[i]!.folded)
    )
      closing = i;
  if (closing >= 0) return lines.slice(closing + 1, closing + 1 + BLOCK_REACH);
  return lines.slice(Math.max(0, lines.length - 40));
}

function nameAfter(tail: Line[], titleAt: number, damaged: boolean): string | null {
  const titleLine = rightColumn(tail[titleAt]!).text;
  const lowered = titleLine === titleLine.toLowerCase();
  for (let i = titleAt + 1; i < Math.min(tail.length, titleAt + NAME_REACH); i++) {
    const col = rightColumn(tail[i]!);
    if (NOI_NHAN.test(col.folded) || /^[-+]/.test(col.text)) continue;
    if (SIGNATURE_NOISE.test(col.folded) || NOT_A_NAME.test(col.folded)) continue;
    const read = repairNameLetters(col.text);
    const words = nameWords(lowered ? capitalized(read) : read);
    // A name OCR left unreadable ("Thwy", "Blnh", "Nguy€n") is not given: null, never a guess.
    if (!words) continue;
    const whole = col.text.length < tail[i]!.text.length ? wrappedName(words, tail[i + 1]) : words;
    return isReadableName(whole, damaged) ? whole.join(' ') : null;
  }
  return null;
}

/**
 * A name in the signature column of a line shared with "Nơi nhận" whose last word went onto the
 * next line when the long line was wrapped ("- Chủ tịch, các Phó Chủ tịch UBND xã;⇥Phan Văn" over
 * "Hùng"): that line is one or two capitalised words alone, no item and no column of its own.
 */
function wrappedName(words: string[], next: Line | undefined): string[] {
  const rest = next?.text.trim() ?? '';
  if (!rest || /\t|\s{3,}|^[-+•]/.test(rest) || rest === rest.toLocaleUpperCase('vi')) return words;
  const tailWords = rest.split(/\s+/);
  if (tailWords.length > 2) return words;
  return nameWords(`${words.join(' ')} ${rest}`) ?? words;
}

/**
 * Where the signature column starts on a recipient's line: at a wide gap, at a prefix ("KT."),
 * or at a title in capitals after the item's end mark ("- Lưu: VT. CHỦ TỊCH"); -1 if none. A
 * recipient naming a role ("- Chủ tịch, các Phó Chủ tịch UBND xã;") is kept whole.
 */
function signatureColumnAt(item: string, folded: string): number {
  const gap = folded.search(/\s{3,}\S|\t/);
  const itemEnd = folded.search(/[;.]\s/);
  const token = signatureTokens(item, folded).find(
    (t) => t.kind === 'authority' || (itemEnd >= 0 && t.at > itemEnd),
  );
  const at = [gap, token?.at ?? -1].filter((n) => n >= 0);
  return at.length ? Math.min(...at) : -1;
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
    const cut = signatureColumnAt(item, f);
    if (cut >= 0) item = item.slice(0, cut);
    item = trimEndOf(item, `;.,${SPACE}`).trim();
    if (item) distribution.push(item);
  }
  return distribution;
}

/** The title tokens of the block, line by line, up to a gap that starts another block. */
function blockTokens(tail: Line[]): Array<{ token: SignatureToken; line: number }> {
  const out: Array<{ token: SignatureToken; line: number }> = [];
  for (let i = 0; i < tail.length; i++) {
    const tokens = lineTokens(tail[i]!);
    if (!tokens.length) continue;
    // A title a few lines down belongs to the same block ("KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH");
    // one further down starts another block.
    const last = out[out.length - 1];
    if (last && i - last.line > 3) {
      // A stray piece of a word ("bàn." at a wrapped line's start) heads no block by itself.
      if (out.some((t) => t.token.kind !== 'partial')) break;
      out.length = 0;
    }
    for (const token of tokens) out.push({ token, line: i });
  }
  return out;
}

export interface SignatureOptions {
  /** The text is damaged (OCR): a name word one OCR confusion from a Kinh syllable is doubted. */
  damaged?: boolean;
}

/**
 * The signer's title and name, and the "Nơi nhận" list. The block follows the closing sentence
 * ("Trên đây là báo cáo …"), wherever that is: an appendix may come after it. The title follows
 * the block's rules (signature-titles.ts); the name is the first name-shaped line below it.
 */
export function readSignature(lines: Line[], options: SignatureOptions = {}): SignatureBlock {
  const tail = blockLines(lines);
  const tokens = blockTokens(tail);
  const { title, consumed } = titleOfBlock(tokens.map((t) => t.token));
  const titleAt = consumed > 0 ? tokens[consumed - 1]!.line : -1;
  const name = titleAt >= 0 ? nameAfter(tail, titleAt, options.damaged ?? false) : null;
  return { name, title, distribution: distributionOf(tail) };
}
