import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../shared/rounds/deadline.js';
import { provinceRounds, roundById } from '../../shared/rounds/rounds.js';
import type { Round } from '../../shared/schemas/round.js';

const adhoc = (roundId: string, deadline: string): Round => ({
  provinceCode: '40',
  roundId,
  title: `Báo cáo đột xuất ${roundId}`,
  deadline: deadlineOf(deadline),
  requests: ['1464/SKHCN-KH&ĐMST'],
  reminderOffsets: [-3, 0],
  kind: 'adhoc',
});

const storeOf = (rounds: Round[]) => {
  const asked: string[] = [];
  return {
    asked,
    list: async (provinceCode: string) => {
      asked.push(provinceCode);
      return rounds.filter((r) => r.provinceCode === provinceCode);
    },
  };
};

describe('the rounds service', () => {
  it('lists the standing rounds around now with the stored ones, by deadline', async () => {
    const store = storeOf([adhoc('2026-9M', '2026-10-05')]);
    const rounds = await provinceRounds(store, '40', new Date('2026-09-01T00:00:00Z'));
    expect(rounds.map((r) => r.roundId)).toContain('2026-9M');
    const deadlines = rounds.map((r) => r.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(store.asked).toEqual(['40']);
  });

  it('finds a round in its own year, however long ago, and a stored one wins over a standing one', async () => {
    const store = storeOf([{ ...adhoc('2019-H1', '2019-06-15'), title: 'Kỳ sửa hạn' }]);
    expect((await roundById(store, '40', '2019-FY'))?.deadline).toBe(deadlineOf('2019-11-20'));
    expect((await roundById(store, '40', '2019-H1'))?.title).toBe('Kỳ sửa hạn');
    expect(await roundById(store, '40', '2019-9M')).toBeNull();
    expect(await roundById(store, '40', 'not-a-round')).toBeNull();
  });

  it('without a store knows only the standing rounds and asks no one', async () => {
    expect((await roundById(null, '00', '2026-H1'))?.kind).toBe('standing');
    expect(await roundById(null, '00', '2026-9M')).toBeNull();
  });

  it('answers a round or null for any id, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-[A-Z0-9]{1,8}$/)),
        async (id) => {
          const round = await roundById(storeOf([]), '40', id);
          expect(round === null || round.roundId === id).toBe(true);
        },
      ),
    );
  });
});
