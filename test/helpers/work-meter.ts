// Counts the work regular expressions do while a function runs, without timing anything: every
// String method that takes a RegExp (match, matchAll, replace, search, split, test) reaches
// RegExp.prototype.exec, so wrapping it sees every execution and how far along the subject it
// had to look. A pass that re-searches the rest of the text for every match shows up as work
// growing with the square of the input.

export interface Work {
  /** Regex executions. */
  execs: number;
  /** Characters of subject the executions covered (from where each started to where it stopped). */
  scanned: number;
  /** Every pattern that ran, as "/source/flags", for static checks. */
  patterns: Set<string>;
}

export function measureWork<T>(fn: () => T): { result: T; work: Work } {
  const work: Work = { execs: 0, scanned: 0, patterns: new Set() };
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function exec(this: RegExp, subject: string) {
    const s = String(subject);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = original.call(this, s);
    work.execs++;
    work.scanned += Math.max(1, (m ? m.index + m[0].length : s.length) - from);
    work.patterns.add(`/${this.source}/${this.flags}`);
    return m;
  };
  try {
    return { result: fn(), work };
  } finally {
    RegExp.prototype.exec = original;
  }
}
