import { existsSync, statSync } from 'node:fs';
import * as z from 'zod';
import { UNRESOLVED_ROUND } from '../shared/ingest/upload-key.js';
import { RoundId } from '../shared/schemas/round.js';
import { nationalRegistry } from './registry.js';

// Every CLI argument is checked here, before anything is opened or written; each refusal says,
// in Vietnamese, what to type instead. zod carries the rules; the messages are ours.

/** Wrong arguments: nothing was done (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const provinceNames = () =>
  nationalRegistry()
    .provinces()
    .map((p) => p.code);

export const ProvinceArg = z.string().superRefine((v, ctx) => {
  if (!/^\d{2}$/.test(v))
    ctx.addIssue({
      code: 'custom',
      message: `Mã tỉnh "${v}" không hợp lệ: cần 2 chữ số, ví dụ 40 (Nghệ An).`,
    });
  else if (!nationalRegistry().province(v))
    ctx.addIssue({
      code: 'custom',
      message: `Không có tỉnh mã ${v}; các mã tỉnh từ năm 2025 là: ${provinceNames().join(', ')}.`,
    });
});

export const RoundArg = z.string().superRefine((v, ctx) => {
  if (v !== UNRESOLVED_ROUND && !RoundId.safeParse(v).success)
    ctx.addIssue({
      code: 'custom',
      message:
        `Kỳ báo cáo "${v}" không hợp lệ: cần dạng <năm>-<mã> viết hoa, ví dụ 2026-H1 (6 tháng), ` +
        `2026-FY (cả năm) hoặc mã kỳ đột xuất như 2025-9M; xem "tonghop rounds list --province <mã>".`,
    });
});

export function unitArg(province: string) {
  return z.string().superRefine((v, ctx) => {
    const unit = /^\d{5}$/.test(v) ? nationalRegistry().byCode(v) : undefined;
    if (!/^\d{5}$/.test(v))
      ctx.addIssue({
        code: 'custom',
        message: `Mã đơn vị "${v}" không hợp lệ: cần 5 chữ số, ví dụ 16941.`,
      });
    else if (!unit)
      ctx.addIssue({
        code: 'custom',
        message: `Mã đơn vị ${v} không có trong danh mục đơn vị hành chính 2025.`,
      });
    else if (unit.provinceCode !== province)
      ctx.addIssue({
        code: 'custom',
        message:
          `Mã đơn vị ${v} (${unit.name}) thuộc tỉnh ${unit.provinceName} (mã ${unit.provinceCode}), ` +
          `không thuộc tỉnh ${province}.`,
      });
  });
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A real date-time: 2026-02-30 is refused, not rolled over into March. */
export const NowArg = z.string().transform((v, ctx) => {
  const m = ISO_INSTANT.exec(v.trim());
  const [y, mo, d, h = '0', mi = '0', s = '0'] = (m ?? []).slice(1).map((x) => x ?? undefined);
  const calendar = m
    ? new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)))
    : null;
  const real =
    calendar &&
    calendar.getUTCFullYear() === Number(y) &&
    calendar.getUTCMonth() === Number(mo) - 1 &&
    calendar.getUTCDate() === Number(d) &&
    calendar.getUTCHours() === Number(h) &&
    calendar.getUTCMinutes() === Number(mi) &&
    calendar.getUTCSeconds() === Number(s);
  if (!real) {
    ctx.addIssue({
      code: 'custom',
      message: `--now "${v}" không phải thời điểm có thật; ví dụ 2026-06-03T08:00:00+07:00.`,
    });
    return z.NEVER;
  }
  // A date or time without an offset is Vietnam's.
  const text = m![4] ? (m![7] ? v.trim() : `${v.trim()}+07:00`) : `${v.trim()}T00:00:00+07:00`;
  return new Date(text);
});

export const PathsArg = z.array(z.string()).superRefine((paths, ctx) => {
  for (const p of paths)
    if (!existsSync(p))
      ctx.addIssue({
        code: 'custom',
        message: `Không tìm thấy tệp hoặc thư mục "${p}"; vui lòng kiểm tra lại đường dẫn.`,
      });
});

/** Files to read (parse, units import): each exists and is a file, not a folder. */
export const FilesArg = z.array(z.string()).superRefine((paths, ctx) => {
  for (const p of paths)
    if (!existsSync(p))
      ctx.addIssue({
        code: 'custom',
        message: `Không tìm thấy tệp "${p}"; vui lòng kiểm tra lại đường dẫn.`,
      });
    else if (!statSync(p).isFile())
      ctx.addIssue({
        code: 'custom',
        message: `"${p}" là thư mục, không phải tệp; vui lòng chỉ ra một tệp.`,
      });
});

/** A TCP port to listen on: 1–65535 (0 would pick any free port, which nobody could type in). */
export const PortArg = z.string().transform((v, ctx) => {
  const port = /^\d{1,5}$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (port >= 1 && port <= 65535) return port;
  ctx.addIssue({
    code: 'custom',
    message: `Cổng "${v}" không hợp lệ: cần một số từ 1 đến 65535, ví dụ 8080.`,
  });
  return z.NEVER;
});

/** Checks one argument; the first problem becomes a UsageError naming its option. */
export function check<T extends z.ZodType>(field: string, schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(field, parsed.error.issues[0]?.message ?? `${field} không hợp lệ.`);
}
