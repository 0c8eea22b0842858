// The title lines of a signature block (Nghị định 30/2020/NĐ-CP, Phụ lục I) and what their
// prefixes mean for the title below:
//   TM.  (thay mặt) the collective body signs: its head ("CHỦ TỊCH") or "KT. CHỦ TỊCH" under it;
//   KT.  (ký thay) a deputy signs for the head: the title below is the deputy's ("PHÓ CHỦ TỊCH");
//   Q.   (quyền) an acting head: the title is "Q. CHỦ TỊCH";
//   TL.  (thừa lệnh) and TUQ. (thừa ủy quyền): a head of an office signs on the head's behalf; the
//        title below is that office's ("CHÁNH VĂN PHÒNG"), never the head's own.
// Patterns run on folded text (lower case, no diacritics) and tolerate the usual OCR damage.

const MAX_LINE = 160;

export type Authority = 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ';

export type SignatureToken =
  | { kind: 'authority'; authority: Authority; principal: string; at: number; end: number }
  | { kind: 'title'; title: string; at: number; end: number }
  /** A title line whose start is covered (the seal): "HỦ TỊCH", "NG PHÒNG". */
  | { kind: 'partial'; at: number; end: number };

const COMMITTEE = String.raw`(?:u[y]\s*ban\s*nh[a-z]n\s*d[a-z]n|ubnd)`;
const CHU_TICH = String.raw`ch[u]?\s*t[i1j]ch`;
const PHO = String.raw`ph[o0]\s+`;

// Roles, most specific first; the deputy's role is "PHÓ " and the head's.
const ROLES: ReadonlyArray<readonly [string, string]> = [
  [String.raw`ch[a-z]nh\s+v[a-z]n\s+ph[o0]ng`, 'CHÁNH VĂN PHÒNG'],
  [String.raw`tr[uw][o0]ng\s+ph[o0]ng`, 'TRƯỞNG PHÒNG'],
  [String.raw`gi[a-z]m\s+d[o0]c`, 'GIÁM ĐỐC'],
  [String.raw`tr[uw][o0]ng\s+ban`, 'TRƯỞNG BAN'],
  [CHU_TICH, 'CHỦ TỊCH'],
];
const ROLE = ROLES.map(([re]) => re).join('|');

// The prefix as typed and as OCR leaves it: "KT.", "K.T", "K/T", "T/M", "TUQ.", "T.U.Q", "Q.".
const PREFIX =
  String.raw`(?<![a-z])(tuq|t\s?[/.]\s?u\s?[/.]?\s?q|tm|t\s?[/.]\s?m|kt|k\s?[/.]\s?t|tl|t\s?[/.]\s?l` +
  String.raw`|q(?=\s{0,2}\.))`;
const AUTHORITY = new RegExp(
  String.raw`${PREFIX}\s{0,2}[.,:]?\s{0,3}(${COMMITTEE}|${ROLE})(?![a-z])`,
  'g',
);
const TITLE = new RegExp(String.raw`(?<![a-z])(?:(${PHO})?(${ROLE}))(?![a-z])`, 'g');

function authorityOf(prefix: string): Authority {
  const p = prefix.replace(/[^a-z]/g, '');
  if (p === 'tuq') return 'TUQ';
  if (p === 'kt') return 'KT';
  if (p === 'tl') return 'TL';
  if (p === 'q') return 'Q';
  return 'TM';
}

/** The canonical role a folded role phrase names. */
function roleOf(folded: string): string {
  if (new RegExp(`^${COMMITTEE}$`).test(folded)) return 'ỦY BAN NHÂN DÂN';
  for (const [re, name] of ROLES) if (new RegExp(`^(?:${re})$`).test(folded)) return name;
  return folded.toUpperCase();
}

/**
 * A title of a signature block is printed in capitals; a sentence naming a role ("- Chủ tịch,
 * các Phó Chủ tịch UBND xã;") is not one. A line with no capital at all lost its case to a
 * legacy capitals font (.VnTimeH) and counts.
 */
function inCapitals(text: string, at: number, end: number): boolean {
  if (!/\p{Lu}/u.test(text)) return true;
  const letters = text.slice(at, end).replace(/[^\p{L}]/gu, '');
  if (!letters) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.6;
}

