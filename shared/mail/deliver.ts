import type { Mailer, MailLedger } from '../ports/mail.js';
import { MailRejected } from '../ports/mail.js';
import type { MailJob } from '../schemas/mail.js';
import { LEDGER_TAG, ledgerTagValue } from './ledger-tag.js';

export interface DeliverDeps {
  mailer: Mailer;
  ledger: MailLedger;
  now?: () => Date;
  /** A claim older than this belongs to a sender that died between its claim and its send. */
  staleClaimMs?: number;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Sends one mail at most once: a conditional write claims it first. A transient failure gives
 * the claim back and throws (the queue retries); a permanent one is recorded and not retried.
 */
export async function deliver(job: MailJob, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  if (!(await deps.ledger.claim(job, now(), deps.staleClaimMs ?? 120_000))) return 'skipped';
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      ...job,
      tags: { [LEDGER_TAG]: ledgerTagValue(job) },
    }));
  } catch (e) {
    if (e instanceof MailRejected) {
      await deps.ledger.markFailed(job, e.message, now());
      return 'failed';
    }
    await deps.ledger.release(job);
    throw e;
  }
  await deps.ledger.markSent(job, messageId, now());
  return 'sent';
}
