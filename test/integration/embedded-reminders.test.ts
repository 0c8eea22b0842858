import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTACTS } from '../../bin/commands/demo.js';
import { ingestFiles } from '../../bin/commands/ingest.js';
import { digest, remind } from '../../bin/commands/remind.js';
import { importUnits } from '../../bin/commands/units.js';
import type { LocalTarget } from '../../bin/target.js';
import { receivedMail } from '../../local/saved-mail.js';
import { reportText } from '../../scripts/report-text.js';
import { openTestTarget } from '../helpers/stack.js';

// The scenario on the real wire protocols: Nghệ An's 130 units, each with a contact,
// 100 of them with an accepted six-month report.
let target: LocalTarget;
let sesUrl: string;
beforeAll(async () => {
  ({ target } = await openTestTarget('remind'));
  sesUrl = target.stack.endpoints.ses;
  const contacts = await importUnits(target, EXAMPLE_CONTACTS);
  expect(contacts.problems).toEqual([]);
  const units = await target.ports.units.list('40');
  expect(units).toHaveLength(130);
  for (const u of units.slice(0, 100)) {
    await target.ports.submissions.record({
      submissionId: `seed-${u.code}`,
      provinceCode: '40',
      roundId: '2026-H1',
      unitCode: u.code,
      status: 'accepted',
      report: null,
      diagnostics: [],
      file: {
        bucket: 'b',
        key: `inbox/40/2026-H1/${u.code}/bc.docx`,
        versionId: null,
        name: 'bc.docx',
        size: 1,
        sha256: null,
        format: 'docx',
      },
      uploadedAt: '2026-06-01T02:00:00.000Z',
      processedAt: '2026-06-01T02:00:01.000Z',
    });
  }
});
afterAll(async () => {
  await target.close();
});

const NOW = new Date('2026-06-03T08:00:00+07:00');

describe('embedded stack: reminders', () => {
  it('sends exactly 30 reminders, one per missing unit, to its address; a second run sends none', async () => {
    const units = await target.ports.units.list('40');
    const missing = units.slice(100);
    const first = await remind(target, { province: '40', now: NOW });
    expect(first.sent).toHaveLength(30);
    expect(first.sent.map((s) => s.unitCode).sort()).toEqual(missing.map((u) => u.code).sort());
    for (const s of first.sent) {
      expect(s).toMatchObject({ roundId: '2026-H1', offsetDays: -7 });
      expect(s.to).toEqual(missing.find((u) => u.code === s.unitCode)!.emails);
      expect(s.messageId).toBeTruthy();
    }

    const again = await remind(target, {
      province: '40',
      now: new Date('2026-06-03T09:00:00+07:00'),
    });
    expect(again.sent).toHaveLength(0);

    const mails = await receivedMail(sesUrl);
    const reminders = mails.filter((m) => m.subject.startsWith('[tonghop] Nhắc hạn'));
    expect(reminders).toHaveLength(30);
    expect(new Set(reminders.map((m) => m.destination.to[0])).size).toBe(30);
    expect(reminders[0]!.body.text).toContain('thứ Tư, ngày 10/6/2026');
    expect(reminders[0]!.body.html).toContain('<html lang="vi">');
  });

  it('sends a receipt when ingest stores a submission', async () => {
    const unit = (await target.ports.units.list('40'))[120]!;
    const dir = join(process.env.TONGHOP_HOME!, 'receipt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'bao-cao.txt'), reportText(unit));
    const [result] = await ingestFiles(target, [dir], {
      province: '40',
      round: '2026-H1',
      unit: unit.code,
    });
    expect(result!.status).toBe('accepted');
    const receipts = (await receivedMail(sesUrl)).filter((m) =>
      m.subject.startsWith('[tonghop] Đã nhận báo cáo'),
    );
    expect(receipts.map((m) => m.destination.to)).toEqual([unit.emails]);
    expect(receipts[0]!.body.text).toContain('Trạng thái: đã tiếp nhận');
    // It went the one mail path: queued, then claimed and marked in the ledger by the sender.
    const ledger = await target.ports.ledger.listRound('40', '2026-H1');
    const entry = ledger.find((m) => m.ledgerKey === `RECEIPT#${result!.submissionId}`);
    expect(entry?.state).toBe('sent');
    expect(target.stack.mailQueue.size()).toBe(0);
  });

  it('sends the Department its digest the day after the deadline, once', async () => {
    const after = new Date('2026-06-11T08:30:00+07:00');
    const first = await digest(target, { province: '40', now: after });
    const second = await digest(target, {
      province: '40',
      now: new Date('2026-06-12T08:30:00+07:00'),
    });
    expect(first.sent).toHaveLength(1);
    expect(second.sent).toHaveLength(0);
    const [mail] = (await receivedMail(sesUrl)).filter((m) =>
      m.subject.startsWith('[tonghop] Tổng hợp'),
    );
    expect(mail!.destination.to).toEqual(['sokhcn@nghean.example']);
    // 100 seeded on 1 June; the receipt test's upload happened today, after the deadline.
    expect(mail!.subject).toContain('100 đúng hạn, 1 muộn, 29 chưa nộp');
    // Every mail is on disk already, before the stack stops (a killed run keeps its copies).
    const saved = readdirSync(target.mailDir!).filter((f) => f.endsWith('.eml'));
    expect(saved).toHaveLength((await receivedMail(sesUrl)).length);
    // Named by hand, the digest goes out again only with resend.
    const named = { province: '40', round: '2026-H1', now: new Date('2026-06-12T09:00:00+07:00') };
    expect((await digest(target, named)).alreadySent).toEqual(['2026-H1']);
    expect((await digest(target, { ...named, resend: true })).sent).toHaveLength(1);
  });
});
