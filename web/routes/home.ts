import { Hono } from 'hono';
import { html } from 'hono/html';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import type { PortalDeps } from '../deps.js';
import { type PortalEnv, requireIdentity } from '../middleware/session.js';
import { page } from '../views/layout.js';
import { unitPath } from '../views/unit.js';

/**
 * The front door: a commune goes to its unit page; staff see their province's units (the
 * Department's desk builds on this route module).
 */
export function homeRoutes(deps: PortalDeps) {
  const app = new Hono<PortalEnv>();
  app.get('/', requireIdentity, async (c) => {
    const who = c.get('identity')!;
    if (who.role === 'commune') return c.redirect(unitPath(who.unitCode!), 303);
    if (deps.desk) return c.redirect('/so', 303);
    const units = await deps.units.list(who.provinceCode);
    return c.html(
      page(
        { title: 'Sở KHCN', identity: who, csrf: c.get('csrf') },
        html`<h1>Các đơn vị của tỉnh ${units[0]?.provinceName ?? who.provinceCode}</h1>
<ul class="units">${units.map(
          (u) =>
            html`<li><a href="${unitPath(u.code)}">${unitLabel(u)}</a> <small>${u.code}</small></li>`,
        )}</ul>`,
      ),
    );
  });
  return app;
}
