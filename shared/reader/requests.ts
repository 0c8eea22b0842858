import type { Diagnostic } from '../schemas/diagnostic.js';
import { diag } from '../schemas/diagnostic.js';
import type { DocumentRef } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { findDate } from './dates.js';
import { type DocNumberMatch, findDocNumbers } from './doc-number.js';

const KIND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/c[o0]ng\s*v[a-z]n\s*$/, 'Công văn'],
  [/v[a-z]n\s*b[a-z]n\s*$/, 'Văn bản'],
  [/k[e&a-z]\s*ho[a-z]{1,2}ch\s*$/, 'Kế hoạch'],
  [/quy[e€]t\s*d[i1]nh\s*$/, 'Quyết định'],
  [/th[o0]ng\s*b[a-z]o\s*$/, 'Thông báo'],
  [/ch[i1]\s*th[i1]\s*$/, 'Chỉ thị'],
  [/ngh[i1]\s*quy[e€]t\s*$/, 'Nghị quyết'],
  [/h[uw][o0]ng\s*d[a-z]n\s*$/, 'Hướng dẫn'],
  [/t[o0]\s*tr[i1]nh\s*$/, 'Tờ trình'],
];
// A document kind at the start of a clause's next item ("; Công văn số …", "và Kế hoạch số …"),
// a typist's doubled word allowed ("Công văn Công văn số").
const KIND = `(?:${[
  String.raw`c[o0]ng\s*v[a-z]n`,
  String.raw`v[a-z]n\s*b[a-z]n`,
  String.raw`k[e&a-z]\s*ho[a-z]{1,2}ch`,
  String.raw`quy[e€]t\s*d[i1]nh`,
  String.raw`th[o0]ng\s*b[a-z]o`,
  String.raw`ch[i1]\s*th[i1]`,
  String.raw`ngh[i1]\s*quy[e€]t`,
  String.raw`h[uw][o0]ng\s*d[a-z]n`,
].join('|')})`;
const NEXT_ITEM = new RegExp(
  String.raw`^[\s,;]{0,4}(?:va\s+)?(?:${KIND}\s+){1,2}(?:s[o0]\s{0,3}(?:[:.]\s{0,3})?)?\d`,
);

// A clause is read within a bounded window, so a preamble repeating openers stays linear.
const CLAUSE_MAX = 1500;
// Where one item of a clause ends: "về việc" or any "về" (its subject, which may cite other
// documents: "về báo cáo … Nghị quyết số 57-NQ/TW"), a ";", a sentence, a blank line.
const ITEM_END = /\bve\s|\bv\s*\/\s*v\b|;\s|\.\s+\p{Lu}|\n\s*\n/u;
// Where, after an item's "về việc …", the next item may begin.
const ITEM_BREAK = /;|,\s|\sva\s/g;

/** The stretches [from, to) of one clause's items: the first, then each "; Công văn số …". */
function clauseItems(folded: string, from: number): Array<[number, number]> {
  const limit = Math.min(folded.length, from + CLAUSE_MAX);
  const items: Array<[number, number]> = [];
  let at = from;
  while (at < limit) {
    const window = folded.slice(at, limit);
    // An item ends after its number: "chỉ đạo … về việc … tại Văn bản số 12/…" keeps its number.
    const digit = window.search(/\d/);
    const rel = digit < 0 ? -1 : window.slice(digit).search(ITEM_END);
    const end = rel < 0 ? -1 : digit + rel;
    items.push([at, end < 0 ? limit : at + end]);
    if (end < 0) break;
    // The next item starts at a break after this one's end, if a document kind follows it.
    let next = -1;
    ITEM_BREAK.lastIndex = end;
    for (let m = ITEM_BREAK.exec(window); m && m.index - end < 400; m = ITEM_BREAK.exec(window)) {
      if (NEXT_ITEM.test(window.slice(m.index + 1, m.index + 80))) {
        next = at + m.index + 1;
        break;
      }
      if (window[m.index] === ';') break;
    }
    if (next < 0) break;
    at = next;
  }
  return items;
}

function refAt(
  m: DocNumberMatch,
  nextAt: number,
  item: { text: string; folded: string },
  field: string,
  diagnostics: Diagnostic[],
): DocumentRef {
  const before = item.folded
    .slice(Math.max(0, m.index - 24), m.index)
    .replace(/\s*s[o0]\s*(?:[:.]\s*)?$/, '');
  const kind = KIND_WORDS.find(([re]) => re.test(before))?.[1] ?? null;
  const tailFolded = item.folded.slice(m.index + m.length, nextAt);
  const tail = item.text.slice(m.index + m.length, nextAt);
  let issuedOn: string | null = null;
  const d = findDate(tailFolded.slice(0, 40));
  if (d?.reading.ok) issuedOn = d.reading.iso;
  else if (d && !d.reading.ok)
    diagnostics.push(
      diag.warning(
        field,
        `Ngày của văn bản ${m.number} không hợp lệ (${d.reading.raw}); bỏ qua ngày.`,
        'date.invalid',
      ),
    );
  const of = /\bc[u]?[a-z]{0,2}a\s+(.+)$/s.exec(tailFolded) ?? /\bcia\s+(.+)$/s.exec(tailFolded);
  let issuer: string | null = null;
  if (of) {
    const at = (of.index ?? 0) + of[0].length - of[1]!.length;
    issuer =
      tail
        .slice(at)
        .replace(/\s+/g, ' ')
        .replace(/[,;.\s]+(và|va)?\s*$/i, '')
        .trim()
        .slice(0, 120) || null;
  }
  return { number: m.number, issuedOn, kind, issuer };
}

