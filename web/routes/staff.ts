import { Hono } from 'hono';
import type { PortalDeps } from '../deps.js';
import type { PortalEnv } from '../middleware/session.js';
import { staffBoardRoutes } from './staff-board.js';
import { staffContactRoutes } from './staff-contacts.js';
import { staffReviewRoutes } from './staff-review.js';
import { staffRollupRoutes } from './staff-rollups.js';
import { staffRoundRoutes } from './staff-rounds.js';
import { staffSettingsRoutes } from './staff-settings.js';
import { staffSignCheckRoutes } from './staff-sign-check.js';
import { staffTrustRoutes } from './staff-trust.js';
import { staffUnitRoutes } from './staff-unit.js';

/** The Department's desk under /so: mounted when the portal has its dependencies. */
export function staffRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const desk = deps.desk;
  if (!desk) return app;
  const full = { ...deps, desk };
  const areas = [
    staffBoardRoutes,
    staffReviewRoutes,
    staffRollupRoutes,
    staffSignCheckRoutes,
    staffRoundRoutes,
    staffContactRoutes,
    staffTrustRoutes,
    staffUnitRoutes,
    staffSettingsRoutes,
  ];
  for (const area of areas) app.route('/', area(full) as never);
  return app;
}
