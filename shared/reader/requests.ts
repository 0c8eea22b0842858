import type { Diagnostic } from '../schemas/diagnostic.js';
import { diag } from '../schemas/diagnostic.js';
import type { DocumentRef } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { findDate } from './dates.js';
import { findDocNumbers } from './doc-number.js';

const KIND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/c[o0]ng\s*v[a-z]n\s*$/, 'Công văn'],
  [/v[a-z]n\s*b[a-z]n\s*$/, 'Văn bản'],
  [/k[e&a-z]\s*ho[a-z]{1,2}ch\s*$/, 'Kế hoạch'],
  [/quy[e€]t\s*d[i1]nh\s*$/, 'Quyết định'],
  [/th[o0]ng\s*b[a-z]o\s*$/, 'Thông báo'],
  [/ch[i1]\s*th[i1]\s*$/, 'Chỉ thị'],
  [/ngh[i1]\s*quy[e€]t\s*$/, 'Nghị quyết'],
  [/h[uw][o0]ng\s*d[a-z]n\s*$/, 'Hướng dẫn'],
];

// Where the list of documents a clause names ends: "về việc", the first ";", a full stop.
const CLAUSE_MAX = 600;
const CLAUSE_END = /\bv[eé]\s+vi[a-z]{1,2}c?\b|\bv\s*\/\s*v\b|;\s|\.\s+\p{Lu}|\n\s*\n/u;

/**
 * The documents named by the clause that opens with `opener` ("Thực hiện …", "Căn cứ …"): each
 * number with its date and issuing body. A year mistyped by OCR ("06/8/20255") is a warning and
 * a null date, never a guessed one.
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
    const from = start.index + start[0].length;
    // A clause is read within a bounded window, so a preamble repeating openers stays linear.
    const end = folded.slice(from, from + CLAUSE_MAX).search(CLAUSE_END);
    const clause = preamble.slice(from, end < 0 ? from + CLAUSE_MAX : from + end);
    const clauseFolded = folded.slice(from, from + clause.length);
    const numbers = findDocNumbers(clause);
    numbers.forEach((m, k) => {
      if (seen.has(m.number)) return;
      seen.add(m.number);
      const before = clauseFolded
        .slice(Math.max(0, m.index - 24), m.index)
        .replace(/\s*s[o0]\s*(?:[:.]\s*)?$/, '');
      const kind = KIND_WORDS.find(([re]) => re.test(before))?.[1] ?? null;
      const nextAt = numbers[k + 1]?.index ?? clause.length;
      const tailFolded = clauseFolded.slice(m.index + m.length, nextAt);
      const tail = clause.slice(m.index + m.length, nextAt);
      let issuedOn: string | null = null;
      const d = findDate(tailFolded.slice(0, 40));
      if (d) {
        if (d.reading.ok) issuedOn = d.reading.iso;
        else
          diagnostics.push(
            diag.warning(
              field,
              `Ngày của văn bản ${m.number} không hợp lệ (${d.reading.raw}); bỏ qua ngày.`,
              'date.invalid',
            ),
          );
      }
      const of =
        /\bc[uủ]?[a-z]{0,2}a\s+(.+)$/s.exec(tailFolded) ?? /\bcia\s+(.+)$/s.exec(tailFolded);
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
      refs.push({ number: m.number, issuedOn, kind, issuer });
    });
  }
  return refs;
}

export const REQUEST_OPENER =
  /(?:^|[.;:]\s+)th[uyw][a-z]?c\s+hi[a-z]n\s+(?=[a-z&]{1,12}\s{0,3}[a-z]{0,12}\s{0,3}(?:s[o0]\s{0,3}[:.]?\s{0,3})?\d)/;
export const BASIS_OPENER = /(?:^|[.;:]\s+)c[a-z]n\s+c[uw]\s+/;
