import { type CatalogueEntry, INDICATOR_CATALOGUE } from '../reader/indicators.js';
import type { Indicator } from '../schemas/report.js';
import type { FigureBasis, IndicatorSummary, IndicatorValue } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The share of reporting units that must give raw figures (numerator and denominator) for the
 * weighted rate Σ numerators / Σ denominators to be a province's headline. Below it, the
 * weighted rate speaks for a few units only, and the headline is the median of all.
 */
export const LARGE_MAJORITY = 0.8;

const hasRaw = (v: Pick<IndicatorValue, 'numerator' | 'denominator'>) =>
  v.numerator !== null && v.denominator !== null && v.denominator > 0;

/** A rate in percent: from the raw figures when the report gives both, else the stated percentage. */
function percentOf(i: Indicator): number | null {
  if (hasRaw(i)) return (i.numerator! / i.denominator!) * 100;
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
  s: RollupSubmission,
  basisOf: BasisOf,
): IndicatorValue | null {
  const usable = figures
    .map((f) => ({ f, value: entry.kind === 'rate' ? percentOf(f) : f.value }))
    .filter(
      (x): x is { f: Indicator; value: number } => x.value !== null && Number.isFinite(x.value),
    );
  if (!usable.length) return null;
  const chosen = (entry.kind === 'rate' && usable.find((x) => hasRaw(x.f))) || usable[0]!;
  const others = usable
    .filter((x) => x !== chosen && round2(x.value) !== round2(chosen.value))
    .map((x) => round2(x.value));
  return {
    unitCode: s.unitCode,
    value: round2(chosen.value),
    numerator: chosen.f.numerator,
    denominator: chosen.f.denominator,
    alsoReported: [...new Set(others)],
    line: chosen.f.line,
    submissionId: s.submissionId,
    ...withBasis(basisOf(chosen.f)),
  };
}

/** What a figure rests on when it is not plain typed text (see sign-checks.ts). */
export type BasisOf = (figure: Indicator) => FigureBasis | undefined;
const withBasis = (basis: FigureBasis | undefined) => (basis ? { basis } : {});

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

function weightedOf(values: IndicatorValue[]): IndicatorSummary['weighted'] {
  const raw = values.filter(hasRaw);
  if (!raw.length) return null;
  const numerator = raw.reduce((a, v) => a + v.numerator!, 0);
  const denominator = raw.reduce((a, v) => a + v.denominator!, 0);
  return {
    value: round2((numerator / denominator) * 100),
    numerator,
    denominator,
    units: raw.length,
  };
}

/** The figures of each catalogue key, grouped by submission, lines in order. */
function figuresByKey(
  accepted: RollupSubmission[],
): Map<string, Map<RollupSubmission, Indicator[]>> {
  const out = new Map<string, Map<RollupSubmission, Indicator[]>>();
  for (const s of accepted) {
    for (const i of s.view?.indicators ?? []) {
      if (!i.key) continue;
      const byUnit = out.get(i.key) ?? new Map<RollupSubmission, Indicator[]>();
      const list = byUnit.get(s) ?? [];
      list.push(i);
      byUnit.set(s, list);
      out.set(i.key, byUnit);
    }
  }
  return out;
}

function summary(entry: CatalogueEntry, values: IndicatorValue[]): IndicatorSummary {
  const rate = entry.kind === 'rate';
  const weighted = rate ? weightedOf(values) : null;
  const withRaw = weighted?.units ?? 0;
  const headline =
    !rate || !values.length
      ? null
      : withRaw >= LARGE_MAJORITY * values.length
        ? 'weighted'
        : 'median';
  return {
    key: entry.key,
    name: entry.name,
    unit: entry.unit,
    kind: entry.kind,
    unitsReporting: values.length,
    unitsWithRawFigures: withRaw,
    headline,
    total: !rate && values.length ? round2(values.reduce((a, v) => a + v.value, 0)) : null,
    weighted,
    previous: null,
    spread: spreadOf(values),
    values,
  };
}

/**
 * The province figure of each catalogue indicator over the accepted reports: counts summed,
 * rates as Σ numerators / Σ denominators of the units that give both (never a mean of
 * percentages), and min / median / max of every unit's value with the units behind each.
 */
export function aggregateIndicators(
  accepted: RollupSubmission[],
  basisOf: BasisOf = () => undefined,
): IndicatorSummary[] {
  const byKey = figuresByKey(accepted);
  return INDICATOR_CATALOGUE.map((entry) => {
    const values: IndicatorValue[] = [];
    for (const [s, figures] of byKey.get(entry.key) ?? []) {
      const v = unitValue(
        entry,
        figures.sort((a, b) => a.line - b.line),
        s,
        basisOf,
      );
      if (v) values.push(v);
    }
    values.sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
    return summary(entry, values);
  });
}
