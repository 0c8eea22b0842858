import { roundStatus, statusOf, timelinessOf } from '../ingest/round-status.js';
import { acceptedBy, returnMessage } from '../schemas/audit.js';
import type { UnitLevel } from '../schemas/report.js';
import type { StatusCounts, UnitState, UnitStatusRow } from '../schemas/rollup.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { sourceOf } from './source-ref.js';

export interface UnitStatus {
  row: UnitStatusRow;
  /** The newest accepted version: the one whose figures and text the rollup uses. */
  accepted: Submission | null;
}

/**
 * Each expected unit's state for the round. Timeliness is decided by the first accepted version
 * (a correction sent after the deadline keeps the unit on time); the figures come from the newest.
 */
export function unitStatuses(
  units: Unit[],
  submissions: Submission[],
  deadline: string,
): UnitStatus[] {
  return roundStatus(units, submissions).map((status) => {
    const { unit, latest, latestAccepted, firstAccepted, versions } = status;
    const kind = statusOf(status); // never 'accepted' where timeliness is null
    const state: UnitState =
      timelinessOf(status, deadline) ?? (kind === 'accepted' ? 'missing' : kind);
    const shown = latestAccepted ?? latest;
    const returned = latestAccepted ? null : latest && returnMessage(latest);
    const problems = !latestAccepted && latest ? latest.diagnostics.map((d) => d.message) : [];
    if (returned) problems.unshift(`Sở trả lại để sửa: ${returned}`);
    const row: UnitStatusRow = {
      unitCode: unit.code,
      unitName: unit.name,
      level: unit.level,
      provinceCode: unit.provinceCode,
      state,
      receivedAt: (firstAccepted ?? latest)?.uploadedAt ?? null,
      versions,
      problems,
      acceptedBy: latestAccepted ? acceptedBy(latestAccepted) : null,
      source: shown ? sourceOf(shown) : null,
    };
    return { row, accepted: latestAccepted };
  });
}

export function countStates(
  rows: Array<Pick<UnitStatusRow, 'state'> & Partial<Pick<UnitStatusRow, 'acceptedBy'>>>,
): StatusCounts {
  const n = { on_time: 0, late: 0, needs_review: 0, rejected: 0, returned: 0, missing: 0 };
  let approvedByStaff = 0;
  for (const r of rows) {
    n[r.state]++;
    if (r.acceptedBy === 'staff') approvedByStaff++;
  }
  const expected = rows.length;
  const reported = n.on_time + n.late;
  return {
    expected,
    reported,
    onTime: n.on_time,
    late: n.late,
    needsReview: n.needs_review,
    rejected: n.rejected,
    returned: n.returned,
    approvedByStaff,
    missing: n.missing,
    reportingRate: expected ? reported / expected : 0,
    timelinessRate: expected ? n.on_time / expected : 0,
  };
}

const LEVELS: UnitLevel[] = ['xa', 'phuong', 'dac_khu'];

export function countByLevel(rows: UnitStatusRow[]): Array<StatusCounts & { level: UnitLevel }> {
  return LEVELS.map((level) => ({
    level,
    ...countStates(rows.filter((r) => r.level === level)),
  })).filter((c) => c.expected > 0);
}
