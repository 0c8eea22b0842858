import { roundStatus, statusOf, timelinessOf } from '../shared/ingest/round-status.js';
import { daysFromDeadline } from '../shared/rounds/deadline.js';
import { provinceRounds } from '../shared/rounds/rounds.js';
import type { Round } from '../shared/schemas/round.js';
import type { Submission } from '../shared/schemas/submission.js';
import type { Unit } from '../shared/schemas/unit.js';
import type { PortalDeps } from './deps.js';

/**
 * The unit of `code` among the provinces this portal serves. `likelyProvince` (the viewer's: only
 * a unit of their own province is theirs to read) is tried first with one item read: every
 * request about a unit asks this, and listing every unit of an embedded stack serving all
 * provinces cost a few hundred ms a request.
 */
export async function findUnit(
  deps: PortalDeps,
  code: string,
  likelyProvince?: string | null,
): Promise<Unit | null> {
  if (!/^\d{5}$/.test(code)) return null;
  const provinces = deps.config.provinces;
  const served = (p: string) => provinces === 'all' || provinces.includes(p);
  if (likelyProvince && served(likelyProvince)) {
    const unit = await deps.units.get(likelyProvince, code);
    if (unit) return unit;
  }
  // Units are read per province: the portal of one province never reads another's.
  if (provinces === 'all') return (await deps.units.list()).find((u) => u.code === code) ?? null;
  const found = await Promise.all(provinces.map((p) => deps.units.get(p, code)));
  return found.find((u) => u !== null) ?? null;
}

export async function unitRounds(deps: PortalDeps, unit: Unit, now: Date): Promise<Round[]> {
  return provinceRounds(deps.rounds, unit.provinceCode, now);
}

export async function roundOf(
  deps: PortalDeps,
  unit: Unit,
  roundId: string,
  now: Date,
): Promise<Round | undefined> {
  return (await unitRounds(deps, unit, now)).find((r) => r.roundId === roundId);
}

export interface RoundView {
  round: Round;
  status: ReturnType<typeof statusOf>;
  timeliness: ReturnType<typeof timelinessOf>;
  /** Newest first. */
  versions: Submission[];
  /** The version that counts: the newest accepted one, else the newest. */
  counted: Submission | null;
}

export function roundView(unit: Unit, round: Round, history: Submission[]): RoundView {
  const mine = history.filter((s) => s.roundId === round.roundId && s.unitCode === unit.code);
  const [row] = roundStatus([unit], mine);
  const versions = [...mine].sort(
    (a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || b.version - a.version,
  );
  return {
    round,
    status: row ? statusOf(row) : 'missing',
    timeliness: row ? timelinessOf(row, round.deadline) : null,
    versions,
    counted: row?.latestAccepted ?? null,
  };
}

/**
 * The rounds a commune sees: those still open or just past (late reports are still taken),
 * and earlier ones it reported in.
 */
export function splitRounds(views: RoundView[], now: Date) {
  const open = views.filter((v) => {
    const d = daysFromDeadline(now, v.round.deadline);
    return d >= -200 && d <= 30;
  });
  const earlier = views.filter((v) => !open.includes(v) && v.versions.length > 0);
  return { open, earlier: earlier.reverse() };
}
