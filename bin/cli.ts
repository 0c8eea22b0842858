import { Command, CommanderError } from 'commander';
import * as z from 'zod';
import {
  check,
  FilesArg,
  NowArg,
  PathsArg,
  PortArg,
  ProvinceArg,
  RoundArg,
  UsageError,
  unitArg,
} from './args.js';
import { describeError, EXIT, vietnameseCommander, wantsJson, writeError } from './cli-output.js';
import type { OpenRoundOptions } from './commands/rounds.js';
import type { Target } from './target.js';

// Each command's module loads only when that command runs, so `--help` and `parse` never load the
// AWS SDK, the emulators or the rollup renderers (CLI start-up is measured in the bench).
const load = {
  demo: () => import('./commands/demo.js'),
  dlq: () => import('./commands/dlq.js'),
  ingest: () => import('./commands/ingest.js'),
  parse: () => import('./commands/parse.js'),
  remind: () => import('./commands/remind.js'),
  rollup: () => import('./commands/rollup.js'),
  rounds: () => import('./commands/rounds.js'),
  serve: () => import('./commands/serve.js'),
  status: () => import('./commands/status.js'),
  trust: () => import('./commands/trust.js'),
  units: () => import('./commands/units.js'),
};

// zod's own messages, wherever a schema refuses something on the way, in Vietnamese.
z.config(z.locales.vi());

const program = vietnameseCommander(new Command())
  .name('tonghop')
  .description('Tổng hợp báo cáo KHCN, ĐMST và chuyển đổi số của UBND cấp xã gửi Sở KHCN.')
  .option('--aws', 'dùng hệ thống đã triển khai trên AWS thay cho hệ thống chạy trên máy');

async function withTarget<T>(fn: (t: Target) => Promise<T>): Promise<T> {
  const { openTarget } = await import('./target.js');
  const target = await openTarget(program.opts<{ aws?: boolean }>());
  try {
    return await fn(target);
  } finally {
    await target.close();
  }
}

const print = (json: boolean | undefined, data: unknown, text: string) =>
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : text);

program
  .command('parse <files...>')
  .description(
    'Đọc một báo cáo (.docx, .doc, .xlsx, .pdf, .txt, .json, .edxml, ảnh, .zip ảnh) và in kết quả đọc; ' +
      'nhiều ảnh là các trang của một báo cáo, theo thứ tự tên tệp; chữ ký số được kiểm tra ' +
      'theo danh sách tin cậy đã nhập (tonghop trust import)',
  )
  .option('--json', 'in JSON (hợp đồng của tonghop parse)')
  .option('--province <code>', 'mã tỉnh, để phân biệt các đơn vị trùng tên')
  .action(async (files: string[], opts: { json?: boolean; province?: string }) => {
    if (opts.province !== undefined) check('--province', ProvinceArg, opts.province);
    check('<files>', FilesArg, files);
    const { parseCommand } = await load.parse();
    process.exitCode = await parseCommand(files, opts);
  });

program
  .command('ingest <paths...>')
  .description('Nộp tệp hoặc thư mục báo cáo và chờ đến khi xử lý xong')
  .requiredOption('--province <code>', 'mã tỉnh, ví dụ 40')
  .requiredOption('--round <id>', 'kỳ báo cáo, ví dụ 2026-H1')
  .option('--unit <code>', 'mã đơn vị; bỏ trống để đọc từ phần đầu văn bản')
  .option('--json', 'in JSON')
  .action(
    async (
      paths: string[],
      opts: { province: string; round: string; unit?: string; json?: boolean },
    ) => {
      check('--province', ProvinceArg, opts.province);
      check('--round', RoundArg, opts.round);
      if (opts.unit !== undefined) check('--unit', unitArg(opts.province), opts.unit);
      check('<paths>', PathsArg, paths);
      const { ingestFiles, formatResults } = await load.ingest();
      const results = await withTarget(async (t) => {
        await requireRound(t, opts.province, opts.round);
        const own = await ingestFiles(t, paths, { ...opts, progress: process.stderr.isTTY });
        print(opts.json, own, formatResults(own));
        return own;
      });
      if (results.some((r) => r.status === 'pending')) process.exitCode = EXIT.failed;
    },
  );

