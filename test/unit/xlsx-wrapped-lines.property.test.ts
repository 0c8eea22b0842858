import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrappedLines } from '../../shared/rollup/rollup-xlsx.js';

/** The rule as first written (pieces listed, then laid out): the oracle for the faster loop. */
function laidOut(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.95) - 1);
  return text.split('\n').reduce((n, part) => {
    const pieces = part
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => {
        const len = [...w].length;
        return Array.from({ length: Math.ceil(len / perLine) }, (_, i) =>
          Math.min(perLine, len - i * perLine),
        );
      });
    let lines = 1;
    let used = 0;
    for (const len of pieces)
      if (used && used + 1 + len > perLine) {
        lines += 1;
        used = len;
      } else used += (used ? 1 : 0) + len;
    return n + lines;
  }, 0);
}

const pieces = [
  'a',
  'Khó',
  'khăn',
  ' ',
  '  ',
  '\n',
  '\t',
  'nghiêng',
  '😀',
  'x'.repeat(70),
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\r',
  '\v',
  '\u200b',
  '\ud83d',
  '\ude00',
  '',
];

describe('the lines a wrapped XLSX cell takes', () => {
  it('are those of the greedy layout, for any text and column width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.integer({ min: 1, max: 80 }),
        (parts, width) => {
          const text = parts.join('');
          expect(wrappedLines(text, width)).toBe(laidOut(text, width));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('grow with the text: one more word never takes fewer lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 4, max: 60 }), (text, width) => {
        expect(wrappedLines(`${text} chữ`, width)).toBeGreaterThanOrEqual(
          wrappedLines(text, width),
        );
      }),
    );
  });
});
