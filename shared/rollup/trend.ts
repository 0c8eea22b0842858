import type { ObjectStore } from '../ports/object-store.js';
import type { IndicatorSummary, Rollup } from '../schemas/rollup.js';
import { rollupFileName, rollupPrefix } from './format.js';

/** "2025-H1" for "2026-H1": the round of the same kind a year before. */
export const previousRoundId = (roundId: string) =>
  roundId.replace(/^(\d{4})/, (y) => String(Number(y) - 1));

type Loose = Partial<
  Pick<IndicatorSummary, 'key' | 'kind' | 'total' | 'weighted' | 'spread' | 'headline'>
>;

/** The number an indicator's headline states: the total, the weighted rate, or the median. */
export function headlineValue(i: Loose): number | null {
  if (i.kind === 'count') return i.total ?? null;
  // Rollups built before the coverage rule have no `headline`: their weighted rate stood.
  if (i.weighted && (i.headline ?? 'weighted') === 'weighted') return i.weighted.value;
  return i.spread?.median.value ?? null;
}

/** Each indicator beside its figure in an earlier rollup (its JSON, of any schema version). */
export function withTrend(
  r: Rollup,
  earlier: { round?: { roundId?: string }; indicators?: Loose[] },
) {
  const roundId = earlier.round?.roundId;
  if (!roundId || !Array.isArray(earlier.indicators)) return r;
  const before = new Map(earlier.indicators.map((i) => [i.key, headlineValue(i)]));
  const indicators = r.indicators.map((i) => {
    const value = i.unitsReporting ? before.get(i.key) : null;
    return typeof value === 'number' ? { ...i, previous: { roundId, value } } : i;
  });
  return { ...r, indicators };
}

/**
 * The previous round's rollup JSON from the bucket, or null when there is none (a first year, a
 * round never built); the trend is an addition, never a reason for the rollup to fail.
 */
export async function readPrevious(
  objects: ObjectStore,
  provinceCode: string,
  currentRoundId: string,
): Promise<Parameters<typeof withTrend>[1] | null> {
  const roundId = previousRoundId(currentRoundId);
  const key = `${rollupPrefix(provinceCode, roundId)}${rollupFileName(provinceCode, roundId, 'json')}`;
  try {
    return JSON.parse(new TextDecoder().decode((await objects.get(key)).bytes));
  } catch {
    return null;
  }
}
