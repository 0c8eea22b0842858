import type { Command } from 'commander';

// Everything the CLI shows is Vietnamese, commander's own words included, and with --json every
// outcome, errors too, is one JSON document on stdout. Exit codes (README, "The CLI"):
// 0 everything done and recorded; 1 a command failed or a file is not recorded yet; 2 wrong
// arguments (nothing was done).

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

// commander's messages, in the order it may produce them; the captured names stay as typed.
const MESSAGES: Array<[RegExp, (...m: string[]) => string]> = [
  [/required option '([^']+)' not specified/, (o) => `thiếu tùy chọn bắt buộc ${o}.`],
  [/missing required argument '([^']+)'/, (a) => `thiếu tham số bắt buộc <${a}>.`],
  [/option '([^']+)' argument missing/, (o) => `tùy chọn ${o} cần một giá trị.`],
  [/unknown option '([^']+)'/, (o) => `không có tùy chọn ${o}; xem "tonghop --help".`],
  [/unknown command '([^']+)'/, (c) => `không có lệnh ${c}; xem "tonghop --help".`],
  [/too many arguments/, () => 'thừa tham số; xem "tonghop <lệnh> --help".'],
  [
    /option '([^']+)' argument '([^']*)' is invalid/,
    (o, v) => `giá trị "${v}" của ${o} không hợp lệ.`,
  ],
];

export function translateCommanderError(raw: string): string {
  const text = raw.replace(/^error:\s*/, '').trim();
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(text);
    if (m) return say(...m.slice(1));
  }
  return text;
}

export const wantsJson = (argv = process.argv) => argv.includes('--json');

/** One error, as text on stderr or as JSON on stdout. */
export function writeError(message: string, field?: string, json = wantsJson()): void {
  if (json)
    process.stdout.write(
      `${JSON.stringify({ error: { message, ...(field ? { field } : {}) } }, null, 2)}\n`,
    );
  else process.stderr.write(`tonghop: ${message}\n`);
}

/** Vietnamese help and errors for the program and every command it will have. */
export function vietnameseCommander(program: Command): Command {
  return program
    .helpOption('-h, --help', 'hiện hướng dẫn')
    .helpCommand('help [lệnh]', 'hiện hướng dẫn của một lệnh')
    .configureHelp({
      styleTitle: (title) => (Object.hasOwn(TITLES, title) ? TITLES[title]! : title),
      styleUsage: (usage) =>
        usage.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]'),
      styleSubcommandTerm: (term) => term.replace('[options]', '[tùy chọn]'),
    })
    .configureOutput({ outputError: (str) => writeError(translateCommanderError(str)) })
    .showSuggestionAfterError(false)
    .exitOverride();
}

const NODE_ERRORS: Record<string, (path: string) => string> = {
  ENOENT: (p) => `không tìm thấy tệp hoặc thư mục "${p}"; vui lòng kiểm tra lại đường dẫn.`,
  ENAMETOOLONG: (p) =>
    `tên tệp hoặc đường dẫn quá dài ("${p.slice(0, 60)}…"); vui lòng đặt tên ngắn hơn.`,
  EACCES: (p) => `không có quyền đọc hoặc ghi "${p}"; vui lòng kiểm tra quyền truy cập.`,
  EISDIR: (p) => `"${p}" là thư mục, cần một tệp.`,
  ENOTDIR: (p) => `"${p}" không phải thư mục.`,
  ENOSPC: () => 'ổ đĩa đã đầy; vui lòng giải phóng dung lượng rồi chạy lại.',
};

/** Letters only Vietnamese has among the languages an error may come in. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

interface ZodLike {
  name?: string;
  issues?: Array<{ path: PropertyKey[]; message: string }>;
}

/** A zod failure that reached the boundary: its first issue (zod speaks Vietnamese here). */
function zodMessage(e: ZodLike): { message: string; field?: string } | null {
  const issue = e.name === 'ZodError' ? e.issues?.[0] : undefined;
  if (!issue) return null;
  const field = issue.path.map(String).join('.');
  return { message: `${field ? `${field}: ` : ''}${issue.message}`, ...(field ? { field } : {}) };
}

/**
 * A thrown error as the user should read it: Node's file errors and zod's said in Vietnamese,
 * and any other error that is not Vietnamese yet (a library's, a bug's) said as what it is.
 */
export function describeError(e: unknown): { message: string; field?: string } {
  const err = e as { code?: string; path?: string; message?: string; field?: string };
  const node = err.code && Object.hasOwn(NODE_ERRORS, err.code) ? NODE_ERRORS[err.code] : undefined;
  if (node) return { message: node(err.path ?? '') };
  const zod = zodMessage(e as ZodLike);
  if (zod) return zod;
  const field = err.field ? { field: err.field } : {};
  const message = err.message ?? String(e);
  if (VIETNAMESE.test(message)) return { message, ...field };
  const name = e instanceof Error ? e.name : typeof e;
  return {
    message:
      `lệnh không thực hiện được do lỗi hệ thống (${name}: ${message.slice(0, 200)}); ` +
      'vui lòng chạy lại, nếu lỗi lặp lại hãy gửi thông báo này cho quản trị hệ thống.',
    ...field,
  };
}
