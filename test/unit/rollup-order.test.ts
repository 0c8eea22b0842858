import { describe, expect, it } from 'vitest';
import { rollupOrder } from '../../web/routes/staff-rollups.js';
import type { RoundRollups } from '../../web/views/staff-rollups.js';

const round = (roundId: string, deadline: string, built = false): RoundRollups => ({
  round: { roundId, deadline } as RoundRollups['round'],
  current: built ? { builtAt: null, files: [] } : null,
  earlier: [],
});

describe('the rollups page order', () => {
  it('puts built rounds first, then the others by how near their deadline is', () => {
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
      '2026-H1',
      '2026-FY',
      '2027-H1',
      '2027-FY',
      '2025-H1',
    ]);
  });
});
