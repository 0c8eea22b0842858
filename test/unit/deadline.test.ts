import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysFromDeadline,
  deadlineOf,
  ictDate,
  isOnTime,
  isWeekend,
  vietnameseDay,
} from '../../shared/rounds/deadline.js';
import { openRounds, roundsOf, standingRounds } from '../../shared/rounds/standing-rounds.js';

const H1_2026 = deadlineOf('2026-06-10');

describe('deadline', () => {
  it('is on time until 23:59:59 in Vietnam on the day, late one minute after midnight', () => {
    expect(isOnTime(new Date('2026-06-10T23:59:00+07:00'), H1_2026)).toBe(true);
    expect(isOnTime(new Date('2026-06-10T23:59:59.999+07:00'), H1_2026)).toBe(true);
    expect(isOnTime(new Date('2026-06-11T00:01:00+07:00'), H1_2026)).toBe(false);
  });

  it('judges by the day in Vietnam whatever zone the instant is written in', () => {
    // 17:30 UTC on 10 June is already 00:30 on 11 June in Hà Nội.
    expect(isOnTime(new Date('2026-06-10T17:30:00Z'), H1_2026)).toBe(false);
    expect(isOnTime(new Date('2026-06-10T16:59:00Z'), H1_2026)).toBe(true);
    expect(isOnTime(new Date('2026-06-10T09:00:00-07:00'), H1_2026)).toBe(true);
    expect(ictDate(new Date('2026-06-10T17:00:00Z'))).toBe('2026-06-11');
  });

  it('counts whole days in Vietnam, across UTC midnight', () => {
    expect(daysFromDeadline(new Date('2026-06-03T08:00:00+07:00'), H1_2026)).toBe(-7);
    expect(daysFromDeadline(new Date('2026-06-02T23:30:00Z'), H1_2026)).toBe(-7); // 06:30 on 3 June in Vietnam
    expect(daysFromDeadline(new Date('2026-06-10T23:59:00+07:00'), H1_2026)).toBe(0);
    expect(daysFromDeadline(new Date('2026-06-11T00:00:00+07:00'), H1_2026)).toBe(1);
  });

  it('knows leap years: 29 February exists in 2028, not in 2027', () => {
    expect(deadlineOf('2028-02-29')).toBe('2028-02-29T23:59:59+07:00');
    expect(() => deadlineOf('2027-02-29')).toThrow(/no such day/);
    expect(daysFromDeadline(new Date('2028-03-01T08:00:00+07:00'), deadlineOf('2028-02-28'))).toBe(
      2,
    );
  });

  it('does not move a weekend deadline, and names its weekday', () => {
    // 10 June 2028 is a Saturday: the deadline stays, the mails say "thứ Bảy".
    const [h1] = standingRounds('40', 2028);
    expect(h1!.deadline).toBe('2028-06-10T23:59:59+07:00');
    expect(isWeekend('2028-06-10')).toBe(true);
    expect(vietnameseDay('2028-06-10')).toBe('thứ Bảy, ngày 10/6/2028');
    expect(vietnameseDay('2026-06-10')).toBe('thứ Tư, ngày 10/6/2026');
    expect(vietnameseDay('2029-06-10')).toBe('Chủ nhật, ngày 10/6/2029');
  });

  it('on time ⇔ the Vietnam day is not after the deadline day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), (delta) => {
        const at = new Date(new Date(H1_2026).getTime() + delta);
        expect(isOnTime(at, H1_2026)).toBe(daysFromDeadline(at, H1_2026) <= 0);
      }),
    );
  });
});

describe('rounds', () => {
  it('has the two standing rounds each year, and stored ad-hoc ones beside them', () => {
    const adhoc = {
      provinceCode: '40',
      roundId: '2026-9M',
      title: 'Báo cáo 9 tháng',
      deadline: deadlineOf('2026-10-05'),
      requests: ['1464/SKHCN-KH&ĐMST'],
      reminderOffsets: [-3, 0],
      kind: 'adhoc' as const,
    };
    const rounds = roundsOf('40', [adhoc], new Date('2026-09-01T00:00:00Z'));
    expect(rounds.map((r) => r.roundId)).toEqual([
      '2025-H1',
      '2025-FY',
      '2026-H1',
      '2026-9M',
      '2026-FY',
      '2027-H1',
      '2027-FY',
    ]);
    const open = openRounds(rounds, (r) =>
      daysFromDeadline(new Date('2026-10-02T08:00:00+07:00'), r.deadline),
    );
    expect(open.map((r) => r.roundId)).toEqual(['2026-9M']);
  });
});
