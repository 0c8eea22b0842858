import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollupOrder } from '../../web/routes/staff-rollups.js';
import type { RoundRollups } from '../../web/views/staff-rollups.js';

const round = (roundId: string, deadline: string, built = false): RoundRollups => ({
  round: { roundId, deadline } as RoundRollups['round'],
  current: built ? { builtAt: null, files: [] } : null,
  earlier: [],
});

describe('the rollups page order', () => {
  it('lists the rounds whose deadline came newest first, then those to come, nearest first', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const order = rollupOrder(
      [
        round('2025-H1', '2025-06-10T23:59:59+07:00'),
        round('2026-H1', '2026-06-10T23:59:59+07:00', true),
        round('2026-FY', '2026-11-20T23:59:59+07:00'),
        round('2027-H1', '2027-06-10T23:59:59+07:00'),
        round('2027-FY', '2027-11-20T23:59:59+07:00'),
      ],
      now,
    );
    expect(order.map((r) => r.round.roundId)).toEqual([
      '2026-FY',
      '2026-H1',
      '2025-H1',
      '2027-H1',
      '2027-FY',
    ]);
  });

  it('never puts an older deadline before a newer one among those past, whatever was built', () => {
    const anyRound = fc.record({
      day: fc.integer({ min: 0, max: 2000 }),
      built: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(anyRound, { maxLength: 12 }),
        fc.integer({ min: 0, max: 2000 }),
        (rs, n) => {
          const at = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString();
          const rounds = rs.map((r, i) => round(`r${i}`, at(r.day), r.built));
          const order = rollupOrder(rounds, new Date(at(n)));
          expect(order).toHaveLength(rounds.length);
          const past = order.filter((r) => r.round.deadline <= at(n)).map((r) => r.round.deadline);
          expect(past).toEqual([...past].sort().reverse());
          const firstComing = order.findIndex((r) => r.round.deadline > at(n));
          if (firstComing >= 0)
            expect(order.slice(firstComing).every((r) => r.round.deadline > at(n))).toBe(true);
        },
      ),
    );
  });
});
