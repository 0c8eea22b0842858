import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { PortalDeps } from '../deps.js';
import { cookieOptions, type PortalEnv } from './session.js';

export const CSRF_COOKIE = 'tonghop_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Two checks on every state-changing request: the browser's Origin (or Sec-Fetch-Site) must be
 * the portal's own, and the form field or header must repeat the random token of the HttpOnly
 * CSRF cookie (double submit). A cross-site page can do neither.
 */
export function csrf(deps: PortalDeps): MiddlewareHandler<PortalEnv> {
  const origin = new URL(deps.config.portalUrl).origin;
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{32,}$/.test(token)) {
      token = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, token, cookieOptions(deps, 8 * 3600));
    }
    c.set('csrf', token);
    if (SAFE.has(c.req.method)) return next();
    const from = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const sameOrigin = from ? from === origin : !site || site === 'same-origin';
    const sent = c.req.header(CSRF_HEADER) ?? (await formToken(c.req.raw));
    if (!sameOrigin || !sent || !same(sent, token)) {
      return c.text(
        'Yêu cầu không hợp lệ (mã chống giả mạo). Vui lòng tải lại trang rồi thử lại.',
        403,
      );
    }
    return next();
  };
}

async function formToken(req: Request): Promise<string | undefined> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('form')) return undefined;
  // Read a clone: the route handler parses the body again.
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const v = form?.get(CSRF_FIELD);
  return typeof v === 'string' ? v : undefined;
}
