import { latestBy } from '../ports/confirmation-store.js';
import { countByLevel, countStates, unitStatuses } from '../rollup/unit-status.js';
import type { Confirmation } from '../schemas/confirmation.js';
import type { SentMail } from '../schemas/mail.js';
import type { UnitLevel } from '../schemas/report.js';
import type { StatusCounts, UnitState, UnitStatusRow } from '../schemas/rollup.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { foldKey } from '../text/fold.js';
import { canConfirm, confirmationState } from './confirm-figures.js';
import { isOtherPeriod, isUnmatched, settledBy } from './review-rules.js';

/** One unit's line on the board: where it stands, what was wrong, whether mail reaches it. */
export interface BoardRow {
  unit: Unit;
  state: UnitState;
  acceptedBy: UnitStatusRow['acceptedBy'];
  /** The newest upload of any status. */
  lastUpload: Submission | null;
  /** What the reader (or the Department, for a returned file) found wrong with it. */
  problems: string[];
  /** The newest reminder the mail ledger holds for the unit in this round. */
  lastReminder: SentMail | null;
  /** Addresses a mail of this round bounced from or was reported as spam by. */
  undeliverable: string[];
  /**
   * Where the unit stands on confirming the figures of the file that counts (else its newest):
   * confirmed as read, corrected, or not yet; null when it has no figures to confirm.
   */
  figures: FiguresState | null;
}

export interface FiguresState {
  state: ReturnType<typeof confirmationState>;
  /** Who confirmed, and when (null while not confirmed). */
  by: string | null;
  at: string | null;
}

/** The unit's file its figures are confirmed on, and where it stands (as its round page asks). */
function figuresState(
  counted: string | undefined,
  uploads: Submission[],
  confirmations: Map<string, Confirmation>,
): FiguresState | null {
  const newest = [...uploads].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt))[0];
  const s = (counted && uploads.find((u) => u.submissionId === counted)) || newest;
  if (!s || !canConfirm(s) || isOtherPeriod(s)) return null;
  const c = confirmations.get(s.submissionId);
  return { state: confirmationState(c), by: c?.by.email ?? null, at: c?.at ?? null };
}

export interface RoundBoard {
  round: Round;
  counts: StatusCounts;
  byLevel: Array<StatusCounts & { level: UnitLevel }>;
  rows: BoardRow[];
  /** Files no unit could be matched to, not yet assigned or set aside. */
  unmatched: number;
}

/** Ledger states of a mail that left: SES took it (a bounce or complaint comes after). */
const SENT = new Set<SentMail['state']>(['sent', 'bounced', 'complained']);

function newest<T>(items: T[], at: (t: T) => string): T | null {
  let best: T | null = null;
  for (const t of items) if (!best || at(t) > at(best)) best = t;
  return best;
}

function groupBy<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * The Department's view of one round: DHIS2's expected, reported, on time and the rates, overall
 * and by xã / phường / đặc khu, from the same unit states the rollup counts, and one row per unit
 * with its last upload, problems, last reminder and undeliverable addresses.
 */
export function roundBoard(
  round: Round,
  units: Unit[],
  submissions: Submission[],
  ledger: SentMail[],
  confirmations: Confirmation[] = [],
): RoundBoard {
  const statuses = unitStatuses(units, submissions, round.deadline);
  const confirmed = latestBy(confirmations, (c) => c.submissionId);
  const uploads = groupBy(submissions, (s) => s.unitCode);
  const mails = groupBy(ledger, (m) => m.unitCode);
  const rows = statuses.map(({ row, accepted }, i): BoardRow => {
    const unit = units[i]!;
    const mine = mails.get(unit.code) ?? [];
    return {
      unit,
      state: row.state,
      acceptedBy: row.acceptedBy,
      lastUpload: newest(uploads.get(unit.code) ?? [], (s) => s.uploadedAt),
      problems: row.problems,
      lastReminder: newest(
        mine.filter((m) => m.kind === 'reminder' && SENT.has(m.state)),
        (m) => m.at,
      ),
      undeliverable: [...new Set(mine.flatMap((m) => m.undeliverableTo))],
      figures: figuresState(accepted?.submissionId, uploads.get(unit.code) ?? [], confirmed),
    };
  });
  const states = rows.map((r) => ({
    state: r.state,
    acceptedBy: r.acceptedBy,
    level: r.unit.level,
  }));
  return {
    round,
    counts: countStates(states),
    byLevel: countByLevel(statuses.map((s) => s.row)),
    rows,
    unmatched: submissions.filter((s) => isUnmatched(s) && !settledBy(s)).length,
  };
}

export interface BoardFilter {
  state?: UnitState | 'all';
  level?: UnitLevel | 'all';
  /** Part of the unit's name or code, in any case, with or without diacritics. */
  text?: string;
  bounced?: boolean;
}

export type BoardSort = 'unit' | 'state' | 'lastUpload' | 'lastReminder';

const STATE_ORDER: UnitState[] = [
  'needs_review',
  'returned',
  'rejected',
  'missing',
  'late',
  'on_time',
];

const SORT_KEYS: Record<BoardSort, (r: BoardRow) => string> = {
  unit: (r) => r.unit.code,
  state: (r) => String(STATE_ORDER.indexOf(r.state)),
  lastUpload: (r) => r.lastUpload?.uploadedAt ?? '',
  lastReminder: (r) => r.lastReminder?.at ?? '',
};

/** The rows a reviewer asked for, in the order asked (then by unit code, so it is stable). */
export function filterAndSort(
  rows: BoardRow[],
  filter: BoardFilter,
  sort: BoardSort = 'state',
  descending = false,
): BoardRow[] {
  const text = filter.text ? foldKey(filter.text) : '';
  const kept = rows.filter(
    (r) =>
      (!filter.state || filter.state === 'all' || r.state === filter.state) &&
      (!filter.level || filter.level === 'all' || r.unit.level === filter.level) &&
      (!filter.bounced || r.undeliverable.length > 0) &&
      (!text || r.unit.code.includes(text) || foldKey(r.unit.name).includes(text)),
  );
  const key = SORT_KEYS[sort];
  const sign = descending ? -1 : 1;
  return kept.sort(
    (a, b) => sign * key(a).localeCompare(key(b)) || a.unit.code.localeCompare(b.unit.code),
  );
}
