// The bench's shared vocabulary: a section prints Markdown for people and records each figure with
// its unit and target, so `npm run bench -- --json` can write them all as one JSON document.
import { fmt } from './format.js';

/** A target beside a figure: the figure meets it when `value op limit`. */
export interface Target {
  op: '<=' | '>=';
  limit: number;
}

export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  met?: boolean;
  note?: string;
}

export interface Bench {
  readonly quick: boolean;
  /**
   * Each section's smallest case only (implies quick): not figures to quote, but proof that every
   * section still runs end to end; test/bench/bench-smoke.test.ts runs it in CI.
   */
  readonly smoke: boolean;
  /** One line of Markdown for people (stderr with --json, else stdout). */
  out(line?: string): void;
  /** One Markdown table row of these cells. */
  row(...cells: (string | number)[]): void;
  /** Records a figure of the current section and returns it, judged against its target. */
  figure(
    name: string,
    value: number,
    unit: string,
    extra?: { target?: Target; note?: string },
  ): Figure;
  /** "12.3 ms (target ≤ 200 ms: met)" for a recorded figure. */
  show(f: Figure, digits?: number): string;
}

export interface BenchSection {
  id: string;
  title: string;
  run(b: Bench): Promise<void>;
}

export const atMost = (limit: number): Target => ({ op: '<=', limit });
export const atLeast = (limit: number): Target => ({ op: '>=', limit });

export function createBench(opts: { quick: boolean; smoke?: boolean; json: boolean }) {
  const figures: Figure[] = [];
  let section = '';
  const write = opts.json
    ? (s: string) => process.stderr.write(s)
    : (s: string) => process.stdout.write(s);
  const bench: Bench = {
    quick: opts.quick || Boolean(opts.smoke),
    smoke: Boolean(opts.smoke),
    out: (line = '') => write(`${line}\n`),
    row: (...cells) => write(`| ${cells.join(' | ')} |\n`),
    figure(name, value, unit, extra = {}) {
      const { target, note } = extra;
      const met = target && (target.op === '<=' ? value <= target.limit : value >= target.limit);
      const f: Figure = {
        section,
        name,
        value,
        unit,
        ...(target && { target, met }),
        ...(note && { note }),
      };
      figures.push(f);
      return f;
    },
    show(f, digits = 0) {
      const value = `${fmt(f.value, digits)} ${f.unit}`;
      if (!f.target) return value;
      const op = f.target.op === '<=' ? '≤' : '≥';
      return `${value} (target ${op} ${fmt(f.target.limit, digits)} ${f.unit}: ${f.met ? 'met' : 'NOT met'})`;
    },
  };
  return {
    bench,
    enter: (id: string) => {
      section = id;
    },
    figures,
  };
}
