import { runDigestJob, runReminderJob } from '../../shared/reminders/jobs.js';
import type { MailJob, SentMail } from '../../shared/schemas/mail.js';
import type { Target } from '../target.js';

export interface SentReminder {
  roundId: string;
  unitCode: string | null;
  offsetDays: number | null;
  to: string[];
  messageId: string | null;
}

/** What the ledger says happened to each job after the sender ran. */
async function outcomes(target: Target, jobs: MailJob[]): Promise<SentReminder[]> {
  const byRound = new Map<string, SentMail[]>();
  for (const j of jobs)
    if (!byRound.has(j.roundId))
      byRound.set(j.roundId, await target.ports.ledger.listRound(j.provinceCode, j.roundId));
  return jobs.map((j) => {
    const m = byRound.get(j.roundId)?.find((x) => x.ledgerKey === j.ledgerKey);
    return {
      roundId: j.roundId,
      unitCode: j.unitCode,
      offsetDays: j.offsetDays,
      to: j.to,
      messageId: m?.state === 'sent' ? m.messageId : null,
    };
  });
}

/** `tonghop remind`: the daily reminder job; locally it also runs the sender on the mail queue. */
export async function remind(
  target: Target,
  opts: { province: string; now: Date; dryRun?: boolean },
) {
  const run = await runReminderJob(opts.province, opts.now, target.ports, { dryRun: opts.dryRun });
  const planned = run.jobs.map((j) => ({
    roundId: j.roundId,
    unitCode: j.unitCode,
    offsetDays: j.offsetDays,
    to: j.to,
    messageId: null,
  }));
  // A deployed sender drains the queue a little later: there is no outcome to read yet.
  if (opts.dryRun || !(await target.sendMail()))
    return { run, sent: planned, queued: !opts.dryRun };
  return { run, sent: await outcomes(target, run.jobs), queued: false };
}

export async function digest(
  target: Target,
  opts: { province: string; round?: string; now: Date; dryRun?: boolean; resend?: boolean },
) {
  const { jobs, overdue, alreadySent } = await runDigestJob(opts.province, opts.now, target.ports, {
    roundId: opts.round,
    dryRun: opts.dryRun,
    resend: opts.resend,
  });
  if (!opts.dryRun) await target.sendMail();
  return { jobs, overdue, alreadySent, sent: opts.dryRun ? [] : await outcomes(target, jobs) };
}

/** "7 ngày trước hạn", "đúng ngày hạn", "quá hạn 3 ngày". */
const offsetWords = (days: number) =>
  days < 0 ? `${-days} ngày trước hạn` : days === 0 ? 'đúng ngày hạn' : `quá hạn ${days} ngày`;

export function formatReminders(
  result: Awaited<ReturnType<typeof remind>>,
  dryRun: boolean,
): string {
  const { run, sent } = result;
  if (!run.rounds.length) return 'Không có kỳ báo cáo nào đang trong thời gian nhắc.\n';
  const ok = sent.filter((s) => s.messageId).length;
  const summary = dryRun
    ? `Sẽ gửi ${sent.length} thư nhắc.`
    : result.queued
      ? `Đã đưa ${sent.length} thư nhắc vào hàng đợi; hàm send-mail trên AWS gửi chúng trong ít phút.`
      : `Đã gửi ${ok}/${sent.length} thư nhắc.`;
  const lines = [`Kỳ đang nhắc: ${run.rounds.join(', ')}.`, summary];
  for (const s of sent) {
    const failed = dryRun || result.queued || s.messageId ? '' : '  (chưa gửi được)';
    lines.push(
      `  ${s.roundId}  ${s.unitCode}  ${offsetWords(s.offsetDays!)}  → ${s.to.join(', ')}${failed}`,
    );
  }
  if (run.noContact.length) {
    const codes = run.noContact.map((n) => n.unitCode).join(', ');
    lines.push(`${run.noContact.length} đơn vị chưa nộp không có địa chỉ thư: ${codes}.`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatDigest(result: Awaited<ReturnType<typeof digest>>): string {
  const lines = result.jobs.map((j) => `${j.subject}\n→ ${j.to.join(', ')}`);
  for (const r of result.alreadySent)
    lines.push(
      `Bảng tổng hợp kỳ ${r} đã được gửi Sở trước đó; không gửi lại (thêm --resend để gửi lại).`,
    );
  if (!lines.length)
    lines.push(
      'Không có bảng tổng hợp nào cần gửi (hoặc Sở chưa có địa chỉ thư: nhập bằng tonghop units import).',
    );
  for (const r of result.overdue)
    lines.push(`Cảnh báo: bảng tổng hợp kỳ ${r} đến hạn gửi Sở từ hôm trước mà vẫn chưa gửi được.`);
  return `${lines.join('\n')}\n`;
}
