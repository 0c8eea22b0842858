import type { SentMail } from '../schemas/mail.js';

/** A once-only mail (digest, rollup) already went out, or is going: not again. */
export const wasMailed = (ledger: SentMail[], ledgerKey: string) =>
  ledger.some((m) => m.ledgerKey === ledgerKey && m.state !== 'failed');
