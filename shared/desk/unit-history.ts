import { INDICATOR_CATALOGUE } from '../reader/catalogue.js';
import { unitStatuses } from '../rollup/unit-status.js';
import type { UnitState, UnitStatusRow } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';

/** One round of a unit, as the board and the rollup judge it. */
export interface UnitRoundLine {
  round: Round;
  state: UnitState;
  acceptedBy: UnitStatusRow['acceptedBy'];
  /** Every upload of the round, newest first. */
  uploads: Submission[];
  problems: string[];
  /** The report whose figures count (the newest accepted one). */
  counted: RollupSubmission | null;
}

/** One catalogued indicator across the rounds: its value in each, and the change from before. */
export interface IndicatorTrend {
  key: string;
  name: string;
  unit: string;
  cells: Array<{
    roundId: string;
    value: number | null;
    /** Against the latest earlier round that has a value; null when none has. */
    change: { from: string; delta: number } | null;
  }>;
}

const NAMES = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e]));

function figuresOf(s: RollupSubmission | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of s?.view?.indicators ?? []) if (i.key && !out.has(i.key)) out.set(i.key, i.value);
  return out;
}

function trends(lines: UnitRoundLine[]): IndicatorTrend[] {
  const figures = lines.map((l) => figuresOf(l.counted));
  const keys = INDICATOR_CATALOGUE.map((e) => e.key).filter((k) => figures.some((f) => f.has(k)));
  return keys.map((key) => {
    let before: { roundId: string; value: number } | null = null;
    const cells = lines.map((line, i) => {
      const value = figures[i]!.get(key) ?? null;
      const change =
        value !== null && before ? { from: before.roundId, delta: value - before.value } : null;
      if (value !== null) before = { roundId: line.round.roundId, value };
      return { roundId: line.round.roundId, value, change };
    });
    const entry = NAMES.get(key)!;
    return { key, name: entry.name, unit: entry.unit, cells };
  });
}

/**
 * One unit across rounds, oldest first: its state, uploads and problems in each, the report
 * that counts, and each catalogued indicator beside its value in the round before.
 */
export function unitAcrossRounds(
  unit: Unit,
  rounds: Round[],
  history: Submission[],
): { lines: UnitRoundLine[]; indicators: IndicatorTrend[] } {
  const mine = history.filter(
    (s) => s.unitCode === unit.code && s.provinceCode === unit.provinceCode,
  );
  const ordered = [...rounds].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const lines = ordered.map((round): UnitRoundLine => {
    const uploads = mine
      .filter((s) => s.roundId === round.roundId)
      .sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
    const [status] = unitStatuses([unit], uploads, round.deadline);
    return {
      round,
      state: status!.row.state,
      acceptedBy: status!.row.acceptedBy,
      uploads,
      problems: status!.row.problems,
      counted: status!.accepted,
    };
  });
  return { lines, indicators: trends(lines) };
}
