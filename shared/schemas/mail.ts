import * as z from 'zod';

/** One e-mail, rendered, waiting for the sender. `ledgerKey` makes it go out at most once. */
export const MailJob = z.object({
  kind: z.enum(['reminder', 'receipt', 'digest', 'rollup', 'review']),
  ledgerKey: z.string().min(1),
  provinceCode: z.string(),
  roundId: z.string(),
  unitCode: z.string().nullable(),
  offsetDays: z.number().int().nullable(),
  to: z.array(z.string().email()).min(1),
  subject: z.string().min(1),
  text: z.string().min(1),
  html: z.string().min(1),
});
export type MailJob = z.infer<typeof MailJob>;

/** What the ledger remembers of a mail. */
export const SentMail = z.object({
  ledgerKey: z.string(),
  kind: MailJob.shape.kind,
  provinceCode: z.string(),
  roundId: z.string(),
  unitCode: z.string().nullable(),
  offsetDays: z.number().int().nullable(),
  to: z.array(z.string()),
  state: z.enum(['claimed', 'sent', 'failed', 'bounced', 'complained']),
  /** The addresses SES reported as bounced or complaining. */
  undeliverableTo: z.array(z.string()).default([]),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  at: z.string(),
});
export type SentMail = z.infer<typeof SentMail>;

/** The ledger entry that claims `job` before it is sent (every ledger writes the same one). */
export const claimedEntry = (job: MailJob, now: Date): SentMail => ({
  ledgerKey: job.ledgerKey,
  kind: job.kind,
  provinceCode: job.provinceCode,
  roundId: job.roundId,
  unitCode: job.unitCode,
  offsetDays: job.offsetDays,
  to: job.to,
  state: 'claimed',
  undeliverableTo: [],
  messageId: null,
  error: null,
  at: now.toISOString(),
});
