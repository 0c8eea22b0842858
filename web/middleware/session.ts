import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { PortalDeps } from '../deps.js';
import type { Identity } from '../identity.js';

export const SESSION_COOKIE = 'tonghop_session';

export interface PortalEnv {
  Variables: {
    identity: Identity | null;
    csrf: string;
  };
}

/** HttpOnly always, SameSite=Lax (links from mail still arrive signed in), Secure on https. */
export function cookieOptions(deps: PortalDeps, maxAge: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.portalUrl.startsWith('https://'),
    maxAge,
  };
}

/** The session is the pool's ID token itself, verified on every request (no server-side state). */
export function session(deps: PortalDeps): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let identity: Identity | null = null;
    if (token) {
      identity = await deps.verifyToken(token).catch(() => null);
      if (!identity) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    c.set('identity', identity);
    await next();
  };
}

export function startSession(c: Context, deps: PortalDeps, idToken: string): void {
  // The ID token lives an hour on Cognito; the cookie does not outlive it.
  setCookie(c, SESSION_COOKIE, idToken, cookieOptions(deps, 3600));
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** To the sign-in page, which sends the visitor back to this address after (its query too). */
export function toSignIn(c: Context) {
  const { pathname, search } = new URL(c.req.url);
  return c.redirect(`/dang-nhap?tiep=${encodeURIComponent(pathname + search)}`, 303);
}

/** Pages for signed-in people only: anonymous visitors go to the sign-in page and come back. */
export const requireIdentity: MiddlewareHandler<PortalEnv> = async (c, next) => {
  if (!c.get('identity')) return toSignIn(c);
  await next();
};