program
  .command('status')
  .description('Tình hình nộp báo cáo của từng đơn vị trong tỉnh')
  .requiredOption('--province <code>', 'mã tỉnh')
  .requiredOption('--round <id>', 'kỳ báo cáo')
  .option('--json', 'in JSON')
  .action(async (opts: { province: string; round: string; json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    check('--round', RoundArg, opts.round);
    const { formatStatus, roundStatusRows } = await load.status();
    const rows = await withTarget(async (t) => {
      await requireRound(t, opts.province, opts.round);
      return roundStatusRows(t, opts.province, opts.round);
    });
    print(opts.json, rows, formatStatus(rows));
  });

const units = program.command('units').description('Danh mục đơn vị hành chính và địa chỉ liên hệ');
units
  .command('import [csv]')
  .description(
    'Nhập danh mục quốc gia (mặc định) hoặc danh sách liên hệ của tỉnh (unit_code,email,name)',
  )
  .option('--province <code>', 'tỉnh của danh sách liên hệ (mặc định: tỉnh của dòng đầu)')
  .option('--json', 'in JSON')
  .action(async (csv: string | undefined, opts: { province?: string; json?: boolean }) => {
    if (csv !== undefined) check('<csv>', PathsArg, [csv]);
    if (opts.province !== undefined) check('--province', ProvinceArg, opts.province);
    const { formatImport, importUnits } = await load.units();
    const summary = await withTarget((t) => importUnits(t, csv, opts.province));
    print(opts.json, summary, formatImport(summary));
    if (summary.problems.length) process.exitCode = 1;
  });

const trust = program
  .command('trust')
  .description('Danh sách chứng thư số tin cậy của Sở (để kiểm tra chữ ký số của báo cáo)');
trust
  .command('import <files...>')
  .description('Nhập chứng thư số (PEM hoặc DER) của tổ chức cấp chứng thư vào danh sách tin cậy')
  .requiredOption('--province <code>', 'mã tỉnh của Sở')
  .option('--json', 'in JSON')
  .action(async (files: string[], opts: { province: string; json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    check('<files>', PathsArg, files);
    const { importTrust, formatTrustImport } = await load.trust();
    const result = await withTarget((t) => importTrust(t, files, opts.province));
    print(opts.json, result, formatTrustImport(result));
  });
trust
  .command('list')
  .description('In danh sách chứng thư số tin cậy của tỉnh')
  .requiredOption('--province <code>', 'mã tỉnh của Sở')
  .option('--json', 'in JSON')
  .action(async (opts: { province: string; json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    const { listTrust, formatTrustList } = await load.trust();
    const list = await withTarget((t) => listTrust(t, opts.province));
    print(opts.json, list, formatTrustList(opts.province, list));
  });

const dlq = program
  .command('dlq')
  .description('Hàng đợi lỗi (dead-letter queue) của khâu tiếp nhận');
dlq
  .command('list')
  .option('--json', 'in JSON')
  .action(async (opts: { json?: boolean }) => {
    const { listDlq, formatDlq } = await load.dlq();
    const entries = await withTarget(listDlq);
    print(opts.json, entries, formatDlq(entries));
  });
dlq
  .command('redrive')
  .description('Đưa các tin trong hàng đợi lỗi về hàng đợi chính để xử lý lại')
  .option('--json', 'in JSON')
  .action(async (opts: { json?: boolean }) => {
    const result = await withTarget(async (t) => {
      const moved = await t.ports.deadLetters.redrive();
      const stats = await t.settle();
      await t.sendMail(); // the receipts of what was recorded now
      return { moved, stats, remaining: (await t.ports.deadLetters.list()).length };
    });
    print(
      opts.json,
      result,
      `Đã đưa ${result.moved} tin về hàng đợi chính; còn ${result.remaining} tin lỗi.\n`,
    );
  });

const nowOption = (v?: string) => (v === undefined ? new Date() : check('--now', NowArg, v));

/** A round the province has (standing or opened by letter); "_" lets ingest find it. */
async function requireRound(t: Target, province: string, roundId: string): Promise<void> {
  if (roundId === '_') return;
  const { provinceRounds, roundById } = await import('../shared/rounds/rounds.js');
  if (await roundById(t.ports.rounds, province, roundId)) return;
  const known = (await provinceRounds(t.ports.rounds, province, new Date())).map((r) => r.roundId);
  throw new UsageError(
    '--round',
    `Tỉnh ${province} không có kỳ báo cáo ${roundId}; các kỳ hiện có: ${known.join(', ')} ` +
      '(kỳ đột xuất mở bằng "tonghop rounds open").',
  );
}

const rounds = program
  .command('rounds')
  .description('Kỳ báo cáo: định kỳ (6 tháng, năm) và đột xuất');
rounds
  .command('open')
  .description('Mở kỳ báo cáo đột xuất theo văn bản của Sở')
  .requiredOption('--province <code>', 'mã tỉnh')
  .requiredOption('--id <id>', 'mã kỳ, ví dụ 2025-9M')
  .requiredOption('--deadline <date>', 'hạn nộp, YYYY-MM-DD (23:59:59 giờ Việt Nam)')
  .option('--title <text>', 'tên kỳ báo cáo')
  .option('--request <number...>', 'số, ký hiệu văn bản yêu cầu, ví dụ "1464/SKHCN-KH&ĐMST"')
  .option('--offsets <days>', 'ngày nhắc so với hạn, ví dụ -14,-7,-3,-1,0,1,3,7')
  .option('--json', 'in JSON')
  .action(async (opts: OpenRoundOptions & { json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    const { openRound, formatRounds, checkRoundOptions } = await load.rounds();
    checkRoundOptions(opts);
    const round = await withTarget((t) => openRound(t, opts));
    print(opts.json, round, `Đã mở kỳ báo cáo:\n${formatRounds([round])}`);
  });
rounds
  .command('list')
  .requiredOption('--province <code>', 'mã tỉnh')
  .option('--json', 'in JSON')
  .action(async (opts: { province: string; json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    const { listRounds, formatRounds } = await load.rounds();
    const list = await withTarget((t) => listRounds(t, opts.province));
    print(opts.json, list, formatRounds(list));
  });

program
  .command('remind')
  .description(
    'Gửi thư nhắc cho các đơn vị chưa có báo cáo được tiếp nhận (việc chạy hằng ngày lúc 8 giờ)',
  )
  .requiredOption('--province <code>', 'mã tỉnh')
  .option('--now <time>', 'coi như đang là thời điểm này (ISO 8601)')
  .option('--dry-run', 'chỉ liệt kê, không gửi')
  .option('--json', 'in JSON: [{ roundId, unitCode, offsetDays, to, messageId }]')
  .action(async (opts: { province: string; now?: string; dryRun?: boolean; json?: boolean }) => {
    check('--province', ProvinceArg, opts.province);
    const now = nowOption(opts.now);
    const { formatReminders, remind } = await load.remind();
    const result = await withTarget((t) =>
      remind(t, { province: opts.province, now, dryRun: opts.dryRun }),
    );
    print(opts.json, result.sent, formatReminders(result, Boolean(opts.dryRun)));
  });

program
  .command('digest')
  .description('Gửi Sở bảng tổng hợp đơn vị đúng hạn, muộn, chưa nộp')
  .requiredOption('--province <code>', 'mã tỉnh')
  .option('--round <id>', 'kỳ báo cáo (mặc định: các kỳ vừa hết hạn hôm qua)')
  .option('--now <time>', 'coi như đang là thời điểm này (ISO 8601)')
  .option('--resend', 'gửi lại dù bảng tổng hợp của kỳ đã được gửi trước đó')
  .option('--json', 'in JSON')
  .action(
    async (opts: {
      province: string;
      round?: string;
      now?: string;
      resend?: boolean;
      json?: boolean;
    }) => {
      check('--province', ProvinceArg, opts.province);
      if (opts.round !== undefined) check('--round', RoundArg, opts.round);
      const now = nowOption(opts.now);
      const { digest, formatDigest } = await load.remind();
      const result = await withTarget(async (t) => {
        if (opts.round !== undefined) await requireRound(t, opts.province, opts.round);
        return digest(t, { province: opts.province, round: opts.round, now, resend: opts.resend });
      });
      const text = formatDigest(result);
      print(opts.json, result.sent, text);
    },
  );

program
  .command('rollup')
  .description('Lập báo cáo tổng hợp của một kỳ (DOCX, XLSX, HTML, JSON)')
  .requiredOption('--province <code>', 'mã tỉnh, hoặc "all" cho cả nước')
  .requiredOption('--round <id>', 'kỳ báo cáo, ví dụ 2026-H1')
  .option('--out <dir>', 'thư mục ghi các tệp (mặc định .tonghop/rollups/<tỉnh>/<kỳ>)')
  .option('--mail', 'gửi Sở thư kèm liên kết tải các tệp')
  .option('--resend', 'cùng --mail: gửi lại dù thư của kỳ đã được gửi trước đó')
  .option('--now <time>', 'coi như đang là thời điểm này (ISO 8601)')
  .option('--json', 'in toàn bộ bản tổng hợp dạng JSON')
  .action(
    async (opts: {
      province: string;
      round: string;
      out?: string;
      mail?: boolean;
      resend?: boolean;
      now?: string;
      json?: boolean;
    }) => {
      if (opts.province !== 'all') check('--province', ProvinceArg, opts.province);
      check('--round', RoundArg, opts.round);
      const now = nowOption(opts.now);
      const { rollup, formatRollup } = await load.rollup();
      const result = await withTarget(async (t) => {
        if (opts.province !== 'all') await requireRound(t, opts.province, opts.round);
        return rollup(t, {
          province: opts.province,
          round: opts.round,
          out: opts.out,
          mail: opts.mail,
          resend: opts.resend,
          now,
        });
      });
      print(opts.json, result.run.rollup, formatRollup(result, Boolean(opts.mail)));
    },
  );

program
  .command('serve')
  .description('Mở cổng nộp báo cáo trên máy (Ctrl-C để dừng)')
  .option('--port <port>', 'cổng HTTP', '8080')
  .action(async (opts: { port: string }) => {
    if (program.opts<{ aws?: boolean }>().aws)
      throw new UsageError(
        '--aws',
        'tonghop serve chạy trên máy; trên AWS cổng là hàm Lambda đã triển khai.',
      );
    const { servePortal, servingText, untilInterrupted, choosePortalPort } = await load.serve();
    const port = await choosePortalPort(check('--port', PortArg, opts.port));
    const { openLocalTarget } = await import('./target.js');
    const t = await openLocalTarget();
    try {
      const serving = await servePortal(t, port);
      process.stdout.write(servingText(serving.url, t));
      await untilInterrupted();
      await serving.stop();
    } finally {
      await t.close();
    }
  });

program
  .command('demo')
  .description('Chạy toàn bộ quy trình trên máy với các báo cáo mẫu (npm start)')
  .option('--serve [port]', 'sau đó mở cổng nộp báo cáo (npm start), đến khi Ctrl-C')
  .action(async (opts: { serve?: string | boolean }) => {
    const wanted =
      typeof opts.serve === 'string' ? check('--serve', PortArg, opts.serve) : undefined;
    const { demo } = await load.demo();
    const { choosePortalPort } = await load.serve();
    // The portal's address is known before the demo mails anything: its links go where it listens.
    const port = opts.serve ? await choosePortalPort(wanted) : undefined;
    const { openLocalTarget } = await import('./target.js');
    const t = await openLocalTarget();
    try {
      await demo(t);
      if (!opts.serve) return;
      const { serveDemo } = await load.serve();
      await serveDemo(t, port);
    } finally {
      await t.close();
    }
  });

// An error thrown outside the command's own promise (an emulator's callback, a stray rejection)
// is still said in Vietnamese, as JSON with --json, never as Node's stack trace.
for (const event of ['uncaughtException', 'unhandledRejection'] as const)
  process.on(event, (e: unknown) => process.exit(exitCodeOf(e)));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeOf(e);
}

/** Reports a thrown error (commander has already written its own) and picks the exit code. */
function exitCodeOf(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') return EXIT.ok;
    if (e.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  const usage = e instanceof UsageError || (e as Error)?.name === 'RoundRefused';
  const { message, field } = describeError(e);
  writeError(message, field, wantsJson());
  return usage ? EXIT.usage : EXIT.failed;
}
