import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTACTS } from '../../bin/commands/demo.js';
import { rollup } from '../../bin/commands/rollup.js';
import { importUnits } from '../../bin/commands/units.js';
import type { LocalTarget } from '../../bin/target.js';
import { receivedMail } from '../../local/saved-mail.js';
import { runScheduledRollups } from '../../shared/rollup/rollup-job.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import { submissionOf } from '../helpers/rollup-fixtures.js';
import { openTestTarget } from '../helpers/stack.js';

// The rollup on the real wire protocols: submissions in dynalite, files in s3rver, mail in the
// SES emulator.
let target: LocalTarget;
let out: string;
beforeAll(async () => {
  let home: string;
  ({ home, target } = await openTestTarget('rollup'));
  out = join(home, 'out');
  await importUnits(target, EXAMPLE_CONTACTS);
  const units = await target.ports.units.list('40');
  for (const [i, u] of units.slice(0, 40).entries()) {
    const { version: _v, ...s } = submissionOf(u, {
      computers: 10 + i,
      difficulties: ['Kinh phí cho chuyển đổi số còn hạn chế.'],
    });
    await target.ports.submissions.record(s);
  }
});
afterAll(async () => {
  await target.close();
});

const deps = () => target.ports;

describe('embedded stack: rollup', () => {
  it('builds from the table, writes the files to S3 and --out, and mails the Department download links', async () => {
    const result = await rollup(target, {
      province: '40',
      round: '2026-H1',
      out,
      now: new Date('2026-06-11T06:00:00+07:00'),
      mail: true,
    });
    expect(result.run.rollup.status).toMatchObject({
      expected: 130,
      reported: 40,
      onTime: 40,
      missing: 90,
    });
    expect(result.written.map((p) => p.replace(out, ''))).toEqual([
      '/tong-hop-40-2026-H1.docx',
      '/tong-hop-40-2026-H1.xlsx',
      '/tong-hop-40-2026-H1.html',
      '/tong-hop-40-2026-H1.json',
    ]);
    const json = Rollup.parse(JSON.parse(readFileSync(result.written[3]!, 'utf8')));
    expect(json.indicators.find((i) => i.key === 'computers')!.total).toBe(40 * 10 + (39 * 40) / 2);

    const stored = await target.ports.objects.get('rollups/40/2026-H1/tong-hop-40-2026-H1.docx');
    expect(Buffer.from(stored.bytes).equals(Buffer.from(readFileSync(result.written[0]!)))).toBe(
      true,
    );
    expect(result.run.published[0]!.historyKey).toMatch(
      /^rollups\/40\/2026-H1\/lich-su\/2026-06-10T23-00-00-000Z\//,
    );

    const mail = (await receivedMail(target.stack.endpoints.ses)).find((m) =>
      m.subject.includes('dự thảo báo cáo tổng hợp'),
    )!;
    expect(mail.destination.to).toEqual(['sokhcn@nghean.example']);
    // The subject names the Department, the links are links, the Department signs.
    expect(mail.subject).toMatch(
      /^Sở Khoa học và Công nghệ tỉnh Nghệ An: dự thảo báo cáo tổng hợp/,
    );
    expect(mail.subject).not.toContain('[tonghop]');
    // The mail links to the portal's rollups page, never to a pre-signed address.
    expect(mail.body.html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/so\/tong-hop#ky-2026-H1">/);
    expect(`${mail.body.text}${mail.body.html}`).not.toMatch(/X-Amz-|Signature=/);
    expect(mail.body.text).toMatch(
      /--\nSở Khoa học và Công nghệ tỉnh Nghệ An\nĐiện thoại: 0238 3844 500\nThư điện tử: sokhcn@nghean/,
    );
    expect(mail.body.text).toContain('40/130 đơn vị');
  });

  it('mails the morning rollup once; nightly drafts replace the current files and keep the earlier ones', async () => {
    const morning = new Date('2026-06-11T06:00:00+07:00');
    const first = await runScheduledRollups('40', 'morning', morning, deps());
    expect(first.map((r) => [r.roundId, Boolean(r.mail)])).toEqual([['2026-H1', true]]);
    await target.sendMail();
    expect(
      await runScheduledRollups('40', 'morning', new Date('2026-06-12T06:00:00+07:00'), deps()),
    ).toEqual([]);

    const nightly = await runScheduledRollups(
      '40',
      'nightly',
      new Date('2026-06-05T23:30:00+07:00'),
      deps(),
    );
    expect(nightly.map((r) => [r.roundId, r.mail, r.rollup.beforeDeadline])).toEqual([
      ['2026-H1', null, true],
    ]);
    const current = JSON.parse(
      new TextDecoder().decode(
        (await target.ports.objects.get('rollups/40/2026-H1/tong-hop-40-2026-H1.json')).bytes,
      ),
    );
    expect(current.builtAt).toBe('2026-06-05T16:30:00.000Z');
    const earlier = await target.ports.objects.get(first[0]!.published[3]!.historyKey);
    expect(JSON.parse(new TextDecoder().decode(earlier.bytes)).builtAt).toBe(morning.toISOString());
  });

  it('says in Vietnamese when the round does not exist', async () => {
    await expect(
      rollup(target, { province: '40', round: '2026-Q3', now: new Date() }),
    ).rejects.toThrow('Không có kỳ báo cáo 2026-Q3 của tỉnh 40.');
  });
});
