import { Hono } from 'hono';
import { DESK_CSS } from '../static/desk-css.js';
import { PORTAL_CSS } from '../static/portal-css.js';
import { PORTAL_JS } from '../static/portal-script.js';

// A Map, not an object: an asset name from the address must never find `constructor` or
// `__proto__` on a prototype.
const ASSETS = new Map<string, { type: string; body: string }>([
  ['portal.css', { type: 'text/css; charset=utf-8', body: PORTAL_CSS + DESK_CSS }],
  ['portal.js', { type: 'text/javascript; charset=utf-8', body: PORTAL_JS }],
]);

/** The stylesheet and the script, from memory: the same on Lambda and on the embedded stack. */
export function staticRoutes() {
  const app = new Hono();
  app.get('/static/:name', (c) => {
    const asset = ASSETS.get(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('content-type', asset.type);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(asset.body);
  });
  return app;
}
