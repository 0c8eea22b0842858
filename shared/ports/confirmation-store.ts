import type { Confirmation, SignCheck } from '../schemas/confirmation.js';

/** Statements about figures read: the units' confirmations and the Department's pre-sign checks. */
export interface ConfirmationStore {
  /** Adds a unit's confirmation; earlier ones stay (the latest counts). */
  putConfirmation(c: Confirmation): Promise<void>;
  /** Every confirmation of a round, oldest first. */
  listConfirmations(provinceCode: string, roundId: string): Promise<Confirmation[]>;
  /** Adds a pre-sign decision; earlier ones stay (the latest counts). */
  putCheck(c: SignCheck): Promise<void>;
  /** Every pre-sign decision of a round, oldest first. */
  listChecks(provinceCode: string, roundId: string): Promise<SignCheck[]>;
}

/** The newest statement of each key (statements oldest first, as the store lists them). */
export function latestBy<T extends { at: string }>(
  list: T[],
  key: (t: T) => string,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const t of list) {
    const seen = out.get(key(t));
    if (!seen || seen.at <= t.at) out.set(key(t), t);
  }
  return out;
}
