import { fold } from '../text/fold.js';

// A figure's label is what people read beside its value (the unit's confirmation page, the desk,
// the rollup): a noun phrase naming what is counted ("Số tổ công nghệ số cộng đồng", "Tỷ lệ hồ sơ
// nộp trực tuyến"), never the words that happened to stand before the number ("Duy trì",
// "kiện toàn Tổ công nghệ số cộng đồng ở", "triệu đồng cho nhiệm vụ chuyển đổi số, chiếm").
// The rule is structural, on folded words: a fragment starts with a verb, an adverb or a
// preposition, ends on a preposition, a conjunction or a verb that wants its object, or has no
// noun to head it.

// Words that cannot open a noun phrase: verbs of the reports' predicates, adverbs, prepositions,
// conjunctions (folded, several words where Vietnamese writes them so).
const NOT_A_HEAD = new Set(
  [
    'duy tri|phan dau|kien toan|thanh lap|to chuc|trien khai|thuc hien|hoan thanh|xay dung|nang cap',
    'tiep nhan|giai quyet|cap|ho tro|huong dan|tuyen truyen|lap dat|dau tu|bo tri|dat|co|la|duoc|da',
    'dang|se|con|chiem|tang|giam|gom|bao gom|tham gia|su dung|ung dung|cai dat|dang ky|kich hoat',
    'so hoa|chi|mo|ra soat|tap huan|boi duong|dao tao|phat trien|thu nhan|ky|cung cap|mua|trang bi',
    'van hanh|cung|van|deu|moi|rat|nham|de|o|tai|cho|cua|voi|va|hoac|trong|tren|den|tu|ve|nhu',
    'theo|boi|bang|qua|sau|truoc|khi|neu|ma|thi|hay|nhung|trong do|toan|toan bo|tong cong|gan|hon',
    'khoang|it nhat|toi thieu|toi da|len|xuong|ra|vao|tiep tuc|thuong xuyen|kip thoi|dong thoi',
    // A measure without its number ("triệu đồng cho …"): the rest of a figure, not a name.
    'trieu dong|ty dong|nghin dong|phan tram',
  ].flatMap((l) => l.split('|')),
);
// Words a noun phrase does not end on: prepositions, conjunctions, verbs that want an object.
const NOT_AN_END = new Set(
  [
    'o|tai|cho|cua|voi|va|hoac|trong|tren|den|tu|ve|nhu|theo|boi|bang|qua|la|dat|chiem|gom|co',
    'duoc|da|dang|se|con|khi|neu|ma|thi|hay|nhung|de|nham|so voi|tren tong so|tong so|bao gom|gan',
    'khoang|len|hon|toi|cac|nhung|moi',
  ].flatMap((l) => l.split('|')),
);

/** The words of a label, folded, without punctuation. */
function wordsOf(label: string): string[] {
  return fold(label)
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Whether the first one or two words are in `set`. */
function leads(words: string[], set: Set<string>): boolean {
  return set.has(words[0] ?? '') || set.has(words.slice(0, 2).join(' '));
}

function trails(words: string[], set: Set<string>): boolean {
  return set.has(words[words.length - 1] ?? '') || set.has(words.slice(-2).join(' '));
}

/**
 * Whether a label is a fragment, not a noun phrase: it starts with a verb, adverb or
 * preposition; ends on a preposition, conjunction or verb; has fewer than two letters' worth of
 * words; or ends on a punctuation mark that cuts a clause (",", ":").
 */
export function isFragment(label: string): boolean {
  const t = label.trim();
  if (/[,;:(]\s*$/.test(t) || /^[^\p{L}]/u.test(t)) return true;
  const words = wordsOf(t).filter((w) => /[a-z]/.test(w));
  if (words.length < 2 && !/^[A-ZĐ]{2,}/.test(t)) return true;
  return leads(words, NOT_A_HEAD) || trails(words, NOT_AN_END);
}

/** The label without the function words at its end ("… trong năm là" → "… trong năm"). */
export function trimmedLabel(label: string): string {
  let t = label.replace(/[\s,;:(-]+$/u, '').trim();
  for (let i = 0; i < 4; i++) {
    const words = t.split(/\s+/);
    const folded = wordsOf(t);
    if (words.length < 2) break;
    const two = folded.slice(-2).join(' ');
    const drop = NOT_AN_END.has(two) ? 2 : NOT_AN_END.has(folded[folded.length - 1] ?? '') ? 1 : 0;
    if (!drop) break;
    t = words
      .slice(0, -drop)
      .join(' ')
      .replace(/[\s,;:(-]+$/u, '');
  }
  return t;
}

// Where the counted thing's noun phrase after a figure stops: punctuation, or a word that opens
// a predicate or an adjunct ("tại các thôn", "đã giải quyết", "cho nhiệm vụ").
const NP_STOP = new Set(
  'tai|o|cho|cua|trong|tren|den|tu|voi|va|hoac|da|dang|duoc|dat|chiem|la|thuoc|theo|nham|de|ve|con'.split(
    '|',
  ),
);
const NP_MAX = 8;

/** The noun phrase that follows a figure ("18 tổ công nghệ số cộng đồng tại các thôn"). */
export function nounPhraseAfter(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(/[^\s]+/g)) {
    const raw = m[0];
    const word = raw.replace(/[.,;:()!?"”“]+$/u, '');
    if (!word || !/^\p{L}/u.test(word) || NP_STOP.has(fold(word))) break;
    out.push(word);
    if (word !== raw || out.length >= NP_MAX) break;
  }
  return out.join(' ');
}

/** "Kinh phí …" for money, "Tỷ lệ …" for a rate, "Số …" for a count: what the figure measures. */
export function headedLabel(
  kind: 'rate' | 'count',
  unit: string | null,
  after: string,
  before: string,
): string | null {
  if (unit === 'triệu đồng' || unit === 'tỷ đồng') {
    const rest = after.replace(/^\s*\S+\s+đồng/u, '');
    const purpose = /^\s*(?:cho|để)\s+([^,;.()]{3,80})/u.exec(rest)?.[1]?.trim();
    return purpose ? `Kinh phí cho ${trimmedLabel(purpose)}` : null;
  }
  const np = trimmedLabel(nounPhraseAfter(after));
  if (!np || !unit || !fold(np).startsWith(fold(unit))) return null;
  const head = `${kind === 'rate' ? 'Tỷ lệ' : 'Số'} ${np}`;
  // "Thành lập 20 tổ …": the verb before the figure says which of the things are counted.
  const verb = trimmedLabel(before);
  const vw = wordsOf(verb);
  if (vw.length && vw.length <= 8 && leads(vw, NOT_A_HEAD) && !trails(vw, NOT_AN_END))
    return `${head} ${verb[0]!.toLocaleLowerCase('vi')}${verb.slice(1)}`;
  return head;
}
