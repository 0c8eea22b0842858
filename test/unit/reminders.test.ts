import { beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '../../shared/mail/deliver.js';
import { recordMailEvent } from '../../shared/mail/mail-events.js';
import { MailRejected } from '../../shared/ports/mail.js';
import { readReport } from '../../shared/reader/read-report.js';
import { type JobDeps, runDigestJob } from '../../shared/reminders/jobs.js';
import { digestJob, digestRows } from '../../shared/reminders/plan-digest.js';
import { dueOffset, planReminders } from '../../shared/reminders/plan-reminders.js';
import { deadlineOf } from '../../shared/rounds/deadline.js';
import { roundForReport } from '../../shared/rounds/round-for-report.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { MailJob } from '../../shared/schemas/mail.js';
import { SesMailEvent } from '../../shared/schemas/ses-event.js';
import type { Department, Unit } from '../../shared/schemas/unit.js';
import { registry2025 } from '../helpers/fixtures.js';
import { MemoryLedger, ScriptedMailer } from '../helpers/memory-mail.js';
import { MemorySubmissions } from '../helpers/memory-stores.js';

const registry = registry2025();
const PORTAL = 'https://portal.skhcn.example.vn';
const [h1] = standingRounds('40', 2026);
const round = h1!;
const units: Unit[] = registry
  .unitsOf('40')
  .slice(0, 5)
  .map((u) => ({ ...u, emails: [`vp.${u.code}@xa.example`] }));
const department = {
  provinceCode: '40',
  name: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
  emails: ['sokhcn@nghean.example'],
};

let submissions: MemorySubmissions;
let ledger: MemoryLedger;
beforeEach(() => {
  submissions = new MemorySubmissions();
  ledger = new MemoryLedger();
});

function submit(
  unit: Unit,
  status: 'accepted' | 'needs_review' | 'rejected',
  uploadedAt = '2026-06-01T03:00:00.000Z',
  message = 'Đơn vị trong văn bản (xã A) khác đơn vị nộp (xã B).',
) {
  return submissions.record({
    submissionId: `${unit.code}-${status}-${uploadedAt}`,
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode: unit.code,
    status,
    report: null,
    diagnostics:
      status === 'accepted'
        ? []
        : [{ field: 'issuer', level: 'error', message, code: 'unit.mismatch' }],
    file: {
      bucket: 'b',
      key: 'k',
      versionId: null,
      name: 'bao-cao.docx',
      size: 1,
      sha256: null,
      format: 'docx',
    },
    uploadedAt,
    processedAt: uploadedAt,
  });
}

const at = (s: string) => new Date(s);

describe('which reminder is due', () => {
  it('follows the schedule, and catches up a missed day with the latest reminder only', () => {
    expect(dueOffset(round, at('2026-05-27T08:00:00+07:00'))).toBe(-14);
    expect(dueOffset(round, at('2026-06-03T08:00:00+07:00'))).toBe(-7);
    // The job was down on 3 and 4 June: on the 5th, the -7 reminder, not -14 and -7.
    expect(dueOffset(round, at('2026-06-05T08:00:00+07:00'))).toBe(-7);
    expect(dueOffset(round, at('2026-06-10T08:00:00+07:00'))).toBe(0);
    expect(dueOffset(round, at('2026-06-13T08:00:00+07:00'))).toBe(3);
    expect(dueOffset(round, at('2026-05-01T08:00:00+07:00'))).toBeNull();
  });
});

describe('planReminders', () => {
  it('reminds only units without an accepted report, and says what is wrong with the last one', async () => {
    await submit(units[0]!, 'accepted');
    await submit(units[1]!, 'needs_review');
    await submit(units[2]!, 'rejected');
    await submit(units[2]!, 'accepted', '2026-06-02T03:00:00.000Z');
    const plan = await planReminders(round, units, department, at('2026-06-03T08:00:00+07:00'), {
      submissions,
      ledger,
      portalUrl: PORTAL,
    });
    expect(plan.jobs.map((j) => j.unitCode)).toEqual([
      units[1]!.code,
      units[3]!.code,
      units[4]!.code,
    ]);
    expect(plan.jobs.every((j) => j.offsetDays === -7 && j.to.length === 1)).toBe(true);
    const review = plan.jobs[0]!;
    expect(review.to).toEqual([`vp.${units[1]!.code}@xa.example`]);
    expect(review.text).toContain('cần xem lại');
    expect(review.text).toContain('Đơn vị trong văn bản (xã A) khác đơn vị nộp (xã B).');
    expect(review.text).toContain('thứ Tư, ngày 10/6/2026; còn 7 ngày');
    // The way to upload is the portal, never a storage path (test/unit/mail-links.test.ts).
    expect(review.text).toContain(`${PORTAL}/don-vi/${units[1]!.code}/ky/2026-H1`);
    expect(review.html).not.toContain('inbox/');
    expect(plan.jobs[1]!.text).toContain('chưa nhận được báo cáo');
  });

  it('plans nothing again once the ledger has the reminder, and lists units with no address', async () => {
    const noMail = { ...units[4]!, emails: [] };
    const now = at('2026-06-03T08:00:00+07:00');
    const first = await planReminders(round, [...units.slice(0, 4), noMail], department, now, {
      submissions,
      ledger,
      portalUrl: PORTAL,
    });
    expect(first.noContact).toEqual([{ roundId: '2026-H1', unitCode: noMail.code }]);
    for (const job of first.jobs)
      await deliver(job, { mailer: new ScriptedMailer(), ledger, now: () => now });
    const second = await planReminders(
      round,
      units.slice(0, 4),
      department,
      at('2026-06-03T15:00:00+07:00'),
      { submissions, ledger, portalUrl: PORTAL },
    );
    expect(second.jobs).toEqual([]);
  });

  it('writes the overdue mail once the deadline has passed', async () => {
    const plan = await planReminders(
      round,
      units.slice(0, 1),
      department,
      at('2026-06-11T08:00:00+07:00'),
      { submissions, ledger, portalUrl: PORTAL },
    );
    expect(plan.jobs[0]!.subject).toMatch(/^\[tonghop\] Quá hạn:/);
    expect(plan.jobs[0]!.text).toContain('đã quá hạn 1 ngày');
  });
});

describe('deliver: each mail at most once', () => {
  const job = (): MailJob => ({
    kind: 'reminder',
    ledgerKey: 'REMIND#2026-H1#16941#-7',
    provinceCode: '40',
    roundId: '2026-H1',
    unitCode: '16941',
    offsetDays: -7,
    to: ['a@b.example'],
    subject: 's',
    text: 't',
    html: '<p>t</p>',
  });
  const throttled = () =>
    Object.assign(new Error('Maximum sending rate exceeded.'), {
      name: 'TooManyRequestsException',
    });

  it('sends once when the same job is delivered twice', async () => {
    const mailer = new ScriptedMailer();
    expect(await deliver(job(), { mailer, ledger })).toBe('sent');
    expect(await deliver(job(), { mailer, ledger })).toBe('skipped');
    expect(mailer.sent).toHaveLength(1);
    expect([...ledger.items.values()][0]).toMatchObject({ state: 'sent', messageId: 'm-1' });
  });

  it('gives the claim back when SES throttles, so that the retry sends it', async () => {
    const mailer = new ScriptedMailer();
    mailer.failures = [throttled()];
    await expect(deliver(job(), { mailer, ledger })).rejects.toThrow(/sending rate/);
    expect(ledger.items.size).toBe(0);
    expect(await deliver(job(), { mailer, ledger })).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('after a crash between claim and send, sends once the claim is stale, not before', async () => {
    const t0 = at('2026-06-03T01:00:00Z');
    await ledger.claim(job(), t0, 120_000); // the sender that died
    const mailer = new ScriptedMailer();
    expect(
      await deliver(job(), {
        mailer,
        ledger,
        now: () => new Date(t0.getTime() + 60_000),
        staleClaimMs: 120_000,
      }),
    ).toBe('skipped');
    expect(
      await deliver(job(), {
        mailer,
        ledger,
        now: () => new Date(t0.getTime() + 180_000),
        staleClaimMs: 120_000,
      }),
    ).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('records a mail SES refuses for good, and does not retry it', async () => {
    const mailer = new ScriptedMailer();
    mailer.failures = [new MailRejected('MessageRejected: Email address is not verified.')];
    expect(await deliver(job(), { mailer, ledger })).toBe('failed');
    expect([...ledger.items.values()][0]).toMatchObject({
      state: 'failed',
      error: 'MessageRejected: Email address is not verified.',
    });
  });
});

describe('digest and rounds', () => {
  it('counts a report on time by its first accepted version', async () => {
    await submit(units[0]!, 'accepted', '2026-06-10T16:59:00.000Z'); // 23:59 in Vietnam
    await submit(units[1]!, 'accepted', '2026-06-10T17:01:00.000Z'); // 00:01 on the 11th
    await submit(units[0]!, 'accepted', '2026-06-15T03:00:00.000Z'); // a later correction keeps the date
    const rows = digestRows(units, await submissions.listRound('40', '2026-H1'), round);
    expect(rows.map((r) => r.state)).toEqual(['on_time', 'late', 'missing', 'missing', 'missing']);
  });

  it('gives "cần xem lại" its own line, never merged into "chưa nộp"', async () => {
    await submit(units[0]!, 'accepted', '2026-06-10T16:59:00.000Z');
    await submit(units[1]!, 'needs_review', '2026-06-09T03:00:00.000Z');
    await submit(units[2]!, 'rejected', '2026-06-09T03:00:00.000Z');
    const rows = digestRows(units, await submissions.listRound('40', '2026-H1'), round);
    expect(rows.map((r) => r.state)).toEqual([
      'on_time',
      'needs_review',
      'missing',
      'missing',
      'missing',
    ]);
    const mail = digestJob({
      round,
      units,
      submissions: await submissions.listRound('40', '2026-H1'),
      department: { provinceCode: '40', name: 'Sở KHCN', emails: ['so@example.org'] },
      now: new Date('2026-06-11T08:30:00+07:00'),
      portalUrl: PORTAL,
    })!;
    expect(mail.text).toMatch(/^Cần xem lại \(đã gửi tệp, Sở cần kiểm tra\): 1 đơn vị\.$/m);
    expect(mail.text).toMatch(/^Chưa nộp: 3 đơn vị/m);
    expect(mail.text).toMatch(/\tcần xem lại\t/);
  });

  it('attaches a report to the round its request letter opened', () => {
    const adhoc = {
      provinceCode: '40',
      roundId: '2026-9M',
      title: 'Báo cáo 9 tháng',
      deadline: deadlineOf('2026-10-05'),
      requests: ['1464/SKHCN-KH&ĐMST'],
      reminderOffsets: [-3],
      kind: 'adhoc' as const,
    };
    const report = readReport(
      [
        'UBND XÃ NGHĨA ĐÀN',
        'Số: 9/BC-UBND',
        'BÁO CÁO',
        'Thực hiện Công văn số 1464/SKHCN-KH&ĐMST ngày 20/9/2026 của Sở Khoa học và Công nghệ, ' +
          'UBND xã báo cáo như sau:',
        'I. KẾT QUẢ',
      ].join('\n'),
      { registry },
    );
    expect(roundForReport(report, [round, adhoc])?.roundId).toBe('2026-9M');
    expect(
      roundForReport(readReport('BÁO CÁO\nI. KẾT QUẢ', { registry }), [round, adhoc]),
    ).toBeNull();
  });
});

describe('a digest not sent', () => {
  const queued: MailJob[] = [];
  const deps = (dept: Department | null): JobDeps => ({
    rounds: { list: async () => [], put: async () => {}, create: async () => true },
    units: {
      list: async () => units,
      get: async (p: string, c: string) =>
        units.find((u) => u.provinceCode === p && u.code === c) ?? null,
      put: async () => 0,
    },
    departments: { get: async () => dept, put: async () => {} },
    submissions,
    portalUrl: PORTAL,
    ledger,
    outbox: {
      enqueue: async (jobs) => {
        queued.push(...jobs);
      },
    },
  });
  const day1 = at('2026-06-11T01:30:00Z');
  const day2 = at('2026-06-12T01:30:00Z');

  it('is overdue from the day after it was due until the ledger shows it sent', async () => {
    const first = await runDigestJob('40', day1, deps(department));
    expect(first).toMatchObject({ jobs: [{ kind: 'digest', roundId: '2026-H1' }], overdue: [] });
    // Queued but never delivered (the sender failed): late the next day, and queued again.
    const second = await runDigestJob('40', day2, deps(department));
    expect(second.overdue).toEqual(['2026-H1']);
    expect(second.jobs).toHaveLength(1);

    expect(await deliver(second.jobs[0]!, { mailer: new ScriptedMailer(), ledger })).toBe('sent');
    expect(await runDigestJob('40', day2, deps(department))).toEqual({
      jobs: [],
      overdue: [],
      alreadySent: [],
    });
    // A week after the deadline nothing is due or late any more.
    expect((await runDigestJob('40', at('2026-06-20T01:30:00Z'), deps(null))).overdue).toEqual([]);
  });

  it('asked for by hand, goes out again only with resend once one went out', async () => {
    const named = { roundId: '2026-H1' };
    const first = await runDigestJob('40', day1, deps(department), named);
    expect(first).toMatchObject({ jobs: [{ roundId: '2026-H1' }], alreadySent: [] });
    await deliver(first.jobs[0]!, { mailer: new ScriptedMailer(), ledger });
    // The hand-made digest counts as sent: the next manual run sends nothing…
    const again = await runDigestJob('40', day2, deps(department), named);
    expect(again).toMatchObject({ jobs: [], alreadySent: ['2026-H1'] });
    // …unless asked to resend.
    const forced = await runDigestJob('40', day2, deps(department), { ...named, resend: true });
    expect(forced.jobs).toHaveLength(1);
    expect(forced.jobs[0]!.ledgerKey).not.toBe(first.jobs[0]!.ledgerKey);
  });

  it('is overdue when the Department has no address to send it to', async () => {
    expect(await runDigestJob('40', day1, deps(null))).toEqual({
      jobs: [],
      overdue: [],
      alreadySent: [],
    });
    expect(await runDigestJob('40', day2, deps(null))).toEqual({
      jobs: [],
      overdue: ['2026-H1'],
      alreadySent: [],
    });
  });
});

describe('bounces and complaints', () => {
  // The shape SES puts in an EventBridge event's detail for a hard bounce.
  const bounce = (tags: Record<string, string[]>, bounceType = 'Permanent') =>
    SesMailEvent.parse({
      eventType: 'Bounce',
      mail: {
        messageId: 'ses-1',
        timestamp: '2026-06-03T01:00:01Z',
        tags: { 'ses:configuration-set': ['tonghop'], ...tags },
      },
      bounce: {
        bounceType,
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: units[0]!.emails[0], diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        ],
      },
    });

  it('finds the mail by its SES tag, marks it bounced, and the digest names the address to correct', async () => {
    const mailer = new ScriptedMailer();
    const job: MailJob = {
      kind: 'reminder',
      ledgerKey: `REMIND#2026-H1#${units[0]!.code}#-7`,
      provinceCode: '40',
      roundId: '2026-H1',
      unitCode: units[0]!.code,
      offsetDays: -7,
      to: units[0]!.emails,
      subject: 's',
      text: 't',
      html: '<p>t</p>',
    };
    await deliver(job, { mailer, ledger });
    const tags = Object.fromEntries(
      Object.entries(mailer.sent[0]!.tags!).map(([k, v]) => [k, [v]]),
    );
    expect(Object.values(mailer.sent[0]!.tags!)[0]).toMatch(/^[A-Za-z0-9_-]+$/); // what SES allows in a tag

    expect(
      await recordMailEvent(bounce(tags, 'Transient'), ledger, at('2026-06-03T01:05:00Z')),
    ).toBe('ignored');
    expect(await recordMailEvent(bounce(tags), ledger, at('2026-06-03T01:05:00Z'))).toBe(
      'recorded',
    );
    expect(ledger.items.get(job.ledgerKey)).toMatchObject({
      state: 'bounced',
      undeliverableTo: units[0]!.emails,
      error: 'smtp; 550 5.1.1 user unknown',
    });
    expect(await recordMailEvent(bounce({}), ledger, new Date())).toBe('unknown_mail');

    const digest = digestJob({
      portalUrl: PORTAL,
      round,
      units,
      submissions: [],
      department,
      now: at('2026-06-11T01:30:00Z'),
      ledger: [...ledger.items.values()],
    })!;
    expect(digest.text).toContain(`bị trả lại`);
    expect(digest.text).toContain(`${units[0]!.code}): ${units[0]!.emails[0]}`);
  });
});
