import * as z from 'zod';
import { ProvinceCode } from './unit.js';

/** What the Department's staff did at the desk outside a submission's own audit trail. */
export const DeskAction = z.enum([
  'round_opened',
  'round_reminders',
  'round_closed',
  'round_reopened',
  'contacts_imported',
  'account_invited',
  'account_revoked',
  'submission_moved',
  'figures_checked',
  'trust_imported',
  'trust_removed',
  'signatures_rechecked',
  'signer_set',
]);
export type DeskAction = z.infer<typeof DeskAction>;

/** One entry of a province's desk log: who, when, what, on what, and the outcome in words. */
export const DeskEvent = z.object({
  provinceCode: ProvinceCode,
  at: z.string().datetime({ offset: true }),
  by: z.object({ sub: z.string().min(1), email: z.string() }),
  action: DeskAction,
  /** The round id, the imported file's name or the account's e-mail. */
  subject: z.string().max(300),
  detail: z.string().max(2000).default(''),
});
export type DeskEvent = z.infer<typeof DeskEvent>;
