import { roundStatus } from '../ingest/round-status.js';
import { reminderMail } from '../mail/templates.js';
import type { MailLedger } from '../ports/mail.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { daysFromDeadline } from '../rounds/deadline.js';
import type { MailJob } from '../schemas/mail.js';
import type { Round } from '../schemas/round.js';
import type { Department, Unit } from '../schemas/unit.js';

export interface ReminderPlanDeps {
  submissions: SubmissionStore;
  ledger: MailLedger;
  /** The portal's address, for the link to each unit's page. */
  portalUrl: string;
}

export interface ReminderPlan {
  jobs: MailJob[];
  /** Units that owe a report but have no contact address: listed in the digest instead. */
  noContact: Array<{ roundId: string; unitCode: string }>;
}

export const reminderKey = (roundId: string, unitCode: string, offsetDays: number) =>
  `REMIND#${roundId}#${unitCode}#${offsetDays}`;

/**
 * The reminder due today for one round: the latest offset of its schedule that has come. A day
 * the job did not run is caught up once, with that latest reminder only, not every missed one.
 */
export function dueOffset(round: Round, now: Date): number | null {
  const d = daysFromDeadline(now, round.deadline);
  const due = round.reminderOffsets.filter((o) => o <= d);
  return due.length ? Math.max(...due) : null;
}

/** One reminder per unit of the round that has no accepted report and was not reminded at this offset. */
export async function planReminders(
  round: Round,
  units: Unit[],
  department: Department | null,
  now: Date,
  deps: ReminderPlanDeps,
): Promise<ReminderPlan> {
  const offset = dueOffset(round, now);
  if (offset === null) return { jobs: [], noContact: [] };
  const [submissions, ledger] = await Promise.all([
    deps.submissions.listRound(round.provinceCode, round.roundId),
    deps.ledger.listRound(round.provinceCode, round.roundId),
  ]);
  const done = new Set(ledger.filter((m) => m.state !== 'failed').map((m) => m.ledgerKey));
  const plan: ReminderPlan = { jobs: [], noContact: [] };
  for (const row of roundStatus(units, submissions)) {
    if (row.latestAccepted) continue;
    const ledgerKey = reminderKey(round.roundId, row.unit.code, offset);
    if (done.has(ledgerKey)) continue;
    if (!row.unit.emails.length) {
      plan.noContact.push({ roundId: round.roundId, unitCode: row.unit.code });
      continue;
    }
    const mail = reminderMail({
      round,
      unit: row.unit,
      latest: row.latest,
      department,
      now,
      portalUrl: deps.portalUrl,
    });
    plan.jobs.push({
      kind: 'reminder',
      ledgerKey,
      provinceCode: round.provinceCode,
      roundId: round.roundId,
      unitCode: row.unit.code,
      offsetDays: offset,
      to: row.unit.emails,
      ...mail,
    });
  }
  return plan;
}
