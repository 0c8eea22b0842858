import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundStatus, statusOf, timelinessOf } from '../../shared/ingest/round-status.js';
import { reminderMail } from '../../shared/mail/templates.js';
import { reviewQueue } from '../../shared/review/review-queue.js';
import {
  allowedActions,
  ReviewRefused,
  type ReviewRequest,
} from '../../shared/review/review-rules.js';
import { reviewSubmission } from '../../shared/review/review-submission.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import { acceptedBy, MAX_REASON_CHARS, returnMessage } from '../../shared/schemas/audit.js';
import { MailJob } from '../../shared/schemas/mail.js';
import { PORTAL, reviewer40, reviewer41, reviewWorld, stored } from '../helpers/review-deps.js';

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReviewRefused);
  return e as ReviewRefused;
};

describe('approve', () => {
  it('counts the file and records who, when, what and why', async () => {
    const w = reviewWorld();
    const unit = w.units[0]!;
    const s = await stored(w.submissions, { unitCode: unit.code, status: 'needs_review' });
    const out = await reviewSubmission(
      s,
      { action: 'approve', reason: ' đã đối chiếu bản giấy ' },
      reviewer40,
      w.deps,
    );
    expect(out.submission.status).toBe('accepted');
    expect(out.submission.audit).toEqual([
      {
        action: 'approve',
        by: { sub: 'staff-40', email: 'canbo@skhcn40.example' },
        at: '2026-06-12T02:00:00.000Z',
        reason: 'đã đối chiếu bản giấy',
        from: 'needs_review',
        to: 'accepted',
      },
    ]);
    expect(acceptedBy(out.submission)).toBe('staff');
    expect(out.mailed).toBe(false);
    expect(w.outbox.jobs).toHaveLength(0);
    const [row] = roundStatus([unit], await w.submissions.listRound('40', '2026-H1'));
    expect(statusOf(row!)).toBe('accepted');
  });

  it('is refused on a file already accepted, and changes nothing', async () => {
    const w = reviewWorld();
    const s = await stored(w.submissions, { unitCode: w.units[0]!.code, status: 'accepted' });
    const e = await refusal(reviewSubmission(s, { action: 'approve' }, reviewer40, w.deps));
    expect(e.field).toBe('action');
    expect((await w.submissions.get(s))!.audit).toBeUndefined();
    expect(acceptedBy(s)).toBe('automatic');
  });
});

