import type { MailJob, SentMail } from '../schemas/mail.js';

/** Which ledger entry a mail is: what a bounce or complaint event carries back to us. */
export interface LedgerRef {
  provinceCode: string;
  roundId: string;
  ledgerKey: string;
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** SES message tags; the ledger reference rides here so that bounces find their mail. */
  tags?: Record<string, string>;
}

/** What SES told us after sending: a permanent bounce or a complaint. */
export interface Undeliverable {
  state: 'bounced' | 'complained';
  recipients: string[];
  reason: string;
}

/** SES on AWS and on the embedded stack. Throws on failure; transient ones carry `retryable`. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** The queue between the jobs that decide what to send and the sender. */
export interface MailOutbox {
  enqueue(jobs: MailJob[]): Promise<void>;
}

/** Which mails went out: a conditional write before each send makes every mail go at most once. */
export interface MailLedger {
  /** True when this caller may send; false when it was sent, or is being sent by someone else. */
  claim(job: MailJob, now: Date, staleAfterMs: number): Promise<boolean>;
  markSent(job: MailJob, messageId: string, now: Date): Promise<void>;
  /** Gives a claimed mail back after a failure that should be retried. */
  release(job: MailJob): Promise<void>;
  markFailed(job: MailJob, error: string, now: Date): Promise<void>;
  /** False when the ledger has no such mail (an event for a mail from elsewhere). */
  markUndeliverable(ref: LedgerRef, problem: Undeliverable, now: Date): Promise<boolean>;
  listRound(provinceCode: string, roundId: string): Promise<SentMail[]>;
}

/** A mail SES will never accept as it is (bad address, unverified sender): not retried. */
export class MailRejected extends Error {
  override readonly name = 'MailRejected';
}
