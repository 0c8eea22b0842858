import { daysFromDeadline } from '../rounds/deadline.js';
import type { Rollup } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { aggregateIndicators } from './aggregate-indicators.js';
import { asView } from './rollup-view.js';
import {
  checkCounts,
  leftOutItems,
  type SignItem,
  type Statements,
  settleFigures,
  settleQuotes,
} from './sign-checks.js';
import { sourcesOf } from './source-ref.js';
import { consolidateText, type Repair } from './themes.js';
import { countByLevel, countStates, otherDocuments, unitStatuses } from './unit-status.js';

export const NATIONAL = '00';

export interface RollupInput {
  /** A province code, or NATIONAL. */
  provinceCode: string;
  scopeName: string;
  round: Pick<Round, 'roundId' | 'title' | 'deadline' | 'requests'>;
  /** Every unit expected to report. */
  units: Unit[];
  /** The round's submissions, full or as their rollup views. */
  submissions: Array<Submission | RollupSubmission>;
  now: Date;
  /** How quoted points are repaired for display (the original is kept beside). */
  repair?: Repair;
  /**
   * The units' confirmations and the Department's pre-sign checks: given, the figures are settled
   * by them (a scanned figure nobody confirmed is left out) and the rollup says what was checked.
   */
  statements?: Statements;
}

/** Every submission id the rollup names, for its sources table. */
function named(r: Omit<Rollup, 'sources'>): string[] {
  return [
    ...r.units.map((u) => u.submissionId ?? ''),
    ...r.indicators.flatMap((i) => i.values.map((v) => v.submissionId)),
    ...r.difficulties.flatMap((g) => g.quotes.map((q) => q.submissionId)),
    ...r.proposals.flatMap((g) => g.quotes.map((q) => q.submissionId)),
    ...r.otherDocuments.map((d) => d.submissionId),
  ];
}

/** The consolidated report of one round, from the stored submissions alone. */
export function buildRollup(input: RollupInput): Rollup {
  return buildRollupChecked(input).rollup;
}

/** The rollup and, when statements are given, the items of its pre-sign list. */
export function buildRollupChecked(input: RollupInput): { rollup: Rollup; items: SignItem[] } {
  const { round, units } = input;
  const submissions = input.submissions.map(asView);
  const statuses = unitStatuses(units, submissions, round.deadline);
  const rows = statuses.map((s) => s.row);
  const counted = statuses.flatMap((s) => (s.accepted ? [s.accepted] : []));
  const figures = input.statements ? settleFigures(counted, input.statements) : null;
  const accepted = figures?.accepted ?? counted;
  const rollup: Omit<Rollup, 'sources'> = {
    schemaVersion: 2,
    provinceCode: input.provinceCode,
    scopeName: input.scopeName,
    round: {
      roundId: round.roundId,
      title: round.title,
      deadline: round.deadline,
      requests: round.requests,
    },
    builtAt: input.now.toISOString(),
    beforeDeadline: daysFromDeadline(input.now, round.deadline) <= 0,
    status: { ...countStates(rows), byLevel: countByLevel(rows) },
    units: rows,
    indicators: aggregateIndicators(accepted, (f) => figures?.basis.get(f)),
    ...consolidateText(accepted, input.repair),
    otherDocuments: otherDocuments(submissions),
  };
  if (!input.statements || !figures)
    return { rollup: { ...rollup, sources: sourcesOf(submissions, named(rollup)) }, items: [] };
  const quotes = settleQuotes(rollup, input.statements);
  const items: SignItem[] = [
    ...figures.items,
    ...quotes.items,
    ...leftOutItems(rollup, input.statements),
  ];
  const checks = checkCounts(items, figures.leftOut, figures.confirmedByUnits);
  const checked = { ...quotes.rollup, checks };
  return { rollup: { ...checked, sources: sourcesOf(submissions, named(checked)) }, items };
}
