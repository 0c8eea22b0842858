import { describe, expect, it } from 'vitest';
import {
  CLEAN_TEXTS,
  type Damage,
  damageText,
  HELD_OUT_TEXTS,
  repairAccuracy,
} from '../../scripts/word-fixtures.js';
import { domainWordModel } from '../../shared/text/words/domain-model.js';
import { repairWords } from '../../shared/text/words/repair-words.js';

// The syllable accuracy of word repair on the project's own texts, damaged by a seeded model of
// what scanners and plain keyboards do. The README quotes the same figures from `npm run bench`.
const model = domainWordModel();
const measure = (damage: Damage, texts: readonly string[] = CLEAN_TEXTS) =>
  repairAccuracy(texts, damage, (t) => repairWords(t, model).text);

describe('syllable accuracy of word repair on damaged fixtures', () => {
  it.each([
    ['stripped', 0.93, 0.8],
    ['ocr-light', 0.95, 0.15],
    ['ocr-heavy', 0.9, 0.35],
  ] as const)('%s: at least %d after repair, gaining at least %d', (damage, floor, gain) => {
    const { before, after } = measure(damage);
    expect(after).toBeGreaterThanOrEqual(floor);
    expect(after - before).toBeGreaterThanOrEqual(gain);
  });

  // Texts never used to tune the word model: lower floors, the figure that says how repair
  // does on words it was not shown.
  it.each([
    ['stripped', 0.7, 0.5],
    ['ocr-light', 0.9, 0.1],
    ['ocr-heavy', 0.8, 0.25],
  ] as const)(
    'held out, %s: at least %d after repair, gaining at least %d',
    (damage, floor, gain) => {
      const { before, after } = measure(damage, HELD_OUT_TEXTS);
      expect(after).toBeGreaterThanOrEqual(floor);
      expect(after - before).toBeGreaterThanOrEqual(gain);
    },
  );

  it('the damage model damages: every seed changes the text, differently', () => {
    const clean = CLEAN_TEXTS.join('\n');
    const a = damageText(clean, 'ocr-heavy', 1);
    expect(a).not.toBe(clean);
    expect(damageText(clean, 'ocr-heavy', 2)).not.toBe(a);
    expect(damageText(clean, 'ocr-heavy', 1)).toBe(a);
  });
});
