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

// The site's icon (a report page on the portal's blue): browsers ask for /favicon.ico on every
// page, and a 404 there fills the logs and the console.
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3d6b"/>' +
  '<path d="M9 6h10l5 5v15H9z" fill="#fff"/><path d="M12 14h9M12 18h9M12 22h6" stroke="#0b5cad" stroke-width="2"/>' +
  '</svg>';

/** The stylesheet, the script and the icon, from memory: the same on Lambda and on the embedded stack. */
export function staticRoutes() {
  const app = new Hono();
  app.get('/favicon.ico', (c) => {
    c.header('content-type', 'image/svg+xml');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(ICON);
  });
  app.get('/static/:name', (c) => {
    const asset = ASSETS.get(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('content-type', asset.type);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(asset.body);
  });
  return app;
}
