import type { RoundStore } from '../ports/round-store.js';
import { type Round, RoundId } from '../schemas/round.js';
import { roundsOf } from './standing-rounds.js';

/**
 * The one round lookup every caller uses: a province's standing rounds computed, its ad-hoc ones
 * from the store. `store: null` asks for the standing rounds only (the whole country has no
 * ad-hoc rounds).
 */
export type RoundSource = Pick<RoundStore, 'list'> | null;

const stored = (store: RoundSource, provinceCode: string) =>
  store ? store.list(provinceCode) : Promise.resolve([]);

/** Every round of a province in the years around `now`, by deadline. */
export async function provinceRounds(
  store: RoundSource,
  provinceCode: string,
  now: Date,
): Promise<Round[]> {
  return roundsOf(provinceCode, await stored(store, provinceCode), now);
}

/**
 * The round of that id, looked up in its own year (an id starts with it) so that past years'
 * rounds are found too; null when the province has no such round.
 */
export async function roundById(
  store: RoundSource,
  provinceCode: string,
  roundId: string,
): Promise<Round | null> {
  // The calendar works on four-digit years around the id's; no report predates 1900.
  if (!RoundId.safeParse(roundId).success || Number(roundId.slice(0, 4)) < 1900) return null;
  const midYear = new Date(`${roundId.slice(0, 4)}-07-01T00:00:00Z`);
  const rounds = await provinceRounds(store, provinceCode, midYear);
  return rounds.find((r) => r.roundId === roundId) ?? null;
}
