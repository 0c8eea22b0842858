import type {
  LedgerRef,
  Mailer,
  MailLedger,
  OutgoingMail,
  Undeliverable,
} from '../../shared/ports/mail.js';
import { claimedEntry, type MailJob, type SentMail } from '../../shared/schemas/mail.js';

export class MemoryLedger implements MailLedger {
  readonly items = new Map<string, SentMail>();
  async claim(job: MailJob, now: Date, staleAfterMs: number) {
    const old = this.items.get(job.ledgerKey);
    if (
      old &&
      !(old.state === 'claimed' && old.at < new Date(now.getTime() - staleAfterMs).toISOString())
    )
      return false;
    this.items.set(job.ledgerKey, claimedEntry(job, now));
    return true;
  }
  async markSent(job: MailJob, messageId: string, now: Date) {
    this.items.set(job.ledgerKey, {
      ...this.items.get(job.ledgerKey)!,
      state: 'sent',
      messageId,
      at: now.toISOString(),
    });
  }
  async release(job: MailJob) {
    if (this.items.get(job.ledgerKey)?.state === 'claimed') this.items.delete(job.ledgerKey);
  }
  async markFailed(job: MailJob, error: string, now: Date) {
    this.items.set(job.ledgerKey, {
      ...this.items.get(job.ledgerKey)!,
      state: 'failed',
      error,
      at: now.toISOString(),
    });
  }
  async markUndeliverable(ref: LedgerRef, problem: Undeliverable, now: Date) {
    const old = this.items.get(ref.ledgerKey);
    if (!old || old.provinceCode !== ref.provinceCode || old.roundId !== ref.roundId) return false;
    this.items.set(ref.ledgerKey, {
      ...old,
      state: problem.state,
      undeliverableTo: problem.recipients,
      error: problem.reason,
      at: now.toISOString(),
    });
    return true;
  }
  async listRound(provinceCode: string, roundId: string) {
    return [...this.items.values()].filter(
      (m) => m.provinceCode === provinceCode && m.roundId === roundId,
    );
  }
}

/** A mailer that records what it sent, and fails the way it is told to. */
export class ScriptedMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  failures: Error[] = [];
  async send(mail: OutgoingMail) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(mail);
    return { messageId: `m-${this.sent.length}` };
  }
}
