import { reportText } from '../scripts/report-text.js';
import {
  CLEAN_TEXTS,
  type Damage,
  damageText,
  HELD_OUT_TEXTS,
  repairAccuracy,
} from '../scripts/word-fixtures.js';
import { readReport } from '../shared/reader/read-report.js';
import { domainWordModel } from '../shared/text/words/domain-model.js';
import { repairWords, textShape } from '../shared/text/words/repair-words.js';
import type { BenchSection } from './bench.js';
import { fmt } from './format.js';
import { benchUnits } from './units.js';

const DAMAGES: Damage[] = ['stripped', 'ocr-light', 'ocr-heavy'];

function best(fn: () => void, runs: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Word repair: syllable accuracy on the project's damaged fixtures, and its cost per report. */
export const wordsSection: BenchSection = {
  id: 'words',
  title: 'Word repair (syllable accuracy before → after, 5 seeds; time on one core)',
  async run(b) {
    const t0 = performance.now();
    const model = domainWordModel();
    b.out(
      `Word model built in ${b.show(b.figure('word model build', performance.now() - t0, 'ms'))}.`,
    );
    b.out();
    b.out('| damage | tuned fixtures | held-out fixtures |');
    b.out('|---|---:|---:|');
    for (const damage of DAMAGES) {
      const cells = (
        [
          ['tuned', CLEAN_TEXTS],
          ['held-out', HELD_OUT_TEXTS],
        ] as const
      ).map(([name, texts]) => {
        const seeds = b.smoke ? [1] : undefined;
        const accuracy = repairAccuracy(texts, damage, (t) => repairWords(t, model).text, seeds);
        const [before, after] = [100 * accuracy.before, 100 * accuracy.after];
        b.figure(`syllable accuracy ${damage} ${name}`, after, '%', {
          note: `before ${fmt(before, 1)} %`,
        });
        return `${fmt(before, 1)} % → ${fmt(after, 1)} %`;
      });
      b.row(damage, ...cells);
    }
    // Difficulties and proposals of a realistic length (2–3 KB): what the rollup quotes.
    const bullets = (from: number, to: number) =>
      [1, 2, 3].flatMap(() => CLEAN_TEXTS.slice(from, to));
    const cleanText = reportText(benchUnits()[0]!, {
      targetChars: 30 * 1024,
      difficulties: bullets(14, 19),
      proposals: bullets(20, 23),
    });
    const text = damageText(cleanText, 'ocr-light', 9);
    const report = readReport(text);
    const display = [
      report.title ?? '',
      report.signer.name ?? '',
      ...report.sections.map((s) => s.heading),
      ...report.sections.filter((s) => s.kind !== 'results').map((s) => s.text),
    ];
    const shape = textShape(text);
    const repairAll = () => {
      for (const d of display) repairWords(d, model, { shape });
    };
    const cold = b.figure('repair display texts, first', best(repairAll, 1), 'ms');
    const warm = b.figure('repair display texts, again', best(repairAll, b.smoke ? 2 : 20), 'ms');
    const whole = b.figure(
      'repair whole 30 KB text',
      best(() => repairWords(text, model), b.smoke ? 1 : 5),
      'ms',
    );
    const chars = display.reduce((n, d) => n + d.length, 0);
    b.out();
    b.out(
      `30 KB OCR-damaged report (30 % of words), display texts (${fmt(chars)} characters): ${b.show(cold, 1)} first,`,
    );
    b.out(`${b.show(warm, 2)} again; the whole text: ${b.show(whole, 1)}.`);
  },
};
