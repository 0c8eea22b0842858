import { mailedBefore, wasMailed } from '../mail/was-mailed.js';
import type { DepartmentStore } from '../ports/department-store.js';
import type { MailLedger, MailOutbox } from '../ports/mail.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import type { UnitStore } from '../ports/unit-store.js';
import { daysFromDeadline } from '../rounds/deadline.js';
import { provinceRounds } from '../rounds/rounds.js';
import { justPastDeadline, openRounds } from '../rounds/standing-rounds.js';
import type { MailJob } from '../schemas/mail.js';
import type { Round } from '../schemas/round.js';
import { digestJob, digestKey } from './plan-digest.js';
import { planReminders } from './plan-reminders.js';

export interface JobDeps {
  rounds: RoundStore;
  units: UnitStore;
  departments: DepartmentStore;
  submissions: SubmissionStore;
  ledger: MailLedger;
  outbox: MailOutbox;
  /** The portal's address: reminders link to each unit's page of the round, the digest to the board. */
  portalUrl: string;
}

export interface ReminderRun {
  rounds: string[];
  jobs: MailJob[];
  noContact: Array<{ roundId: string; unitCode: string }>;
}

/** The daily reminder run of one province: plans what is due and hands it to the mail queue. */
export async function runReminderJob(
  provinceCode: string,
  now: Date,
  deps: JobDeps,
  opts: { dryRun?: boolean } = {},
): Promise<ReminderRun> {
  const open = openRounds(await provinceRounds(deps.rounds, provinceCode, now), (r) =>
    daysFromDeadline(now, r.deadline),
  );
  const run: ReminderRun = { rounds: open.map((r) => r.roundId), jobs: [], noContact: [] };
  if (!open.length) return run;
  const [units, department] = await Promise.all([
    deps.units.list(provinceCode),
    deps.departments.get(provinceCode),
  ]);
  for (const round of open) {
    const plan = await planReminders(round, units, department, now, deps);
    run.jobs.push(...plan.jobs);
    run.noContact.push(...plan.noContact);
  }
  if (!opts.dryRun && run.jobs.length) await deps.outbox.enqueue(run.jobs);
  return run;
}

export interface DigestRun {
  jobs: MailJob[];
  /**
   * Rounds whose digest was due a day or more ago (deadline 2–7 days past) and is not marked
   * sent: the Department never got it (no address, SES refused it, it bounced, or no run made
   * it). The digest function publishes their count for the "digest not sent" alarm.
   */
  overdue: string[];
  /** Rounds named on demand whose digest went out before: not mailed again without `resend`. */
  alreadySent: string[];
}

/** A digest is due the day after the deadline; from the day after that on, it is late. */
const digestLate = (round: Round, now: Date) =>
  justPastDeadline(round, now) && daysFromDeadline(now, round.deadline) >= 2;

/**
 * The Department's digest: scheduled, the day after each deadline (once); on demand for a named
 * round, once more only with `resend` if one went out before.
 */
export async function runDigestJob(
  provinceCode: string,
  now: Date,
  deps: JobDeps,
  opts: { roundId?: string; dryRun?: boolean; resend?: boolean } = {},
): Promise<DigestRun> {
  const rounds = await provinceRounds(deps.rounds, provinceCode, now);
  const chosen = opts.roundId
    ? rounds.filter((r) => r.roundId === opts.roundId)
    : rounds.filter((r) => justPastDeadline(r, now));
  if (opts.roundId && !chosen.length)
    throw new Error(`Không có kỳ báo cáo ${opts.roundId} của tỉnh ${provinceCode}.`);
  const [units, department] = await Promise.all([
    deps.units.list(provinceCode),
    deps.departments.get(provinceCode),
  ]);
  const run: DigestRun = { jobs: [], overdue: [], alreadySent: [] };
  for (const round of chosen) {
    const ledger = await deps.ledger.listRound(provinceCode, round.roundId);
    const key = digestKey(round.roundId);
    if (digestLate(round, now) && !ledger.some((m) => m.ledgerKey === key && m.state === 'sent'))
      run.overdue.push(round.roundId);
    if (!opts.roundId && wasMailed(ledger, key)) continue;
    if (opts.roundId && !opts.resend && mailedBefore(ledger, key)) {
      run.alreadySent.push(round.roundId);
      continue;
    }
    const job = digestJob({
      round,
      units,
      submissions: await deps.submissions.listRound(provinceCode, round.roundId),
      department,
      now,
      onDemand: Boolean(opts.roundId),
      ledger,
      portalUrl: deps.portalUrl,
    });
    if (job) run.jobs.push(job);
  }
  if (!opts.dryRun && run.jobs.length) await deps.outbox.enqueue(run.jobs);
  return run;
}
