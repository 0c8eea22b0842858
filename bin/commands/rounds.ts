import { ictDate, vietnameseDay } from '../../shared/rounds/deadline.js';
import {
  type OpenRoundInput,
  openAdhocRound,
  parseOffsets,
  roundFromInput,
} from '../../shared/rounds/manage-rounds.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Target } from '../target.js';

export interface OpenRoundOptions {
  province: string;
  id: string;
  deadline: string;
  title?: string;
  request?: string[];
  offsets?: string;
}

const inputOf = (o: OpenRoundOptions): OpenRoundInput => ({
  provinceCode: o.province,
  roundId: o.id,
  title: o.title,
  deadline: o.deadline,
  requests: o.request ?? [],
  reminderOffsets: o.offsets ? parseOffsets(o.offsets) : undefined,
});

/** The round's own checks (id, deadline, offsets), before the stack is opened. */
export function checkRoundOptions(o: OpenRoundOptions): void {
  roundFromInput(inputOf(o));
}

/** Opens an ad-hoc round, as the Department does by official letter; an existing id is refused. */
export async function openRound(target: Target, o: OpenRoundOptions): Promise<Round> {
  return openAdhocRound(target.ports.rounds, inputOf(o));
}

export async function listRounds(
  target: Target,
  province: string,
  now = new Date(),
): Promise<Round[]> {
  return provinceRounds(target.ports.rounds, province, now);
}

export function formatRounds(rounds: Round[]): string {
  const line = (r: Round) => {
    const deadline = vietnameseDay(ictDate(new Date(r.deadline))).padEnd(24);
    const kind = r.kind === 'standing' ? 'định kỳ ' : 'đột xuất';
    const closed = r.closedAt ? ' [đã đóng]' : '';
    const requests = r.requests.length ? ` (${r.requests.join('; ')})` : '';
    return `${r.roundId.padEnd(9)} hạn ${deadline} ${kind}  ${r.title}${closed}${requests}`;
  };
  return `${rounds.map(line).join('\n')}\n`;
}