describe('return for correction', () => {
  it('sets the file returned, mails the unit the message and a link to its portal page', async () => {
    const w = reviewWorld();
    const unit = w.units[1]!;
    const s = await stored(w.submissions, { unitCode: unit.code, status: 'accepted' });
    const message = 'Thiếu chữ ký <b>và</b> dấu; bảng số liệu mục II ghi "—".';
    const out = await reviewSubmission(
      s,
      { action: 'return', reason: message },
      reviewer40,
      w.deps,
    );
    expect(out.submission.status).toBe('returned');
    expect(out.submission.audit?.[0]).toMatchObject({
      action: 'return',
      from: 'accepted',
      to: 'returned',
      reason: message,
    });
    expect(returnMessage(out.submission)).toBe(message);
    expect(out.mailed).toBe(true);
    const [job] = w.outbox.jobs;
    expect(MailJob.parse(job)).toBeTruthy();
    expect(job!.to).toEqual(unit.emails);
    expect(job!.kind).toBe('review');
    expect(job!.text).toContain(message);
    expect(job!.text).toContain(`${PORTAL}/don-vi/${unit.code}/ky/2026-H1`);
    expect(job!.html).toContain('Thiếu chữ ký &lt;b&gt;và&lt;/b&gt;');
    expect(job!.html).not.toContain('<b>và</b>');
    // The mail leads to the portal: no storage path, no pre-signed address.
    for (const body of [job!.text, job!.html]) {
      expect(body).not.toMatch(/inbox\/|X-Amz-|Signature=/);
    }
  });

  it('needs a message, and one of bounded length', async () => {
    const w = reviewWorld();
    const s = await stored(w.submissions, { unitCode: w.units[1]!.code, status: 'needs_review' });
    for (const reason of ['', '  ', 'ok']) {
      const e = await refusal(
        reviewSubmission(s, { action: 'return', reason }, reviewer40, w.deps),
      );
      expect(e.field).toBe('reason');
      expect(e.message).toMatch(/đơn vị/);
    }
    const long = 'x'.repeat(MAX_REASON_CHARS + 1);
    expect(
      (await refusal(reviewSubmission(s, { action: 'return', reason: long }, reviewer40, w.deps)))
        .field,
    ).toBe('reason');
    expect(w.outbox.jobs).toHaveLength(0);
  });

  it('voids the versions before it: only a later upload counts, and it decides timeliness', async () => {
    const w = reviewWorld();
    const unit = w.units[2]!;
    const round = standingRounds('40', 2026)[0]!;
    const v1 = await stored(w.submissions, {
      unitCode: unit.code,
      status: 'accepted',
      uploadedAt: '2026-06-05T03:00:00.000Z',
    });
    const status = async () => {
      const [row] = roundStatus([unit], await w.submissions.listRound('40', '2026-H1'));
      return {
        kind: statusOf(row!),
        timely: timelinessOf(row!, round.deadline),
        figures: row!.latestAccepted,
      };
    };
    expect((await status()).timely).toBe('on_time');
    await reviewSubmission(
      v1,
      { action: 'return', reason: 'Số liệu mục II sai đơn vị tính.' },
      reviewer40,
      w.deps,
    );
    expect(await status()).toEqual({ kind: 'returned', timely: null, figures: null });
    // The correction arrives after the deadline and needs review; once approved it counts, late.
    const v2 = await stored(w.submissions, {
      unitCode: unit.code,
      status: 'needs_review',
      uploadedAt: '2026-06-11T03:00:00.000Z',
    });
    expect((await status()).kind).toBe('needs_review');
    await reviewSubmission(v2, { action: 'approve' }, reviewer40, w.deps);
    const after = await status();
    expect(after.kind).toBe('accepted');
    expect(after.timely).toBe('late');
    expect(after.figures?.submissionId).toBe(v2.submissionId);
  });
});

describe('a returned file in the reminders', () => {
  it('names the Department’s message, and the unit is reminded again', async () => {
    const w = reviewWorld();
    const unit = w.units[1]!;
    const s = await stored(w.submissions, { unitCode: unit.code, status: 'accepted' });
    const out = await reviewSubmission(
      s,
      { action: 'return', reason: 'Bổ sung số liệu mục II.' },
      reviewer40,
      w.deps,
    );
    const [row] = roundStatus([unit], [out.submission]);
    expect(statusOf(row!)).toBe('returned');
    const round = standingRounds('40', 2026)[0]!;
    const mail = reminderMail({
      round,
      unit,
      latest: row!.latest,
      department: null,
      now: new Date('2026-06-09T01:00:00Z'),
      portalUrl: 'https://portal.example.vn',
    });
    expect(mail.text).toContain('bị Sở trả lại để sửa');
    expect(mail.text).toContain('- Sở KHCN: Bổ sung số liệu mục II.');
  });
});

describe('not a report', () => {
  it('sets the file aside with its reason, and takes an unmatched one out of the queue', async () => {
    const w = reviewWorld();
    const plan = await stored(w.submissions, { unitCode: w.units[3]!.code, status: 'accepted' });
    const stray = await stored(w.submissions, { unitCode: '_', status: 'rejected' });
    expect(
      (await reviewQueue('40', new Date('2026-06-12T00:00:00Z'), w.deps)).map((q) => q.kind),
    ).toEqual(['unmatched']);
    const e = await refusal(
      reviewSubmission(plan, { action: 'not_report', reason: '' }, reviewer40, w.deps),
    );
    expect(e.field).toBe('reason');
    const out = await reviewSubmission(
      plan,
      { action: 'not_report', reason: 'Đây là kế hoạch năm 2026, không phải báo cáo.' },
      reviewer40,
      w.deps,
    );
    expect(out.submission.status).toBe('rejected');
    expect(out.submission.audit?.[0]).toMatchObject({
      action: 'not_report',
      from: 'accepted',
      to: 'rejected',
    });
    await reviewSubmission(
      stray,
      { action: 'not_report', reason: 'Tệp hỏng, gửi nhầm.' },
      reviewer40,
      w.deps,
    );
    expect(await reviewQueue('40', new Date('2026-06-12T00:00:00Z'), w.deps)).toEqual([]);
    expect(allowedActions((await w.submissions.get(stray))!)).toEqual([]);
  });
});

