import { domainWordModel } from '../text/words/domain-model.js';
import { repairWords, textShape } from '../text/words/repair-words.js';
import type { WordModel } from '../text/words/word-model.js';

let model: WordModel | undefined;
const repaired = new Map<string, string>();

/**
 * A quoted point as the Department's document shows it: OCR-damaged or diacritic-less words
 * repaired ("Thiéu can bo chuyén trach" → "Thiếu cán bộ chuyên trách"). Typed text is left as
 * it is and costs nothing: the word model loads on the first damaged point; the same words
 * from many units are repaired once.
 */
export function repairQuote(text: string): string {
  const known = repaired.get(text);
  if (known !== undefined) return known;
  const shape = textShape(text);
  let out = text;
  if (shape.damage > 0 || shape.density < 0.4) {
    model ??= domainWordModel();
    out = repairWords(text, model, { shape }).text;
  }
  if (repaired.size < 20_000) repaired.set(text, out);
  return out;
}
