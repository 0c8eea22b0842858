import { Command } from 'commander';
import { parseCommand } from './commands/parse.js';

const program = new Command()
  .name('tonghop')
  .description('Tổng hợp báo cáo KHCN, ĐMST và chuyển đổi số của UBND cấp xã gửi Sở KHCN.');

program
  .command('parse <file>')
  .description('Đọc một báo cáo (.docx, .pdf, .txt, .json) và in kết quả đọc')
  .option('--json', 'in JSON (hợp đồng của tonghop parse)')
  .option('--province <code>', 'mã tỉnh, để phân biệt các đơn vị trùng tên')
  .action(async (file: string, opts: { json?: boolean; province?: string }) => {
    process.exitCode = await parseCommand(file, opts);
  });

await program.parseAsync(process.argv);