describe('assign an unmatched file', () => {
  it('makes it the unit’s submission, counted from its upload time, tells the unit, links both ways', async () => {
    const w = reviewWorld();
    const unit = w.units[4]!;
    const scan = await stored(w.submissions, {
      unitCode: '_',
      status: 'needs_review',
      uploadedAt: '2026-06-08T01:00:00.000Z',
      diagnostics: [
        { level: 'error', field: 'file', message: 'Bản quét.', code: 'pdf.scanned' },
        {
          level: 'error',
          field: 'issuer',
          message: 'Không xác định được đơn vị.',
          code: 'unit.unresolved',
        },
      ],
    });
    const out = await reviewSubmission(
      scan,
      { action: 'assign', unitCode: unit.code },
      reviewer40,
      w.deps,
    );
    const made = out.assigned!;
    expect(made).toMatchObject({
      unitCode: unit.code,
      roundId: '2026-H1',
      status: 'accepted',
      uploadedAt: scan.uploadedAt,
      file: scan.file,
    });
    expect(made.diagnostics.map((d) => d.code)).toEqual(['pdf.scanned']);
    expect(made.audit?.[0]).toMatchObject({
      action: 'assign',
      to: 'accepted',
      relatedSubmissionId: scan.submissionId,
    });
    expect(out.submission.audit?.[0]).toMatchObject({
      action: 'assign',
      unitCode: unit.code,
      relatedSubmissionId: made.submissionId,
    });
    expect(acceptedBy(made)).toBe('staff');
    const [row] = roundStatus([unit], await w.submissions.listRound('40', '2026-H1'));
    expect(timelinessOf(row!, standingRounds('40', 2026)[0]!.deadline)).toBe('on_time');
    expect(w.outbox.jobs.map((j) => [j.kind, j.unitCode])).toEqual([['review', unit.code]]);
    expect(w.outbox.jobs[0]!.text).toContain(`${PORTAL}/don-vi/${unit.code}/ky/2026-H1`);
    expect(await reviewQueue('40', new Date('2026-06-12T00:00:00Z'), w.deps)).toEqual([]);

    // Asking again finishes nothing new; another unit is refused.
    const again = await reviewSubmission(
      scan,
      { action: 'assign', unitCode: unit.code },
      reviewer40,
      w.deps,
    );
    expect(again.assigned?.submissionId).toBe(made.submissionId);
    expect(again.mailed).toBe(false);
    expect(w.submissions.all).toHaveLength(2);
    const other = await refusal(
      reviewSubmission(scan, { action: 'assign', unitCode: w.units[5]!.code }, reviewer40, w.deps),
    );
    expect(other.field).toBe('action');
  });

  it('refuses a unit of another province, an unknown round, and a file whose unit is known', async () => {
    const w = reviewWorld();
    const stray = await stored(w.submissions, { unitCode: '_', status: 'rejected', roundId: '_' });
    const quangTri = w.registry.unitsOf('44')[0]!.code;
    expect(
      (
        await refusal(
          reviewSubmission(
            stray,
            { action: 'assign', unitCode: w.units[0]!.code },
            reviewer40,
            w.deps,
          ),
        )
      ).field,
    ).toBe('roundId');
    expect(
      (
        await refusal(
          reviewSubmission(
            stray,
            { action: 'assign', unitCode: quangTri, roundId: '2026-H1' },
            reviewer40,
            w.deps,
          ),
        )
      ).field,
    ).toBe('unitCode');
    expect(
      (
        await refusal(
          reviewSubmission(
            stray,
            { action: 'assign', unitCode: w.units[0]!.code, roundId: '2026-X9' },
            reviewer40,
            w.deps,
          ),
        )
      ).field,
    ).toBe('roundId');
    const out = await reviewSubmission(
      stray,
      { action: 'assign', unitCode: w.units[0]!.code, roundId: '2026-FY' },
      reviewer40,
      w.deps,
    );
    expect(out.assigned?.roundId).toBe('2026-FY');
    const known = await stored(w.submissions, {
      unitCode: w.units[1]!.code,
      status: 'needs_review',
    });
    expect(
      (
        await refusal(
          reviewSubmission(
            known,
            { action: 'assign', unitCode: w.units[2]!.code },
            reviewer40,
            w.deps,
          ),
        )
      ).field,
    ).toBe('action');
  });
});

