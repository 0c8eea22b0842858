import { deadlineOf, ictDate, vietnameseDay } from '../../shared/rounds/deadline.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import { DEFAULT_REMINDER_OFFSETS, Round } from '../../shared/schemas/round.js';
import type { Target } from '../target.js';

export interface OpenRoundOptions {
  province: string;
  id: string;
  deadline: string;
  title?: string;
  request?: string[];
  offsets?: string;
}

/** Opens an ad-hoc round, as the Department does by official letter. */
export async function openRound(target: Target, o: OpenRoundOptions): Promise<Round> {
  const parsed = Round.safeParse({
    provinceCode: o.province,
    roundId: o.id,
    title: o.title ?? `Báo cáo theo ${o.request?.join('; ') ?? `kỳ ${o.id}`}`,
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(o.deadline) ? deadlineOf(o.deadline) : o.deadline,
    requests: o.request ?? [],
    reminderOffsets: o.offsets ? o.offsets.split(',').map(Number) : DEFAULT_REMINDER_OFFSETS,
    kind: 'adhoc',
  });
  if (!parsed.success)
    throw new Error(
      `Kỳ báo cáo không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  await target.jobs.rounds.put(parsed.data);
  return parsed.data;
}

export async function listRounds(
  target: Target,
  province: string,
  now = new Date(),
): Promise<Round[]> {
  return provinceRounds(target.jobs.rounds, province, now);
}

export function formatRounds(rounds: Round[]): string {
  return `${rounds
    .map(
      (r) =>
        `${r.roundId.padEnd(9)} hạn ${vietnameseDay(ictDate(new Date(r.deadline))).padEnd(24)} ${r.kind === 'standing' ? 'định kỳ ' : 'đột xuất'}  ${r.title}${r.requests.length ? ` (${r.requests.join('; ')})` : ''}`,
    )
    .join('\n')}\n`;
}
