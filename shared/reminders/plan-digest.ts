import { roundStatus, statusOf, timelinessOf } from '../ingest/round-status.js';
import { type DigestRow, digestMail } from '../mail/templates.js';
import type { MailJob, SentMail } from '../schemas/mail.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Department, Unit } from '../schemas/unit.js';

/**
 * On time, late, needs review or missing, judged on the first accepted version (a later
 * correction keeps the date); a unit whose file waits for a person is not "missing".
 */
export function digestRows(units: Unit[], submissions: Submission[], round: Round): DigestRow[] {
  return roundStatus(units, submissions).map((r) => ({
    unit: r.unit,
    state:
      timelinessOf(r, round.deadline) ??
      (statusOf(r) === 'needs_review' ? 'needs_review' : 'missing'),
    receivedAt: r.firstAccepted?.uploadedAt ?? null,
    hasContact: r.unit.emails.length > 0,
  }));
}

export const digestKey = (roundId: string) => `DIGEST#${roundId}`;

/** Addresses SES bounced or that complained, per unit: the contacts the Department should correct. */
export function undeliverableByUnit(ledger: SentMail[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const m of ledger) {
    if ((m.state !== 'bounced' && m.state !== 'complained') || !m.unitCode) continue;
    const set = out.get(m.unitCode) ?? new Set<string>();
    for (const a of m.undeliverableTo) set.add(a);
    out.set(m.unitCode, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

export function digestJob(input: {
  round: Round;
  units: Unit[];
  submissions: Submission[];
  department: Department | null;
  now: Date;
  onDemand?: boolean;
  ledger?: SentMail[];
  portalUrl: string;
}): MailJob | null {
  const { round, department, now } = input;
  if (!department?.emails.length) return null;
  const mail = digestMail({
    round,
    rows: digestRows(input.units, input.submissions, round),
    now,
    undeliverable: undeliverableByUnit(input.ledger ?? []),
    portalUrl: input.portalUrl,
  });
  const ledgerKey = `${digestKey(round.roundId)}${input.onDemand ? `#${now.toISOString()}` : ''}`;
  return {
    kind: 'digest',
    ledgerKey,
    provinceCode: round.provinceCode,
    roundId: round.roundId,
    unitCode: null,
    offsetDays: null,
    to: department.emails,
    ...mail,
  };
}