describe('who may decide', () => {
  it('staff of another province cannot even find the file', async () => {
    const w = reviewWorld();
    const s = await stored(w.submissions, { unitCode: w.units[0]!.code, status: 'needs_review' });
    const e = await refusal(reviewSubmission(s, { action: 'approve' }, reviewer41, w.deps));
    expect(e.field).toBe('submission');
    expect((await w.submissions.get(s))!.status).toBe('needs_review');
  });

  it('a decision taken on a state someone else changed meanwhile is refused', async () => {
    const w = reviewWorld();
    const s = await stored(w.submissions, { unitCode: w.units[0]!.code, status: 'needs_review' });
    const get = w.submissions.get.bind(w.submissions);
    // The other reviewer approves between this one's read and write.
    w.submissions.get = async (ref) => {
      const seen = await get(ref);
      w.submissions.get = get;
      await reviewSubmission(s, { action: 'approve', reason: 'người khác' }, reviewer40, w.deps);
      return seen;
    };
    const e = await refusal(
      reviewSubmission(s, { action: 'return', reason: 'Thiếu chữ ký.' }, reviewer40, w.deps),
    );
    expect(e.message).toMatch(/người khác/);
    expect((await w.submissions.get(s))!.audit?.map((a) => a.action)).toEqual(['approve']);
    expect(w.outbox.jobs).toHaveLength(0);
  });
});

const requests: fc.Arbitrary<ReviewRequest> = fc.oneof(
  fc.record({ action: fc.constant('approve' as const), reason: fc.string({ maxLength: 20 }) }),
  fc.record({ action: fc.constant('return' as const), reason: fc.string({ maxLength: 20 }) }),
  fc.record({ action: fc.constant('not_report' as const), reason: fc.string({ maxLength: 20 }) }),
  fc.record({
    action: fc.constant('assign' as const),
    unitCode: fc.constantFrom('16681', '16690', '99999'),
  }),
);

describe('any sequence of decisions', () => {
  it('leaves an audit trail whose entries chain and whose last entry is the status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('accepted', 'needs_review', 'rejected'),
        fc.boolean(),
        fc.array(requests, { maxLength: 8 }),
        async (status, unmatched, reqs) => {
          const w = reviewWorld();
          const s = await stored(w.submissions, {
            unitCode: unmatched ? '_' : w.units[0]!.code,
            status,
          });
          let taken = 0;
          for (const req of reqs) {
            const before = (await w.submissions.get(s))!;
            const ok = await reviewSubmission(s, req, reviewer40, w.deps).then(
              () => true,
              (e: unknown) => {
                if (!(e instanceof ReviewRefused)) throw e;
                return false;
              },
            );
            const after = (await w.submissions.get(s))!;
            const grew = (after.audit?.length ?? 0) - (before.audit?.length ?? 0);
            // Refused: nothing changed. Taken: one entry, unless it repeated an assignment.
            if (!ok) expect(after).toEqual(before);
            else if (grew === 0)
              expect([req.action, before.audit?.at(-1)?.action]).toEqual(['assign', 'assign']);
            else expect(grew).toBe(1);
            taken += grew;
          }
          const final = (await w.submissions.get(s))!;
          const audit = final.audit ?? [];
          expect(audit).toHaveLength(taken);
          for (const [i, a] of audit.entries()) expect(a.from).toBe(i ? audit[i - 1]!.to : status);
          expect(final.status).toBe(audit.at(-1)?.to ?? status);
          // Returns and not-reports always carry their reason.
          for (const a of audit)
            if (a.action === 'return' || a.action === 'not_report')
              expect(a.reason.length).toBeGreaterThanOrEqual(3);
          // At most one assignment, and only of an unmatched file.
          expect(audit.filter((a) => a.action === 'assign').length).toBeLessThanOrEqual(
            unmatched ? 1 : 0,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
