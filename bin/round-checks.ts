import { deadlineOf } from '../shared/rounds/deadline.js';
import { provinceRounds } from '../shared/rounds/rounds.js';
import { UsageError } from './args.js';
import type { Target } from './target.js';

/**
 * What `rounds open` must refuse before anything is stored, beyond the round's own schema: a
 * deadline already past, and a request letter another round of the province already answers
 * (a report citing it could not tell the two apart).
 */
export async function checkNewRound(
  t: Target,
  o: { province: string; deadline: string; request?: string[] },
  now = new Date(),
): Promise<void> {
  let deadline: Date | null = null;
  try {
    deadline = new Date(
      /^\d{4}-\d{2}-\d{2}$/.test(o.deadline.trim()) ? deadlineOf(o.deadline.trim()) : o.deadline,
    );
  } catch {
    deadline = null; // an impossible date: the round's own checks say so
  }
  if (deadline && deadline.getTime() < now.getTime())
    throw new UsageError(
      '--deadline',
      `Hạn nộp ${o.deadline} đã qua; vui lòng chọn một ngày từ hôm nay trở đi.`,
    );
  const fold = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');
  const asked = new Set((o.request ?? []).map(fold));
  for (const r of await provinceRounds(t.ports.rounds, o.province, now)) {
    const same = r.requests.find((x) => asked.has(fold(x)));
    if (same)
      throw new UsageError(
        '--request',
        `Văn bản ${same} đã là văn bản yêu cầu của kỳ ${r.roundId} (${r.title}); mỗi văn bản chỉ mở một kỳ.`,
      );
  }
}
