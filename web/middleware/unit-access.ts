import type { MiddlewareHandler } from 'hono';
import type { Unit } from '../../shared/schemas/unit.js';
import type { PortalDeps } from '../deps.js';
import { canReadUnit, type Identity } from '../identity.js';
import { findUnit } from '../unit-data.js';
import { errorPage } from '../views/error.js';
import { type PortalEnv, requireIdentity } from './session.js';

export interface UnitEnv {
  Variables: PortalEnv['Variables'] & { unit: Unit; who: Identity };
}

/** Loads the unit of the path and lets through only who may read it (its contact, its province's staff). */
export function unitAccess(deps: PortalDeps): MiddlewareHandler<UnitEnv> {
  return async (c, next) => {
    const who = c.get('identity')!;
    const unit = await findUnit(deps, c.req.param('unit') ?? '', who.provinceCode);
    if (!unit || !canReadUnit(who, unit))
      return c.html(errorPage(c.get('csrf'), who, 'forbidden'), unit ? 403 : 404);
    c.set('unit', unit);
    c.set('who', who);
    await next();
  };
}

/** Signed in, and allowed to this unit: every route under /don-vi/:unit. */
export const unitGuard = (deps: PortalDeps): MiddlewareHandler<UnitEnv>[] => [
  requireIdentity as never,
  unitAccess(deps),
];
