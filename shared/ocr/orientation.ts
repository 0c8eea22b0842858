import type { OcrEngine, OcrPage, PageImage, Turn } from '../ports/ocr-engine.js';
import { isVietnameseSyllable } from '../text/syllables.js';

/**
 * Below this share of letters in Vietnamese syllables, the page may lie sideways or upside down (a
 * phone held sideways, a page fed turned): an upright page of a report reads above 0.9 even from a
 * noisy photo, a turned one 0.3–0.45 (Tesseract still makes short "words" of it). Upright pages
 * that read well cost nothing more.
 */
export const POOR_READ = 0.65;
/** A turn that reads this well is taken without trying the others. */
const GOOD_READ = 0.85;
/** Fewer words than this is no page of text to judge (a blank back, a seal). */
const MIN_WORDS = 8;
/** Phones are held sideways more often than pages are fed upside down. */
export const TURNS: readonly Turn[] = [90, 270, 180];

/**
 * The share of the page's letters that stand in Vietnamese syllables, by letters so that the short
 * "words" Tesseract makes of a turned page weigh little; null when there are too few words.
 */
export function readQuality(page: OcrPage): number | null {
  let words = 0;
  let letters = 0;
  let valid = 0;
  for (const line of page.lines)
    for (const w of line.words) {
      const word = w.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (!word) continue;
      words++;
      letters += word.length;
      if (isVietnameseSyllable(word)) valid += word.length;
    }
  return words < MIN_WORDS ? null : valid / letters;
}

/**
 * Reads a page the right way up: as it is, and when that reads poorly, turned a quarter, three
 * quarters and half a turn, keeping the reading with most Vietnamese syllables.
 */
export async function recognizeUpright(
  ocr: OcrEngine,
  image: PageImage,
  signal?: AbortSignal,
): Promise<OcrPage> {
  const upright = await ocr.recognize(image, signal);
  const quality = readQuality(upright);
  if (quality === null || quality >= POOR_READ) return upright;
  let best = { page: upright, quality };
  for (const turn of TURNS) {
    const page = { ...(await ocr.recognize({ ...image, turn }, signal)), turn };
    const q = readQuality(page) ?? 0;
    if (q > best.quality) best = { page, quality: q };
    if (q >= GOOD_READ) break;
  }
  return best.page;
}
