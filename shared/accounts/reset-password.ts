import type { PasswordReset, RateLimiter, ResetResult } from '../ports/password-reset.js';

export interface ResetDeps {
  reset: PasswordReset;
  limiter: RateLimiter;
  now: () => Date;
}

/** Codes one address may ask for in an hour, and attempts at typing one, before waiting. */
export const RESET_LIMITS = { codesPerHour: 3, attemptsPerHour: 10 } as const;
const HOUR = 3600;

const keyOf = (what: string, email: string) => `${what}#${email.trim().toLowerCase()}`;

/**
 * Asks the pool to mail a code, at most RESET_LIMITS.codesPerHour times an hour per address (on
 * top of Cognito's own limits): nobody can fill a commune's mailbox from the sign-in page.
 */
export async function requestResetCode(email: string, deps: ResetDeps): Promise<ResetResult> {
  const allowed = await deps.limiter.take(
    keyOf('RESET_CODE', email),
    deps.now(),
    RESET_LIMITS.codesPerHour,
    HOUR,
  );
  if (!allowed) return { kind: 'refused', reason: 'limit' };
  return deps.reset.sendCode(email);
}

/** Sets the new password with the mailed code; attempts are counted so a code cannot be guessed. */
export async function confirmReset(
  email: string,
  code: string,
  password: string,
  deps: ResetDeps,
): Promise<ResetResult> {
  const allowed = await deps.limiter.take(
    keyOf('RESET_TRY', email),
    deps.now(),
    RESET_LIMITS.attemptsPerHour,
    HOUR,
  );
  if (!allowed) return { kind: 'refused', reason: 'limit' };
  if (!/^\d{6}$/.test(code.trim())) return { kind: 'refused', reason: 'code' };
  return deps.reset.confirm(email, code.trim(), password);
}
