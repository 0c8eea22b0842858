import type { MiddlewareHandler } from 'hono';
import type { Identity } from '../identity.js';
import { errorPage } from '../views/error.js';
import { type PortalEnv, toSignIn } from './session.js';

export interface StaffEnv {
  Variables: PortalEnv['Variables'] & { staff: Identity };
}

/**
 * The Department's pages: signed-in staff only, each seeing only their own province (every
 * route reads the province from the identity, never from the address). Anonymous visitors go to
 * the sign-in page; a commune account gets the "no access" page.
 */
export const staffOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  const who = c.get('identity');
  if (!who) return toSignIn(c);
  if (who.role !== 'staff') return c.html(errorPage(c.get('csrf'), who, 'staffOnly'), 403);
  c.set('staff', who);
  await next();
};
