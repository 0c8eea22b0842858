import { isOnTime } from '../rounds/deadline.js';
import type { Submission, SubmissionStatus } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';

/** What status needs of a submission: the full one, or the rollup's compact view of it. */
export type StatusFields = Pick<Submission, 'unitCode' | 'uploadedAt' | 'version' | 'status'>;

export interface UnitRoundStatus<S extends StatusFields = Submission> {
  unit: Unit;
  latest: S | null;
  latestAccepted: S | null;
  /** The earliest accepted upload: when the unit first met the round (a correction keeps the date). */
  firstAccepted: S | null;
  versions: number;
}

/** Newest first by upload time, then version: out-of-order processing does not change "latest". */
function newer(a: StatusFields, b: StatusFields): boolean {
  return a.uploadedAt > b.uploadedAt || (a.uploadedAt === b.uploadedAt && a.version > b.version);
}

/** Every unit of a province with its latest and latest accepted submission for one round. */
export function roundStatus<S extends StatusFields = Submission>(
  units: Unit[],
  submissions: S[],
): UnitRoundStatus<S>[] {
  const byUnit = new Map<string, S[]>();
  for (const s of submissions) {
    const list = byUnit.get(s.unitCode);
    if (list) list.push(s);
    else byUnit.set(s.unitCode, [s]);
  }
  return units.map((unit) => {
    const list = byUnit.get(unit.code) ?? [];
    let latest: S | null = null;
    let latestAccepted: S | null = null;
    let firstAccepted: S | null = null;
    let returned: S | null = null;
    for (const s of list) {
      if (!latest || newer(s, latest)) latest = s;
      if (s.status === 'returned' && (!returned || newer(s, returned))) returned = s;
    }
    for (const s of list) {
      // A report sent back for correction voids what came before it: only a later one counts.
      if (s.status !== 'accepted' || (returned && !newer(s, returned))) continue;
      if (!latestAccepted || newer(s, latestAccepted)) latestAccepted = s;
      if (!firstAccepted || newer(firstAccepted, s)) firstAccepted = s;
    }
    return { unit, latest, latestAccepted, firstAccepted, versions: list.length };
  });
}

/**
 * On time or late by the first accepted version (a correction after the deadline keeps the
 * date); null while nothing is accepted.
 */
export function timelinessOf(
  r: { firstAccepted: Pick<StatusFields, 'uploadedAt'> | null },
  deadline: string,
): 'on_time' | 'late' | null {
  if (!r.firstAccepted) return null;
  return isOnTime(new Date(r.firstAccepted.uploadedAt), deadline) ? 'on_time' : 'late';
}

export type RoundStatusKind = SubmissionStatus | 'missing';

/**
 * A unit counts as accepted once any version is accepted (and not voided by a later return);
 * otherwise by its latest submission.
 */
export function statusOf(
  r: Pick<UnitRoundStatus<StatusFields>, 'latest' | 'latestAccepted'>,
): RoundStatusKind {
  return r.latestAccepted ? 'accepted' : (r.latest?.status ?? 'missing');
}

export function countByStatus(
  statuses: Iterable<RoundStatusKind>,
): Record<RoundStatusKind, number> {
  const out = {
    accepted: 0,
    needs_review: 0,
    rejected: 0,
    returned: 0,
    ocr_pending: 0,
    missing: 0,
  };
  for (const s of statuses) out[s]++;
  return out;
}
