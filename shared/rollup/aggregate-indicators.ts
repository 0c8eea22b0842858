import { type CatalogueEntry, INDICATOR_CATALOGUE } from '../reader/indicators.js';
import type { Indicator } from '../schemas/report.js';
import type { IndicatorSummary, IndicatorValue } from '../schemas/rollup.js';
import type { Submission } from '../schemas/submission.js';
import { sourceOf } from './source-ref.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A rate in percent: from the raw figures when the report gives both, else the stated percentage. */
function percentOf(i: Indicator): number | null {
  if (i.numerator !== null && i.denominator !== null && i.denominator > 0)
    return (i.numerator / i.denominator) * 100;
  if (i.unit === '%' || (i.value >= 0 && i.value <= 100 && i.unit === null)) return i.value;
  return null;
}

/**
 * One value per unit and indicator. A report that gives the same indicator twice (a summary and a
 * detail line) counts once: the figure with raw numbers for a rate, else the first; the others
 * are kept in `alsoReported` so that a reader can see the disagreement.
 */
function unitValue(
  entry: CatalogueEntry,
  figures: Indicator[],
  submission: Submission,
): IndicatorValue | null {
  const usable = figures
    .map((f) => ({ f, value: entry.kind === 'rate' ? percentOf(f) : f.value }))
    .filter(
      (x): x is { f: Indicator; value: number } => x.value !== null && Number.isFinite(x.value),
    );
  if (!usable.length) return null;
  const chosen =
    (entry.kind === 'rate' &&
      usable.find((x) => x.f.numerator !== null && x.f.denominator !== null)) ||
    usable[0]!;
  const others = [
    ...new Set(
      usable
        .filter((x) => x !== chosen && round2(x.value) !== round2(chosen.value))
        .map((x) => round2(x.value)),
    ),
  ];
  return {
    unitCode: submission.unitCode,
    value: round2(chosen.value),
    numerator: chosen.f.numerator,
    denominator: chosen.f.denominator,
    alsoReported: others,
    line: chosen.f.line,
    source: sourceOf(submission),
  };
}

function extreme(values: IndicatorValue[], v: number) {
  return {
    value: round2(v),
    unitCodes: values.filter((x) => x.value === round2(v)).map((x) => x.unitCode),
  };
}

function spreadOf(values: IndicatorValue[]): IndicatorSummary['spread'] {
  if (!values.length) return null;
  const sorted = values.map((v) => v.value).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    min: extreme(values, sorted[0]!),
    median: extreme(values, median),
    max: extreme(values, sorted[sorted.length - 1]!),
  };
}

/**
 * The province figure of each catalogue indicator over the accepted reports: counts summed,
 * rates as Σ numerators / Σ denominators of the units that give both (never a mean of
 * percentages), and min / median / max of every unit's value with the units behind each.
 */
export function aggregateIndicators(accepted: Submission[]): IndicatorSummary[] {
  const figuresByKey = new Map<string, Map<Submission, Indicator[]>>();
  for (const s of accepted) {
    for (const i of s.report?.indicators ?? []) {
      if (!i.key) continue;
      const byUnit = figuresByKey.get(i.key) ?? new Map<Submission, Indicator[]>();
      const list = byUnit.get(s) ?? [];
      list.push(i);
      byUnit.set(s, list);
      figuresByKey.set(i.key, byUnit);
    }
  }
  return INDICATOR_CATALOGUE.map((entry) => {
    const values: IndicatorValue[] = [];
    for (const [s, figures] of figuresByKey.get(entry.key) ?? []) {
      const v = unitValue(
        entry,
        figures.sort((a, b) => a.line - b.line),
        s,
      );
      if (v) values.push(v);
    }
    values.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    let weighted: IndicatorSummary['weighted'] = null;
    if (entry.kind === 'rate') {
      const raw = values.filter(
        (v) => v.numerator !== null && v.denominator !== null && v.denominator > 0,
      );
      const numerator = raw.reduce((a, v) => a + v.numerator!, 0);
      const denominator = raw.reduce((a, v) => a + v.denominator!, 0);
      if (raw.length)
        weighted = {
          value: round2((numerator / denominator) * 100),
          numerator,
          denominator,
          units: raw.length,
        };
    }
    return {
      key: entry.key,
      name: entry.name,
      unit: entry.unit,
      kind: entry.kind,
      unitsReporting: values.length,
      total:
        entry.kind === 'count' && values.length
          ? round2(values.reduce((a, v) => a + v.value, 0))
          : null,
      weighted,
      spread: spreadOf(values),
      values,
    };
  });
}