/** The authority prefixes and titles on one line, in order (`text` and `folded` align). */
export function signatureTokens(text: string, folded: string): SignatureToken[] {
  const out: SignatureToken[] = [];
  // A signature line is short; a long line is running text, and reading it costs its length.
  if (folded.length > MAX_LINE) return out;
  for (const m of folded.matchAll(AUTHORITY)) {
    const end = m.index + m[0].length;
    if (!inCapitals(text, m.index, end)) continue;
    const principal = roleOf(m[2]!.replace(/\s+/g, ' '));
    out.push({ kind: 'authority', authority: authorityOf(m[1]!), principal, at: m.index, end });
  }
  for (const m of folded.matchAll(TITLE)) {
    const end = m.index + m[0].length;
    if (out.some((t) => m.index < t.end && end > t.at)) continue;
    if (!inCapitals(text, m.index, end)) continue;
    const role = roleOf(m[2]!.replace(/\s+/g, ' '));
    // What a seal leaves of "PHÓ", "KT." or "Q." before the role ("Ó CHỦ TỊCH", ". CHỦ TỊCH"):
    // the line's title is not known.
    const before = folded.slice(0, m.index);
    if (!m[1] && before.trim() && REMNANT.test(before)) out.push({ kind: 'partial', at: 0, end });
    else out.push({ kind: 'title', title: m[1] ? `PHÓ ${role}` : role, at: m.index, end });
  }
  if (!out.length && isPartialTitle(folded) && inCapitals(text, 0, text.length))
    out.push({ kind: 'partial', at: 0, end: text.length });
  return out.sort((a, b) => a.at - b.at);
}

const ROLE_WORDS = [
  'pho chu tich',
  'pho chanh van phong',
  'pho truong phong',
  'pho giam doc',
  'pho truong ban',
];

/** A line that is the end of a title's words, its start unread ("HỦ TỊCH", "ỊCH", "NG PHÒNG"). */
function isPartialTitle(folded: string): boolean {
  const words = folded
    .replace(/[1j]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[^a-z ]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return words.length >= 2 && ROLE_WORDS.some((r) => r.endsWith(words));
}
const UNREAD = 'unread';
// Up to three letters and a mark, alone before a role on its line.
const REMNANT = /^\W{0,3}(?:[a-z0-9]{1,3})?\s?[./,]?\s*$/;

/**
 * The signer's title from a block's tokens, by the block's rules. The last prefix governs the
 * title below it. A title the rules contradict (the head's own title under "KT." read whole, the
 * head's title under "TL.") is a misreading: null, never a guess.
 */
export function titleOfBlock(tokens: readonly SignatureToken[]): {
  title: string | null;
  consumed: number;
} {
  let governing: Extract<SignatureToken, { kind: 'authority' }> | null = null;
  let below: string | null = null;
  let consumed = 0;
  for (const t of tokens) {
    if (t.kind === 'authority') {
      // The committee's words after a title are the seal's (or another block's). Another prefix
      // after a title rules it: the title above was the rest of a covered prefix line.
      if (below !== null && t.authority === 'TM') break;
      governing = t;
      below = null;
    } else below = t.kind === 'title' ? t.title : UNREAD;
    consumed++;
  }
  return { title: ruled(governing, below), consumed };
}

function ruled(
  governing: Extract<SignatureToken, { kind: 'authority' }> | null,
  below: string | null,
): string | null {
  if (!governing) return below === UNREAD ? null : below;
  const { authority, principal } = governing;
  switch (authority) {
    case 'KT': {
      // The seal often covers "PHÓ": the head's title under "KT." is the deputy's, by the rule.
      if (below === null || below === principal || below === UNREAD) return `PHÓ ${principal}`;
      return below === `PHÓ ${principal}` ? below : null;
    }
    case 'Q':
      return below === null || below === principal ? `Q. ${principal}` : null;
    case 'TL':
    case 'TUQ':
      if (!below || [principal, `PHÓ ${principal}`, UNREAD].includes(below)) return null;
      return below;
    case 'TM':
      if (below === UNREAD) return null;
      if (below) return below;
      return principal === 'ỦY BAN NHÂN DÂN' ? 'TM. ỦY BAN NHÂN DÂN' : principal;
  }
}
