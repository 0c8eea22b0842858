import { describe, expect, it } from 'vitest';
import { buildRoundRollupChecked } from '../../shared/rollup/rollup-job.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { preSignStates } from '../../web/routes/staff-rollups.js';
import { memoryUnits } from '../helpers/memory-desk.js';
import { MemoryConfirmations, MemorySubmissions } from '../helpers/memory-stores.js';
import { registry, submissionOf } from '../helpers/rollup-fixtures.js';

// The desk's rollups page counts each round's pre-sign list; the province's units are read once
// for the page however many rounds it lists, and the counts are each round's own.

const units = registry.unitsOf('40').slice(0, 6);
const rounds = standingRounds('40', 2026);
const now = new Date('2026-12-20T03:00:00Z');

/** A unit store that counts its lists. */
function counted(initial: Unit[]) {
  const store = memoryUnits(initial);
  const calls = { list: 0 };
  const list = (p?: string) => {
    calls.list++;
    return store.list(p);
  };
  return { calls, units: { ...store, list } };
}

async function seeded() {
  const submissions = new MemorySubmissions();
  // In each round, one unit's report waits for review (an item of the list), another is counted.
  for (const [i, round] of rounds.entries()) {
    const [held, counted] = [units[i % units.length]!, units[(i + 1) % units.length]!];
    for (const [unit, status] of [
      [held, 'needs_review'],
      [counted, 'accepted'],
    ] as const)
      await submissions.record({ ...submissionOf(unit, { status }), roundId: round.roundId });
  }
  return submissions;
}

describe('the rollups page: each round’s pre-sign list', () => {
  it('reads the units once for all rounds, and counts as each round built alone would', async () => {
    expect(rounds.length).toBeGreaterThan(1);
    const submissions = await seeded();
    const confirmations = new MemoryConfirmations();
    const { calls, units: store } = counted(units);
    const states = await preSignStates(
      '40',
      rounds,
      { units: store, submissions, confirmations },
      now,
    );
    expect(calls.list).toBe(1);
    const alone = await Promise.all(
      rounds.map((r) =>
        buildRoundRollupChecked('40', r, { units: store, submissions, confirmations }, now),
      ),
    );
    expect(states).toEqual(
      alone.map(({ items }) => ({
        items: items.length,
        pending: items.filter((i) => !i.decision).length,
      })),
    );
    expect(states.some((s) => (s?.items ?? 0) > 0)).toBe(true);
  });

  it('is none for every round where statements are not kept or the province has no units', async () => {
    const submissions = await seeded();
    const none = counted(units);
    expect(await preSignStates('40', rounds, { units: none.units, submissions }, now)).toEqual(
      rounds.map(() => null),
    );
    expect(none.calls.list).toBe(0);
    const empty = counted([]);
    const confirmations = new MemoryConfirmations();
    expect(
      await preSignStates('40', rounds, { units: empty.units, submissions, confirmations }, now),
    ).toEqual(rounds.map(() => null));
  });
});
