import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closingFormula,
  damagedFormula,
  openingFormula,
  REAL_POINTS,
  VALID_LOOKALIKES,
} from '../../scripts/phrase-generator.js';
import { ocrConfusions } from '../../scripts/report-damage.js';
import { pick, rngOf } from '../../scripts/report-generator.js';
import { readerWordModel, repairStoredQuote } from '../../shared/reader/display-text.js';
import { isFormula } from '../../shared/reader/formulas.js';
import { sectionItems } from '../../shared/rollup/points.js';
import { fold } from '../../shared/text/fold.js';
import { canonicalSyllable } from '../../shared/text/words/inventory.js';
import { repairWords } from '../../shared/text/words/repair-words.js';

const seed = fc.integer();
const letters = (w: string) => fold(w).replace(/[^a-z]/g, '');
// What a closing looks like on a page: typed, or as OCR left it.
const closing = seed.map((s) => {
  const rng = rngOf(s);
  const f = closingFormula(rng);
  return rng() < 0.5 ? damagedFormula(rng, f) : f;
});

describe('formulas are never quoted as a point', () => {
  it('a closing in any wording, typed or OCR-damaged, joined to the last point or not', () => {
    fc.assert(
      fc.property(closing, seed, fc.constantFrom('\n', ' ', '\n- '), (c, s, join) => {
        const rng = rngOf(s);
        const points = [pick(rng, REAL_POINTS), pick(rng, REAL_POINTS)];
        const text = `- ${points.join('\n- ')}${join}${c}\nNơi nhận:\n- Như trên;\n- Lưu: VT.`;
        const items = sectionItems(text);
        for (const item of items) expect(isFormula(item)).toBe(false);
        expect(items.some((i) => /tr\S{0,2}n\s*d\S{0,2}y/.test(fold(i)))).toBe(false);
        expect(items.length).toBe(2);
      }),
      { numRuns: 400 },
    );
  });

  it('every closing and opening formula is a formula; no real point is', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rng = rngOf(s);
        const typed = closingFormula(rng);
        const damaged = damagedFormula(rng, typed);
        const opening = openingFormula(rng);
        expect([typed, damaged, opening].filter((f) => !isFormula(f))).toEqual([]);
      }),
      { numRuns: 300 },
    );
    for (const p of REAL_POINTS) expect(isFormula(p)).toBe(false);
  });

  it('the damaged closing seen on a real scan is one', () => {
    expect(isFormula('Trên đây 1a báo có kết quả 6 tháng đầu năm 2025 của UBND xã')).toBe(true);
    expect(
      sectionItems('- Đề nghị hỗ trợ kinh phí cho các thôn.\nTrên đây 1a báo có kết quả'),
    ).toEqual(['Đề nghị hỗ trợ kinh phí cho các thôn.']);
  });
});

describe('word repair never changes a correct word', () => {
  const model = readerWordModel();
  const shapes = fc.constantFrom(
    { density: 0.9, damage: 0 },
    { density: 0.5, damage: 0.2 },
    { density: 0.3, damage: 0.4 },
  );

  it('a valid phrase that looks like OCR damage is kept, whatever the document looks like', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_LOOKALIKES), shapes, (phrase, shape) => {
        expect(repairWords(phrase, model, { shape }).text).toBe(phrase);
        expect(repairStoredQuote(phrase)).toBe(phrase);
      }),
      { numRuns: 120 },
    );
  });

  it('on damaged text a word that is already a syllable keeps its letters; repair is idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_POINTS, ...VALID_LOOKALIKES), seed, (text, s) => {
        const damaged = ocrConfusions(rngOf(s), text, 0.2);
        const once = repairWords(damaged, model, { shape: { density: 0.4, damage: 0.3 } });
        for (const c of once.changes)
          if (canonicalSyllable(c.from.toLowerCase()) && !/^[pP]/.test(c.from))
            expect(letters(c.to)).toBe(letters(c.from).replace(/w/g, 'u'));
        const twice = repairWords(once.text, model, { shape: { density: 0.4, damage: 0.3 } });
        expect(twice.text).toBe(once.text);
      }),
      { numRuns: 200 },
    );
  });
});
