import type { AccountDirectory, AccountSpec } from '../../shared/ports/accounts.js';
import type { DeskLog } from '../../shared/ports/desk-log.js';
import type { DeskEvent } from '../../shared/schemas/desk-event.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Unit } from '../../shared/schemas/unit.js';

/** The user pool as the desk sees it: accounts by e-mail, disabled when revoked. */
export class MemoryAccounts implements AccountDirectory {
  readonly accounts = new Map<string, AccountSpec & { password: string; enabled: boolean }>();

  async create(spec: AccountSpec, temporaryPassword: string) {
    const email = spec.email.toLowerCase();
    if (this.accounts.has(email)) return { created: false };
    this.accounts.set(email, { ...spec, email, password: temporaryPassword, enabled: true });
    return { created: true };
  }

  async revoke(email: string, provinceCode: string) {
    const account = this.accounts.get(email.trim().toLowerCase());
    if (!account || account.provinceCode !== provinceCode) return { revoked: false };
    account.enabled = false;
    return { revoked: true };
  }

  /** What Cognito answers a sign-in: refused for a disabled account or a wrong password. */
  canSignIn(email: string, password: string): boolean {
    const account = this.accounts.get(email.toLowerCase());
    return Boolean(account?.enabled && account.password === password);
  }
}

export class MemoryDeskLog implements DeskLog {
  readonly events: DeskEvent[] = [];

  async append(event: DeskEvent) {
    this.events.push(event);
  }

  async list(provinceCode: string, limit: number) {
    return this.events
      .filter((e) => e.provinceCode === provinceCode)
      .reverse()
      .slice(0, limit);
  }
}

/** Ad-hoc rounds in memory, with the store's refusal of an id already stored. */
export function memoryRounds() {
  const stored: Round[] = [];
  return {
    stored,
    list: async (p: string) => stored.filter((r) => r.provinceCode === p),
    put: async (r: Round) => {
      const i = stored.findIndex(
        (x) => x.provinceCode === r.provinceCode && x.roundId === r.roundId,
      );
      if (i >= 0) stored[i] = r;
      else stored.push(r);
    },
    create: async (r: Round) => {
      if (stored.some((x) => x.provinceCode === r.provinceCode && x.roundId === r.roundId))
        return false;
      stored.push(r);
      return true;
    },
  };
}

/** Units in memory: all, or one province's; `put` replaces by code. */
export function memoryUnits(initial: Unit[]) {
  const byCode = new Map(initial.map((u) => [u.code, u]));
  return {
    byCode,
    list: async (p?: string) => [...byCode.values()].filter((u) => !p || u.provinceCode === p),
    get: async (p: string, code: string) => {
      const u = byCode.get(code);
      return u?.provinceCode === p ? u : null;
    },
    put: async (units: Unit[]) => {
      for (const u of units) byCode.set(u.code, u);
      return units.length;
    },
  };
}
