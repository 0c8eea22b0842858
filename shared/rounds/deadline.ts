// Deadlines are days in Vietnam (UTC+7 all year, no daylight saving): a report is on time until
// 23:59:59 Asia/Ho_Chi_Minh of the deadline's day. A deadline that falls on a weekend or holiday
// is not moved: the Department's letter states the date, and the reminders name its weekday.

const ICT_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day in Vietnam of an instant, as YYYY-MM-DD. */
export function ictDate(at: Date): string {
  return new Date(at.getTime() + ICT_MS).toISOString().slice(0, 10);
}

function dayNumber(ymd: string): number {
  const m = YMD.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${ymd}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== ymd) throw new Error(`no such day: ${ymd}`);
  return t / DAY_MS;
}

/** The deadline instant for a day: its last second in Vietnam, written with +07:00. */
export function deadlineOf(ymd: string): string {
  dayNumber(ymd);
  return `${ymd}T23:59:59+07:00`;
}

/** On time when received before the end of the deadline's day in Vietnam. */
export function isOnTime(receivedAt: Date, deadline: string): boolean {
  return ictDate(receivedAt) <= ictDate(new Date(deadline));
}

/** Whole days from the deadline's day to `now`'s day in Vietnam: -7 a week before, 1 the day after. */
export function daysFromDeadline(now: Date, deadline: string): number {
  return dayNumber(ictDate(now)) - dayNumber(ictDate(new Date(deadline)));
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Tư, ngày 10/6/2026", as Vietnamese letters write a date. */
export function vietnameseDay(ymd: string): string {
  const n = dayNumber(ymd);
  const d = new Date(n * DAY_MS);
  return `${WEEKDAYS[d.getUTCDay()]}, ngày ${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

export function isWeekend(ymd: string): boolean {
  const day = new Date(dayNumber(ymd) * DAY_MS).getUTCDay();
  return day === 0 || day === 6;
}

/** "08:05 ngày 25/11/2026" in Vietnam time, for mails. */
export function vietnamTime(at: Date): string {
  const t = new Date(at.getTime() + ICT_MS);
  const hhmm = t.toISOString().slice(11, 16);
  return `${hhmm} ngày ${t.getUTCDate()}/${t.getUTCMonth() + 1}/${t.getUTCFullYear()}`;
}

/**
 * The next day a round's reminders go out, from `now`'s day on (Vietnam days), with its offset;
 * null when its last reminder day has passed or the round is closed.
 */
export function nextReminderDay(
  round: { deadline: string; reminderOffsets: number[]; closedAt?: string },
  now: Date,
): { offset: number; day: string } | null {
  if (round.closedAt) return null;
  const today = ictDate(now);
  const deadline = new Date(round.deadline).getTime();
  for (const offset of [...round.reminderOffsets].sort((a, b) => a - b)) {
    const day = ictDate(new Date(deadline + offset * DAY_MS));
    if (day >= today) return { offset, day };
  }
  return null;
}
