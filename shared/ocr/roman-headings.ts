import type { OcrLine } from '../ports/ocr-engine.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const HEADING = /^([IVX]{1,4})([.:])$/;
/** Below this confidence the numeral is the engine's guess (a thin "I" is easily lost). */
const UNSURE = 90;

/**
 * Section headings are numbered I., II., III. in order; Tesseract often drops one stroke of "III"
 * and reads "II." again, with low confidence. A heading numeral read unsure that does not follow
 * the previous heading is set to the one that does.
 */
export function repairHeadingNumerals(lines: OcrLine[]): OcrLine[] {
  let previous = 0;
  return lines.map((line) => {
    const first = line.words[0];
    const m = first && HEADING.exec(first.text);
    const next = line.words[1];
    if (!first || !m || !next || !/^\p{Lu}/u.test(next.text)) return line;
    const n = ROMAN.indexOf(m[1] ?? '') + 1;
    if (n === previous + 1 || n === 0) {
      if (n) previous = n;
      return line;
    }
    if (first.confidence >= UNSURE || previous >= ROMAN.length) {
      previous = n;
      return line;
    }
    previous += 1;
    const text = `${ROMAN[previous - 1]}${m[2]}`;
    return { ...line, words: [{ ...first, text }, ...line.words.slice(1)] };
  });
}
