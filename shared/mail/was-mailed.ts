import type { SentMail } from '../schemas/mail.js';

/** A once-only mail (digest, rollup) already went out, or is going: not again. */
export const wasMailed = (ledger: SentMail[], ledgerKey: string) =>
  ledger.some((m) => m.ledgerKey === ledgerKey && m.state !== 'failed');

/**
 * Any mail of this kind went out or is going, the scheduled one (`ledgerKey`) or one asked for by
 * hand (`ledgerKey#<time>`): a manual run mails again only when asked to (--resend).
 */
export const mailedBefore = (ledger: SentMail[], ledgerKey: string) =>
  ledger.some(
    (m) =>
      (m.ledgerKey === ledgerKey || m.ledgerKey.startsWith(`${ledgerKey}#`)) &&
      m.state !== 'failed',
  );
