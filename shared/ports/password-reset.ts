/**
 * Why a password reset step was refused: the code is wrong or past its time, the new password
 * does not meet the policy, too many requests, the account never signed in (its temporary
 * password is the way in), or the pool unreachable.
 */
export type ResetRefusal = 'code' | 'expired' | 'password' | 'limit' | 'invited' | 'unavailable';

export type ResetResult = { kind: 'ok' } | { kind: 'refused'; reason: ResetRefusal };

/** The user pool's forgotten-password flow (Cognito ForgotPassword / ConfirmForgotPassword). */
export interface PasswordReset {
  /** Mails a code to the address when it has an account; answers the same when it has none. */
  sendCode(email: string): Promise<ResetResult>;
  confirm(email: string, code: string, password: string): Promise<ResetResult>;
}

/** How many times something may happen per key in a window: a counter that refuses past `max`. */
export interface RateLimiter {
  /** Counts one more for `key` in the window holding `now`; false when it is past `max`. */
  take(key: string, now: Date, max: number, windowSeconds: number): Promise<boolean>;
}
