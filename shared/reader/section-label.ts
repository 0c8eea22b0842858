import { roman } from '../files/word-numbering.js';
import type { SectionKind } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { SECTION_KIND_WORDS } from '../vocabulary/report-words.js';
import { romanValue } from './sections.js';

// Where a quoted point stands in its report, as people read it: the section's number, repaired,
// and the reader's own word for its kind ("III. Nguyên nhân"). The heading as read may carry OCR
// damage ("I11. NGUYÊN NHÂN", "PE XUAT"); the label is built only from what the reader decided,
// so no character of the heading's words can reach the Department's files.

const ORDINALS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6 };
/** "PHẦN THỨ HAI", "Phần II". */
const PART = /^ph[a-z]n\s+(?:thu\s+(nhat|hai|ba|tu|nam|sau)\b|([ivxl|1]{1,5})\b)/;
/** "II.2." (a joined heading split at its sub-section; no sub-section 0), "I11.", "IV -", "|:". */
const NUMERAL = /^([ivxl|1]{1,5})\s*(?:[.:)-]\s*(?:([1-9]\d?)\s*[.)])?|\s)/;
/** "2." or "B)" (parts numbered without Roman numerals). */
const PLAIN = /^(\d{1,2}|[a-e])\s*[.)]/;

/** A numeral token as it is shown: Roman when it reads as one, else as the digits it is. */
function numeralOf(token: string): string | null {
  // "1" alone is the Arabic one; "11", "111" are OCR's II and III (plain parts stop at 9).
  if (/^1$/.test(token)) return '1';
  const value = /^1{2,3}$/.test(token) ? token.length : romanValue(token);
  return value && value < 40 ? roman(value) : null;
}

/** The section's number as written in its heading ("III", "II.2", "2", "B"), or null. */
export function sectionNumber(heading: string): string | null {
  const folded = fold(heading).trim();
  const part = PART.exec(folded);
  if (part) {
    const value = part[1] ? ORDINALS[part[1]]! : romanValue(part[2]!);
    return value ? roman(value) : null;
  }
  const m = NUMERAL.exec(folded);
  // A numeral followed by a space only ("II KHÓ KHĂN") counts in capitals: "Vì …" is a word.
  if (m && (/[.:)-]/.test(m[0]) || /^[IVXL|1]{1,5}\s/.test(heading.trim()))) {
    const main = numeralOf(m[1]!);
    if (main) return m[2] ? `${main}.${Number(m[2])}` : main;
  }
  const plain = PLAIN.exec(folded);
  return plain ? plain[1]!.toUpperCase() : null;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** "III. Nguyên nhân": the section's repaired number and its kind in the reader's words. */
export function sectionLabel(heading: string, kind: SectionKind): string {
  const words = capital(SECTION_KIND_WORDS[kind]);
  const number = sectionNumber(heading);
  return number ? `${number}. ${words}` : words;
}
