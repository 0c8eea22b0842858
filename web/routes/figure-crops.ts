import type { Context, Hono } from 'hono';
import type { PortalDeps } from '../deps.js';
import type { StaffEnv } from '../middleware/staff-only.js';
import type { UnitEnv } from '../middleware/unit-access.js';

// The picture of a scanned figure's line, served by the portal itself (the CSP allows images from
// 'self' only): the Department's staff see their province's, a unit sees its own.

/** Where the Department's pages load a crop from. */
export const staffCropPath = (key: string) => `/so/anh-so-lieu?k=${encodeURIComponent(key)}`;
/** Where a unit's pages load a crop from. */
export const unitCropPath = (unitCode: string, key: string) =>
  `/don-vi/${unitCode}/anh-so-lieu?k=${encodeURIComponent(key)}`;

async function serve(c: Context, deps: PortalDeps, key: string, prefix: string) {
  const objects = deps.desk?.objects;
  const safe = key.startsWith(prefix) && !key.includes('..') && key.endsWith('.png');
  if (!objects || !safe) return c.notFound();
  const found = await objects.get(key).catch(() => null);
  if (!found) return c.notFound();
  return c.body(found.bytes as unknown as ArrayBuffer, 200, {
    'content-type': 'image/png',
    'cache-control': 'private, max-age=3600',
  });
}

/** GET /so/anh-so-lieu?k=…: a crop under the staff member's province. */
export function staffCropRoute(app: Hono<StaffEnv>, deps: PortalDeps) {
  app.get('/so/anh-so-lieu', (c) =>
    serve(c, deps, c.req.query('k') ?? '', `crops/${c.get('staff').provinceCode}/`),
  );
}

/** GET /don-vi/<unit>/anh-so-lieu?k=…: a crop of the unit's own files (its guard ran first). */
export function unitCropRoute(app: Hono<UnitEnv>, deps: PortalDeps) {
  app.get('/don-vi/:unit/anh-so-lieu', (c) => {
    const unit = c.get('unit');
    return serve(c, deps, c.req.query('k') ?? '', `crops/${unit.provinceCode}/${unit.code}/`);
  });
}
