import type { LedgerRef } from '../ports/mail.js';
import type { MailJob } from '../schemas/mail.js';

/** The SES message tag that carries a mail's ledger entry, so a bounce can find it again. */
export const LEDGER_TAG = 'tonghop_ledger';

// SES tag values allow only letters, digits, "_" and "-": the reference travels as base64url.
export function ledgerTagValue(
  job: Pick<MailJob, 'provinceCode' | 'roundId' | 'ledgerKey'>,
): string {
  return Buffer.from(
    JSON.stringify([job.provinceCode, job.roundId, job.ledgerKey]),
    'utf8',
  ).toString('base64url');
}

export function readLedgerTag(value: string): LedgerRef | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 3 ||
      !parsed.every((p) => typeof p === 'string' && p)
    )
      return null;
    const [provinceCode, roundId, ledgerKey] = parsed as [string, string, string];
    return { provinceCode, roundId, ledgerKey };
  } catch {
    return null;
  }
}
