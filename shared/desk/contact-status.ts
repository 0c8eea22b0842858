import type { DeskEvent } from '../schemas/desk-event.js';
import type { SentMail } from '../schemas/mail.js';

/** An address mail did not reach: the last bounce or complaint SES reported, and in which round. */
export interface Undelivered {
  email: string;
  state: 'bounced' | 'complained';
  roundId: string;
  at: string;
}

/** Every address of the province's mail ledgers that bounced or complained, newest report first. */
export function undeliveredAddresses(ledger: SentMail[]): Map<string, Undelivered> {
  const out = new Map<string, Undelivered>();
  const sorted = [...ledger].sort((a, b) => b.at.localeCompare(a.at));
  for (const m of sorted) {
    if (m.state !== 'bounced' && m.state !== 'complained') continue;
    for (const email of m.undeliverableTo)
      if (!out.has(email)) out.set(email, { email, state: m.state, roundId: m.roundId, at: m.at });
  }
  return out;
}

/** What the desk last did to each address's portal account: invited or revoked, and when. */
export function accountActions(
  log: DeskEvent[],
): Map<string, { action: 'account_invited' | 'account_revoked'; at: string }> {
  const out = new Map<string, { action: 'account_invited' | 'account_revoked'; at: string }>();
  const sorted = [...log].sort((a, b) => a.at.localeCompare(b.at));
  for (const e of sorted)
    if (e.action === 'account_invited' || e.action === 'account_revoked')
      out.set(e.subject, { action: e.action, at: e.at });
  return out;
}
