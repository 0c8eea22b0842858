import type { Round } from '../schemas/round.js';
import { DEFAULT_REMINDER_OFFSETS } from '../schemas/round.js';
import { daysFromDeadline, deadlineOf } from './deadline.js';

/**
 * The two rounds every province has each year without a letter: the six-month report due
 * 10 June and the annual report due 20 November.
 */
export function standingRounds(provinceCode: string, year: number): Round[] {
  return [
    {
      provinceCode,
      roundId: `${year}-H1`,
      title: `Báo cáo 6 tháng đầu năm ${year}`,
      deadline: deadlineOf(`${year}-06-10`),
      requests: [],
      reminderOffsets: DEFAULT_REMINDER_OFFSETS,
      kind: 'standing',
    },
    {
      provinceCode,
      roundId: `${year}-FY`,
      title: `Báo cáo năm ${year}`,
      deadline: deadlineOf(`${year}-11-20`),
      requests: [],
      reminderOffsets: DEFAULT_REMINDER_OFFSETS,
      kind: 'standing',
    },
  ];
}

/** Standing rounds of the years around `now`, with stored ad-hoc ones; stored ones win on the same id. */
export function roundsOf(provinceCode: string, stored: Round[], now: Date): Round[] {
  const year = now.getUTCFullYear();
  const byId = new Map<string, Round>();
  for (const r of [year - 1, year, year + 1].flatMap((y) => standingRounds(provinceCode, y)))
    byId.set(r.roundId, r);
  for (const r of stored) byId.set(r.roundId, r);
  return [...byId.values()].sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** Rounds not closed whose reminder window contains today. */
export function openRounds(rounds: Round[], daysFrom: (r: Round) => number): Round[] {
  return rounds.filter((r) => {
    if (r.closedAt) return false;
    const d = daysFrom(r);
    // A week of grace after the last reminder day, so that a job down on that day catches up.
    return d >= Math.min(...r.reminderOffsets) && d <= Math.max(...r.reminderOffsets) + 7;
  });
}

/** The day after the deadline, or the first run in the week after it (a job that was down catches up). */
export function justPastDeadline(round: Round, now: Date): boolean {
  const d = daysFromDeadline(now, round.deadline);
  return d >= 1 && d <= 7;
}
