import type { MailJob, SentMail } from '../schemas/mail.js';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
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
  listRound(provinceCode: string, roundId: string): Promise<SentMail[]>;
}

/** A mail SES will never accept as it is (bad address, unverified sender): not retried. */
export class MailRejected extends Error {
  override readonly name = 'MailRejected';
}
