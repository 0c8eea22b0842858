import type { RoundStore } from '../ports/round-store.js';
import { DEFAULT_REMINDER_OFFSETS, type RequestLetter, Round } from '../schemas/round.js';
import { deadlineOf, ictDate, vietnameseDay } from './deadline.js';
import { refuseNewRoundClash } from './new-round-checks.js';
import { RoundRefused } from './round-refused.js';
import { provinceRounds, roundById } from './rounds.js';

export { RoundRefused } from './round-refused.js';

export interface OpenRoundInput {
  provinceCode: string;
  roundId: string;
  title?: string;
  /** YYYY-MM-DD (until 23:59:59 in Vietnam that day) or an ISO instant with its offset. */
  deadline: string;
  letter?: RequestLetter;
  /** Numbers of the letters a report may cite ("Thực hiện Công văn số …"); the letter's own is added. */
  requests?: string[];
  reminderOffsets?: number[];
  /** The moment of opening: a deadline before it is refused (default: the clock). */
  now?: Date;
}

/** What each field needs, said the way the form says it (zod's own words are English). */
const FIELD_HINTS: Record<string, string> = {
  roundId: 'Mã kỳ có dạng <năm>-<mã>, ví dụ 2026-H1 hoặc 2025-9M',
  title: 'Vui lòng ghi tên kỳ báo cáo',
  deadline: 'Hạn nộp cần dạng năm-tháng-ngày, ví dụ 2026-10-05',
  reminderOffsets: 'Cần ít nhất một ngày nhắc, mỗi ngày từ -60 đến 60 so với hạn',
  provinceCode: 'Mã tỉnh gồm 2 chữ số',
};

function deadlineInstant(raw: string): string {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    try {
      return deadlineOf(text);
    } catch {
      throw new RoundRefused(
        'deadline',
        `Hạn nộp "${text}" không phải ngày có thật; vui lòng chọn lại.`,
      );
    }
  }
  return text;
}

/** A round from what the Department typed, checked; refusals name the field in Vietnamese. */
export function roundFromInput(input: OpenRoundInput): Round {
  const letter = input.letter;
  const requests = [
    ...new Set([...(letter ? [letter.number.trim()] : []), ...(input.requests ?? [])]),
  ];
  const parsed = Round.safeParse({
    provinceCode: input.provinceCode,
    roundId: input.roundId.trim().toUpperCase(),
    title: input.title?.trim() || `Báo cáo theo ${requests.join('; ') || `kỳ ${input.roundId}`}`,
    deadline: deadlineInstant(input.deadline),
    requests,
    reminderOffsets: input.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS,
    kind: 'adhoc',
    ...(letter ? { letter } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'round');
    // The letter's own checks carry Vietnamese messages.
    const hint =
      (Object.hasOwn(FIELD_HINTS, field) ? FIELD_HINTS[field] : undefined) ??
      `Công văn: ${issue.message}`;
    throw new RoundRefused(field, `${hint}.`);
  }
  return parsed.data;
}

/**
 * Opens an ad-hoc round, as the Department does by official letter. An id that names a round
 * the province already has (a standing one, or one opened before) is refused, never replaced,
 * and so are a past deadline and a request letter another round answers: the CLI's
 * `rounds open` and the portal both come here.
 */
export async function openAdhocRound(
  store: Pick<RoundStore, 'list' | 'create'>,
  input: OpenRoundInput,
): Promise<Round> {
  const round = roundFromInput(input);
  const now = input.now ?? new Date();
  const others = await provinceRounds(store, round.provinceCode, now);
  refuseNewRoundClash(input.deadline, round.requests, others, now);
  const existing = await roundById(store, round.provinceCode, round.roundId);
  if (existing || !(await store.create(round))) {
    const what = existing
      ? `"${existing.title}", hạn ${vietnameseDay(ictDate(new Date(existing.deadline)))}`
      : 'vừa được mở';
    throw new RoundRefused(
      'roundId',
      `Kỳ báo cáo ${round.roundId} đã có (${what}); vui lòng chọn mã kỳ khác.`,
    );
  }
  return round;
}

/** "-14, -7, 0, 3" → [-14, -7, 0, 3], sorted and without repeats; refuses anything else. */
export function parseOffsets(text: string): number[] {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const days = parts.map((p) => (/^[+-]?\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
  if (!parts.length || days.some((d) => Number.isNaN(d) || d < -60 || d > 60))
    throw new RoundRefused(
      'reminderOffsets',
      'Ngày nhắc là các số ngày so với hạn, từ -60 đến 60, cách nhau bởi dấu phẩy (ví dụ -14,-7,-3,-1,0,1,3,7).',
    );
  return [...new Set(days)].sort((a, b) => a - b);
}

/**
 * Changes a round's reminder days, or closes or reopens it. A standing round changed here is
 * stored and from then on wins over the computed one.
 */
export async function changeRound(
  store: Pick<RoundStore, 'list' | 'put'>,
  provinceCode: string,
  roundId: string,
  change: { reminderOffsets?: number[]; closed?: boolean },
  now: Date,
): Promise<Round> {
  const round = await roundById(store, provinceCode, roundId);
  if (!round)
    throw new RoundRefused(
      'roundId',
      `Tỉnh không có kỳ báo cáo ${roundId}; vui lòng tải lại trang.`,
    );
  const { closedAt: _, ...open } = round;
  const next: Round = {
    ...(change.closed === false ? open : round),
    ...(change.reminderOffsets ? { reminderOffsets: change.reminderOffsets } : {}),
    ...(change.closed && !round.closedAt ? { closedAt: now.toISOString() } : {}),
  };
  await store.put(Round.parse(next));
  return next;
}
