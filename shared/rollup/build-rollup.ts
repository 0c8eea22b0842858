import { daysFromDeadline } from '../rounds/deadline.js';
import type { Rollup } from '../schemas/rollup.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { aggregateIndicators } from './aggregate-indicators.js';
import { consolidateText } from './themes.js';
import { countByLevel, countStates, unitStatuses } from './unit-status.js';

export const NATIONAL = '00';

export interface RollupInput {
  /** A province code, or NATIONAL. */
  provinceCode: string;
  scopeName: string;
  round: Pick<Round, 'roundId' | 'title' | 'deadline' | 'requests'>;
  /** Every unit expected to report. */
  units: Unit[];
  submissions: Submission[];
  now: Date;
}

/** The consolidated report of one round, from the stored submissions alone. */
export function buildRollup(input: RollupInput): Rollup {
  const { round, units } = input;
  const statuses = unitStatuses(units, input.submissions, round.deadline);
  const rows = statuses.map((s) => s.row);
  const accepted = statuses.flatMap((s) => (s.accepted ? [s.accepted] : []));
  const names = new Map(units.map((u) => [u.code, u.name]));
  const rollup: Rollup = {
    schemaVersion: 1,
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
    indicators: aggregateIndicators(accepted),
    ...consolidateText(
      accepted.map((submission) => ({
        submission,
        unitName: names.get(submission.unitCode) ?? submission.unitCode,
      })),
    ),
  };
  return rollup;
}
