import type { OcrWord, RegionReading } from '../ports/ocr-engine.js';
import { toIsoDate, WRITTEN_DATE } from '../reader/dates.js';
import { findDocNumbers } from '../reader/doc-number.js';
import { contentLines, toDoc } from '../reader/lines.js';
import { readSignature } from '../reader/signer.js';
import { fold } from '../text/fold.js';
import { isVietnameseSyllable } from '../text/syllables.js';
import type { ScanText } from './scan-text.js';

// A field read from a scan is given when its two readings agree (second-reading.ts): the second
// reading of its region spells the same letters and digits, diacritics aside. When the second
// says nothing about it, the first alone must be read surely (every word ≥ SURE); when it says
// something else, the field is left for a person.

/** Every word of a field read at least this surely (0–100) stands without a second reading. */
export const SURE = 90;
/**
 * A title or a name at least this share of whose words the second reading has was read there too:
 * if not to the letter, the readings disagree. Below it the second did not read it at all, which
 * contradicts nothing.
 */
const SAME_TEXT_WORDS = 0.5;

export const key = (s: string) => fold(s).replace(/\s+/g, '');
export const numberKey = (s: string) => key(s).replace(/[^a-z0-9&]/g, '');
const weakest = (words: OcrWord[]) => Math.min(100, ...words.map((w) => w.confidence));
const shown = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 60);

/** The second readings of a region on a page, as text (none when it was not read again). */
export function secondTexts(scan: ScanText, page: number, region: RegionReading['region']) {
  return scan.second.filter((r) => r.page === page && r.region === region).map((r) => r.text);
}

/** Why one reading is not enough: the second has nothing to say and the first is not sure. */
const alone = (words: OcrWord[], what: string) =>
  weakest(words) >= SURE ? null : `chỉ một lần đọc thấy ${what} và chưa thật rõ`;

/** The document number against the "Số:" line of the header read again. */
export function numberOpinion(number: string, words: OcrWord[], others: string[]): string | null {
  const text = others.join('\n');
  if (numberKey(text).includes(numberKey(number))) return null;
  const own = text
    .split('\n')
    .filter((l) => /^\W*s[o0]\b/.test(fold(l)))
    .flatMap((l) => findDocNumbers(l).map((m) => m.number));
  if (own.length) return `hai lần đọc cho số khác nhau ("${shown(own[0]!)}")`;
  return alone(words, 'số này');
}

/** Written dates of a text, on a line or across two (a narrow column breaks the date line). */
function writtenDates(text: string): string[] {
  const lines = text.split('\n');
  const out = new Set<string>();
  for (const i of lines.keys())
    for (const span of [1, 2]) {
      const m = WRITTEN_DATE.exec(fold(lines.slice(i, i + span).join(' ')));
      const d = m && toIsoDate(m[1]!, m[2]!, m[3]!);
      if (d?.ok) out.add(d.iso);
    }
  return [...out];
}

/** The date against the date line of the header read again. */
export function dateOpinion(iso: string, words: OcrWord[], others: string[]): string | null {
  const dates = writtenDates(others.join('\n'));
  if (dates.includes(iso)) return null;
  if (dates.length) return `hai lần đọc cho ngày khác nhau (${dates[0]})`;
  return alone(words, 'ngày này');
}

/** A title or a name against its region read again: the same letters, or nearly all its words. */
export function textOpinion(text: string, words: OcrWord[], others: string[]): string | null {
  const other = others.join('\n');
  if (key(other).includes(key(text))) return null;
  if (!others.length) return alone(words, 'nội dung này');
  const theirs = new Set(fold(other).split(/[^a-z0-9]+/));
  const mine = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const shared = mine.filter((w) => theirs.has(w)).length / Math.max(1, mine.length);
  // Most of its words there but not all of it: the second read the same text otherwise.
  if (shared >= SAME_TEXT_WORDS) return 'hai lần đọc không khớp nhau';
  return alone(words, 'nội dung này');
}

/** The signer's block as the second reading of a page's signature region reads it. */
export function secondSigner(scan: ScanText, page: number) {
  return scan.second
    .filter((s) => s.page === page && s.region === 'signature')
    .map((r) => ({ ...readSignature(contentLines(toDoc(r.text)), { damaged: true }), reading: r }))
    .find((b) => b.name || b.title);
}

/**
 * A signer's name or title against the block the second reading found: the same letters, else
 * they disagree; when the second found no block, as any text (textOpinion).
 */
export function signerOpinion(
  value: string,
  words: OcrWord[],
  theirs: string | null | undefined,
  others: string[],
): string | null {
  if (!theirs) return textOpinion(value, words, others);
  return key(theirs) === key(value) ? null : `hai lần đọc khác nhau ("${shown(theirs)}")`;
}

/**
 * The signer read from the signature region's second reading, for a block the first reading
 * could not find or read otherwise (its columns run together): kept only where the first reading
 * of the page also spells it, every word of it in the second reading was read at least `bar`, and
 * a name is words of Vietnamese.
 */
export function signerFromSecond(
  scan: ScanText,
  page: number,
  bar: number,
): { name: string | null; title: string | null } {
  const block = secondSigner(scan, page);
  if (!block) return { name: null, title: null };
  const firstText = key(
    scan.text
      .split('\n')
      .filter((_, i) => scan.lines[i]?.page === page)
      .join(' '),
  );
  const words = block.reading.lines.flatMap((l) => l.words);
  const sure = (value: string) => {
    const want = key(value);
    const spelled = words.filter((w) => key(w.text) && want.includes(key(w.text)));
    return firstText.includes(want) && spelled.length > 0 && weakest(spelled) >= bar;
  };
  const nameOk = (n: string) => n.split(/\s+/).every((w) => isVietnameseSyllable(w));
  const kt = /\bkt\s*\./.test(fold(block.reading.text));
  const name = block.name && sure(block.name) && nameOk(block.name) ? block.name : null;
  const title =
    block.title && sure(block.title) && (!kt || /\bpho\b/.test(fold(block.title)))
      ? block.title
      : null;
  return { name, title };
}
