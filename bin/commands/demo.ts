import { EXAMPLE_CONTACTS, EXAMPLES_DIR } from '../example-files.js';
import type { Target } from '../target.js';
import { formatResults, ingestFiles } from './ingest.js';
import { digest, formatReminders, remind } from './remind.js';
import { formatRollup, rollup } from './rollup.js';
import { formatStatus, roundStatusRows } from './status.js';
import { formatImport, importUnits } from './units.js';

export { EXAMPLE_CONTACTS, EXAMPLES_DIR };

// The demo replays the round's calendar: uploads a week before the deadline, reminders that
// morning, the Department's digest the day after the deadline.
const REMIND_AT = new Date('2026-06-03T08:00:00+07:00');
const DIGEST_AT = new Date('2026-06-11T08:30:00+07:00');
const ROLLUP_AT = new Date('2026-06-11T06:00:00+07:00');
export const DEMO_PROVINCE = '40';
export const DEMO_ROUND = '2026-H1';

/** `npm start`: the main job on the embedded stack with the project's example reports. */
export async function demo(
  target: Target,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  out.write(`tonghop — chạy trên máy (dữ liệu tại ${target.where})\n\n`);
  out.write(formatImport(await importUnits(target)));
  out.write(formatImport(await importUnits(target, EXAMPLE_CONTACTS)));
  out.write(
    `\nNộp các báo cáo mẫu trong examples/reports vào hộp thư tỉnh Nghệ An (${DEMO_PROVINCE}), kỳ ${DEMO_ROUND}:\n\n`,
  );
  const results = await ingestFiles(target, [EXAMPLES_DIR], {
    province: DEMO_PROVINCE,
    round: DEMO_ROUND,
    progress: process.stderr.isTTY,
  });
  out.write(formatResults(results));
  out.write(`\nTình hình nộp báo cáo (chỉ các đơn vị đã nộp):\n`);
  out.write(
    formatStatus(await roundStatusRows(target, DEMO_PROVINCE, DEMO_ROUND), { onlyReported: true }),
  );
  const dead = await target.ports.deadLetters.list();
  out.write(`\nHàng đợi lỗi (DLQ): ${dead.length} tin.\n`);

  out.write(
    `\nNhắc hạn, coi như đang là 8 giờ sáng 03/6/2026 (tonghop remind --now 2026-06-03T08:00:00+07:00):\n`,
  );
  const reminders = await remind(target, { province: DEMO_PROVINCE, now: REMIND_AT });
  const text = formatReminders(reminders, false).split('\n');
  out.write(
    [
      ...text.slice(0, 6),
      ...(text.length > 9 ? [`  … (${text.length - 9} dòng nữa)`] : []),
      ...text.slice(-3),
    ].join('\n'),
  );
  const digests = await digest(target, {
    province: DEMO_PROVINCE,
    round: DEMO_ROUND,
    now: DIGEST_AT,
  });
  out.write(
    `\nBảng tổng hợp gửi Sở (tonghop digest): ${digests.jobs.map((j) => j.subject).join('; ') || 'không có'}\n`,
  );
  out.write(
    `\nBáo cáo tổng hợp sáng 11/6/2026 (tonghop rollup --province ${DEMO_PROVINCE} --round ${DEMO_ROUND} --mail):\n`,
  );
  out.write(
    formatRollup(
      await rollup(target, {
        province: DEMO_PROVINCE,
        round: DEMO_ROUND,
        now: ROLLUP_AT,
        mail: true,
      }),
      true,
    ),
  );
  out.write('(Các tệp mẫu được nộp hôm nay, sau hạn 10/6/2026, nên được tính là nộp muộn.)\n');
  if (target.mailDir)
    out.write(
      `\nThư (biên nhận, nhắc hạn, tổng hợp) được lưu dạng .eml tại ${target.mailDir} ` +
        'ngay khi gửi.\n',
    );
}
