import { RoundRefused } from '../shared/rounds/manage-rounds.js';
import { refuseNewRoundClash } from '../shared/rounds/new-round-checks.js';
import { provinceRounds } from '../shared/rounds/rounds.js';
import { UsageError } from './args.js';
import type { Target } from './target.js';

/**
 * What `rounds open` must refuse before anything is stored, beyond the round's own schema: a
 * deadline already past, and a request letter another round of the province already answers.
 */
export async function checkNewRound(
  t: Target,
  o: { province: string; deadline: string; request?: string[] },
  now = new Date(),
): Promise<void> {
  const existing = await provinceRounds(t.ports.rounds, o.province, now);
  try {
    refuseNewRoundClash(o.deadline, o.request ?? [], existing, now);
  } catch (e) {
    if (!(e instanceof RoundRefused)) throw e;
    throw new UsageError(e.field === 'deadline' ? '--deadline' : '--request', e.message);
  }
}
