import type { Round } from '../schemas/round.js';
import { deadlineOf } from './deadline.js';
import { RoundRefused } from './round-refused.js';

const fold = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/**
 * What opening a round must refuse beyond the round's own schema, for the CLI and the portal
 * alike: a deadline already past, and a request letter another round of the province already
 * answers (a report citing it could not tell the two apart).
 */
export function refuseNewRoundClash(
  deadlineText: string,
  requests: string[],
  existing: Round[],
  now: Date,
): void {
  const text = deadlineText.trim();
  let deadline: Date | null = null;
  try {
    deadline = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? deadlineOf(text) : text);
  } catch {
    deadline = null; // an impossible date: the round's own checks say so
  }
  if (deadline && deadline.getTime() < now.getTime())
    throw new RoundRefused(
      'deadline',
      `Hạn nộp ${text} đã qua; vui lòng chọn một ngày từ hôm nay trở đi.`,
    );
  const asked = new Set(requests.map(fold));
  for (const r of existing) {
    const same = r.requests.find((x) => asked.has(fold(x)));
    if (same)
      throw new RoundRefused(
        'requests',
        `Văn bản ${same} đã là văn bản yêu cầu của kỳ ${r.roundId} (${r.title}); mỗi văn bản chỉ mở một kỳ.`,
      );
  }
}
