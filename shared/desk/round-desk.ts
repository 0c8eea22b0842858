import type { DeskLog } from '../ports/desk-log.js';
import type { RoundStore } from '../ports/round-store.js';
import { ictDate, vietnameseDay } from '../rounds/deadline.js';
import {
  changeRound,
  openAdhocRound,
  parseOffsets,
  RoundRefused,
} from '../rounds/manage-rounds.js';
import type { Round } from '../schemas/round.js';
import { type DeskStaff, record } from './desk-staff.js';

export interface RoundDeskDeps {
  rounds: RoundStore;
  log: DeskLog;
  now: () => Date;
}

/** What the rounds page's form sends for a new ad-hoc round. */
export interface LetterForm {
  roundId: string;
  title: string;
  deadline: string;
  letterNumber: string;
  letterDate: string;
  letterIssuer: string;
  /** Empty: the default reminder days. */
  offsets: string;
}

const deadlineWords = (r: Round) => vietnameseDay(ictDate(new Date(r.deadline)));

/**
 * Opens an ad-hoc round from the Department's request letter: an id the province has is refused
 * (openAdhocRound), so are a deadline already past and a letter another round answers.
 */
export async function openRoundFromLetter(
  form: LetterForm,
  who: DeskStaff,
  deps: RoundDeskDeps,
): Promise<Round> {
  const number = form.letterNumber.trim();
  if (!number) throw new RoundRefused('letter', 'Vui lòng ghi số hiệu công văn yêu cầu báo cáo.');
  const now = deps.now();
  const offsets = form.offsets.trim() ? parseOffsets(form.offsets) : undefined;
  // openAdhocRound refuses a past deadline and a letter another round answers.
  const round = await openAdhocRound(deps.rounds, {
    now,
    provinceCode: who.provinceCode,
    roundId: form.roundId,
    title: form.title,
    deadline: form.deadline,
    letter: { number, date: form.letterDate.trim(), issuer: form.letterIssuer },
    ...(offsets ? { reminderOffsets: offsets } : {}),
  });
  const detail = `${round.title}; hạn ${deadlineWords(round)}; công văn số ${number}`;
  await record(deps.log, who, now, 'round_opened', round.roundId, detail);
  return round;
}

/** New reminder days for a round ("-7, -3, 0, 3"), recorded in the desk log. */
export async function changeReminders(
  roundId: string,
  text: string,
  who: DeskStaff,
  deps: RoundDeskDeps,
): Promise<Round> {
  const reminderOffsets = parseOffsets(text);
  const now = deps.now();
  const round = await changeRound(deps.rounds, who.provinceCode, roundId, { reminderOffsets }, now);
  const detail = `ngày nhắc: ${reminderOffsets.join(', ')}`;
  await record(deps.log, who, now, 'round_reminders', round.roundId, detail);
  return round;
}

/** Closes a round (no more reminders or drafts; uploads still recorded) or opens it again. */
export async function setRoundClosed(
  roundId: string,
  closed: boolean,
  who: DeskStaff,
  deps: RoundDeskDeps,
): Promise<Round> {
  const now = deps.now();
  const round = await changeRound(deps.rounds, who.provinceCode, roundId, { closed }, now);
  await record(deps.log, who, now, closed ? 'round_closed' : 'round_reopened', round.roundId);
  return round;
}
