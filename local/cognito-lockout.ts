// Cognito's lockout for failed password sign-ins, as its developer guide describes it
// ("Lockout behavior for failed sign-in attempts"): after five failures the user is locked out
// for one second, doubling with each further failure up to about 15 minutes; an attempt during
// a lockout is answered "Password attempts exceeded" and does not count; a successful sign-in
// after the lockout, or 15 minutes without attempts, starts again from zero.

const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;
const QUIET_RESET_MS = 15 * 60_000;

interface Record {
  failures: number;
  lastAttempt: number;
  lockedUntil: number;
}

export interface Lockouts {
  /** Is `who` locked out at `now`? Counts as an attempt for the quiet-period reset only. */
  locked(who: string, now: number): boolean;
  failed(who: string, now: number): void;
  succeeded(who: string): void;
}

export function newLockouts(): Lockouts {
  const records = new Map<string, Record>();
  const current = (who: string, now: number): Record | undefined => {
    const r = records.get(who);
    if (r && now - r.lastAttempt > QUIET_RESET_MS) {
      records.delete(who);
      return undefined;
    }
    return r;
  };
  return {
    locked(who, now) {
      const r = current(who, now);
      if (!r || now >= r.lockedUntil) return false;
      r.lastAttempt = now;
      return true;
    },
    failed(who, now) {
      const r = current(who, now) ?? { failures: 0, lastAttempt: now, lockedUntil: 0 };
      r.failures++;
      r.lastAttempt = now;
      if (r.failures >= FREE_FAILURES)
        r.lockedUntil = now + Math.min(MAX_LOCK_MS, 1000 * 2 ** (r.failures - FREE_FAILURES));
      records.set(who, r);
    },
    succeeded(who) {
      records.delete(who);
    },
  };
}