/**
 * The documents named by the clauses that open with `opener` ("Thực hiện …", "Căn cứ …"): each
 * item of the clause ("Công văn số A ngày … của …; Công văn số B …") with its number, date and
 * issuing body. A year mistyped by OCR ("06/8/20255") is a warning and a null date, never a
 * guessed one.
 */
export function readReferences(
  preamble: string,
  opener: RegExp,
  field: string,
  diagnostics: Diagnostic[],
): DocumentRef[] {
  const folded = fold(preamble);
  const refs: DocumentRef[] = [];
  const seen = new Set<string>();
  const openers = new RegExp(opener.source, 'g');
  for (const start of folded.matchAll(openers)) {
    for (const [from, to] of clauseItems(folded, start.index + start[0].length)) {
      const item = { text: preamble.slice(from, to), folded: folded.slice(from, to) };
      const numbers = findDocNumbers(item.text);
      numbers.forEach((m, k) => {
        if (seen.has(m.number)) return;
        seen.add(m.number);
        const nextAt = numbers[k + 1]?.index ?? item.text.length;
        refs.push(refAt(m, nextAt, item, field, diagnostics));
      });
    }
  }
  return refs;
}

const THUC_HIEN = String.raw`th[uyw][a-z]?c\s+hi[a-z]n\s+`;
// "Thực hiện" (typed twice by a slip) followed by a document kind and its number.
const NUMBER_AHEAD = String.raw`(?=(?:[a-z&]{1,12}\s{1,3}){0,4}(?:s[o0]\s{0,3}(?:[:.]\s{0,3})?)?\d)`;
// "Thực hiện chỉ đạo của UBND tỉnh tại Văn bản số …", "Theo đề nghị của Sở … tại Công văn số …":
// the document follows a directive's words, "tại" or "theo" and its kind.
const DIRECTIVE = String.raw`(?:y\s+kien\s+)?(?:chi\s+dao|yeu\s+cau|de\s+nghi|huong\s+dan)\b`;
const KIND_THEN_NUMBER = String.raw`(?:[a-z&]{1,12}\s{1,3}){1,4}s[o0]\s{0,3}(?:[:.]\s{0,3})?\d`;
const DIRECTED_AHEAD = String.raw`(?=${DIRECTIVE}[^.;]{0,120}?\b(?:tai|theo)\s+${KIND_THEN_NUMBER})`;
// "Phúc đáp Công văn số …", "Trả lời Văn bản số …": a công văn answering one; "Triển khai
// (thực hiện) Công văn số …" as offices also open the clause.
const REPLY = String.raw`(?:phuc\s+dap|tra\s+loi|tri[a-z]n\s+khai(?:\s+th[uyw][a-z]?c\s+hi[a-z]n)?)\s+`;
export const REQUEST_OPENER = new RegExp(
  String.raw`(?:^|[.;:]\s+)(?:(?:${THUC_HIEN}(?:${THUC_HIEN})?|${REPLY})${NUMBER_AHEAD}` +
    String.raw`|(?:${THUC_HIEN}|theo\s+)${DIRECTED_AHEAD})`,
);
/**
 * In a quyết định, "Theo đề nghị của … tại Tờ trình số …" (or "Xét đề nghị …") is the proposal
 * the decision grants, not a request it answers: only "Thực hiện …" and a reply open a request.
 */
export const DECISION_REQUEST_OPENER = new RegExp(
  String.raw`(?:^|[.;:]\s+)(?:(?:${THUC_HIEN}(?:${THUC_HIEN})?|${REPLY})${NUMBER_AHEAD}` +
    String.raw`|${THUC_HIEN}${DIRECTED_AHEAD})`,
);

/** "Theo đề nghị của …", "Xét đề nghị của …": the proposal a quyết định grants. */
export const PROPOSAL_OPENER = /(?:^|[.;:]\s+)(?:theo|xet)\s+(?:de\s+nghi|to\s+trinh)\b/;

/** A tờ trình proposes to the level above: citing one is never a request to report. */
export const isProposal = (r: DocumentRef) => r.kind === 'Tờ trình' || /\/TTr-/i.test(r.number);
export const BASIS_OPENER = /(?:^|[.;:]\s+)c[a-z]n\s+c[uw]\s+/;
