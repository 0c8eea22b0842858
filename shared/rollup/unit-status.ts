import { byDecisiveness, isTechnical } from '../ingest/decisive-reason.js';
import { roundStatus, statusOf, timelinessOf } from '../ingest/round-status.js';
import { acceptedBy, returnMessage } from '../schemas/audit.js';
import type { UnitLevel } from '../schemas/report.js';
import type { OtherDocument, StatusCounts, UnitState, UnitStatusRow } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { DOCUMENT_KIND_WORDS } from '../vocabulary/status-words.js';
import { asView } from './rollup-view.js';

export interface UnitStatus {
  row: UnitStatusRow;
  /** The newest accepted report: the one whose figures and text the rollup uses. */
  accepted: RollupSubmission | null;
}

/**
 * Only a báo cáo reports results: a plan's targets or a letter are never counted as results. A
 * file the Department's staff approved is a report by their decision, and one with no reading
 * at all (nothing says what it is) is not set aside.
 */
export const isReport = (s: RollupSubmission) =>
  !s.view || s.view.documentType === 'BAO_CAO' || acceptedBy(s) === 'staff';

/** Accepted documents that are not reports, listed apart. */
export function otherDocuments(submissions: RollupSubmission[]): OtherDocument[] {
  return submissions
    .filter((s) => s.status === 'accepted' && !isReport(s))
    .map((s) => ({
      unitCode: s.unitCode,
      documentType: s.view?.documentType ?? 'OTHER',
      number: s.view?.number ?? null,
      title: s.view?.title ?? null,
      submissionId: s.submissionId,
    }))
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
}

/** "Đã nộp kế hoạch số 10/KH-UBND, không phải báo cáo." for a unit whose only document is one. */
export function otherDocumentNote(d: OtherDocument): string {
  const what = `${DOCUMENT_KIND_WORDS[d.documentType]}${d.number ? ` số ${d.number}` : ''}`;
  return `Đã nộp ${what}, không phải báo cáo kết quả.`;
}

/**
 * Each expected unit's state for the round, judged on its reports only. Timeliness is decided by
 * the first accepted report (a correction sent after the deadline keeps the unit on time); the
 * figures come from the newest.
 */
export function unitStatuses(
  units: Unit[],
  given: Array<Submission | RollupSubmission>,
  deadline: string,
): UnitStatus[] {
  const submissions = given.map(asView);
  const reports = submissions.filter((s) => s.status !== 'accepted' || isReport(s));
  const others = new Map(otherDocuments(submissions).map((d) => [d.unitCode, d]));
  const versions = new Map<string, number>();
  for (const s of submissions) versions.set(s.unitCode, (versions.get(s.unitCode) ?? 0) + 1);
  return roundStatus(units, reports).map((status) => {
    const { unit, latest, latestAccepted, firstAccepted } = status;
    const kind = statusOf(status); // never 'accepted' where timeliness is null
    const state: UnitState =
      timelinessOf(status, deadline) ??
      (kind === 'accepted' ? 'missing' : kind === 'ocr_pending' ? 'needs_review' : kind);
    const other = others.get(unit.code);
    const found = !latestAccepted && latest ? byDecisiveness(latest.diagnostics) : [];
    const problems = found.filter((d) => !isTechnical(d)).map((d) => d.message);
    const notes = found.filter(isTechnical).map((d) => d.message);
    if (!latestAccepted && other) problems.push(otherDocumentNote(other));
    const returned = latestAccepted ? null : latest && returnMessage(latest);
    if (returned) problems.unshift(`Sở trả lại để sửa: ${returned}`);
    const row: UnitStatusRow = {
      unitCode: unit.code,
      unitName: unit.name,
      level: unit.level,
      provinceCode: unit.provinceCode,
      state,
      receivedAt: (firstAccepted ?? latest)?.uploadedAt ?? null,
      versions: versions.get(unit.code) ?? 0,
      problems,
      ...(notes.length ? { notes } : {}),
      acceptedBy: latestAccepted ? acceptedBy(latestAccepted) : null,
      submissionId: (latestAccepted ?? latest)?.submissionId ?? other?.submissionId ?? null,
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
  // The key order is the schema's (`level` last): the stored JSON is the object as built.
  return LEVELS.map((level) => ({
    ...countStates(rows.filter((r) => r.level === level)),
    level,
  })).filter((c) => c.expected > 0);
}
