import { UNRESOLVED_ROUND } from '../ingest/upload-key.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { provinceRounds } from '../rounds/rounds.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import { isUnmatched, settledBy } from './review-rules.js';

export interface QueueItem {
  submission: Submission;
  /** `unmatched`: no unit could be found for the file; `needs_review`: a unit's newest file. */
  kind: 'needs_review' | 'unmatched';
  /** The round it was sent for; null when the round could not be found either. */
  round: Round | null;
}

const later = (a: Submission, b: Submission) =>
  a.uploadedAt > b.uploadedAt || (a.uploadedAt === b.uploadedAt && a.version > b.version);

/**
 * What waits for a reviewer in one round's files: every unit's newest file when it needs review
 * (an older one a newer upload replaced does not), and every file no unit could be matched to
 * that nobody has assigned or set aside yet.
 */
export function queueOf(submissions: Submission[], round: Round | null): QueueItem[] {
  const newest = new Map<string, Submission>();
  const out: QueueItem[] = [];
  for (const s of submissions) {
    if (isUnmatched(s)) {
      if (!settledBy(s)) out.push({ submission: s, kind: 'unmatched', round });
      continue;
    }
    const seen = newest.get(s.unitCode);
    if (!seen || later(s, seen)) newest.set(s.unitCode, s);
  }
  for (const s of newest.values())
    if (s.status === 'needs_review') out.push({ submission: s, kind: 'needs_review', round });
  return out;
}

/**
 * The review queue of a province: its rounds around `now` and the files whose round could not
 * be found, oldest upload first (the one waiting longest is seen first).
 */
export async function reviewQueue(
  provinceCode: string,
  now: Date,
  deps: { submissions: Pick<SubmissionStore, 'listRound'>; rounds: Pick<RoundStore, 'list'> },
): Promise<QueueItem[]> {
  const rounds = await provinceRounds(deps.rounds, provinceCode, now);
  const lists = await Promise.all([
    ...rounds.map(async (r) =>
      queueOf(await deps.submissions.listRound(provinceCode, r.roundId), r),
    ),
    deps.submissions.listRound(provinceCode, UNRESOLVED_ROUND).then((l) => queueOf(l, null)),
  ]);
  return lists
    .flat()
    .sort((a, b) => a.submission.uploadedAt.localeCompare(b.submission.uploadedAt));
}
