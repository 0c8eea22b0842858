import type { MailLedger, Undeliverable } from '../ports/mail.js';
import type { SesMailEvent } from '../schemas/ses-event.js';
import { LEDGER_TAG, readLedgerTag } from './ledger-tag.js';

export type MailEventOutcome = 'recorded' | 'ignored' | 'unknown_mail';

/**
 * Records a permanent bounce or a complaint on the mail's ledger entry, so the Department's digest
 * can name the addresses to correct. Transient bounces are SES's to retry and change nothing.
 */
export async function recordMailEvent(
  event: SesMailEvent,
  ledger: Pick<MailLedger, 'markUndeliverable'>,
  now: Date,
): Promise<MailEventOutcome> {
  const tag = event.mail.tags[LEDGER_TAG]?.[0];
  const ref = tag ? readLedgerTag(tag) : null;
  if (!ref) return 'unknown_mail';
  let problem: Undeliverable | null = null;
  if (event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const r = event.bounce.bouncedRecipients;
    problem = {
      state: 'bounced',
      recipients: r.map((x) => x.emailAddress),
      reason:
        r.map((x) => x.diagnosticCode).find(Boolean) ?? event.bounce.bounceSubType ?? 'Permanent',
    };
  } else if (event.eventType === 'Complaint' && event.complaint) {
    problem = {
      state: 'complained',
      recipients: event.complaint.complainedRecipients.map((x) => x.emailAddress),
      reason: event.complaint.complaintFeedbackType ?? 'complaint',
    };
  }
  if (!problem) return 'ignored';
  return (await ledger.markUndeliverable(ref, problem, now)) ? 'recorded' : 'unknown_mail';
}
