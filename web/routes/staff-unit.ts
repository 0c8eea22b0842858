import { Hono } from 'hono';
import { unitAcrossRounds } from '../../shared/desk/unit-history.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import { provinceRounds, roundById } from '../../shared/rounds/rounds.js';
import type { Round } from '../../shared/schemas/round.js';
import type { PortalDeps } from '../deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { errorPage } from '../views/error.js';
import { unitPage } from '../views/staff-unit.js';

/** The rounds a unit's page shows: those of the years around now that have come, and any it reported in. */
async function roundsFor(deps: PortalDeps, provinceCode: string, ids: string[], now: Date) {
  const around = (await provinceRounds(deps.rounds, provinceCode, now)).filter(
    (r) => daysFromDeadline(now, r.deadline) >= -60 || ids.includes(r.roundId),
  );
  const known = new Set(around.map((r) => r.roundId));
  const older = await Promise.all(
    [...new Set(ids)]
      .filter((id) => !known.has(id))
      .map((id) => roundById(deps.rounds, provinceCode, id)),
  );
  return [...around, ...older.filter((r): r is Round => r !== null)];
}

/** One unit of the province across rounds: statuses, uploads, figures and their change. */
export function staffUnitRoutes(deps: PortalDeps) {
  const app = new Hono<StaffEnv>();
  app.use('/so/don-vi/*', staffOnly);

  app.get('/so/don-vi/:unit', async (c) => {
    const who = c.get('staff');
    const now = deps.now?.() ?? new Date();
    const code = c.req.param('unit');
    const unit = (await deps.units.list(who.provinceCode)).find((u) => u.code === code);
    if (!unit) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const history = (await deps.submissions.unitHistory(unit.code)).filter(
      (s) => s.provinceCode === who.provinceCode,
    );
    const rounds = await roundsFor(
      deps,
      who.provinceCode,
      history.map((s) => s.roundId),
      now,
    );
    const { lines, indicators } = unitAcrossRounds(unit, rounds, history);
    return c.html(unitPage({ identity: who, csrf: c.get('csrf'), unit, lines, indicators, now }));
  });
  return app;
}
