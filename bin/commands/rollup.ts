import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tonghopHome } from '../../local/stack.js';
import { mailedBefore } from '../../shared/mail/was-mailed.js';
import { NATIONAL } from '../../shared/rollup/build-rollup.js';
import { formatShare } from '../../shared/rollup/format.js';
import {
  findRound,
  type OnStage,
  type RollupRun,
  runRoundRollup,
} from '../../shared/rollup/rollup-job.js';
import { rollupKey } from '../../shared/rollup/rollup-mail.js';
import type { Target } from '../target.js';
import { portalUrl } from './invite.js';

export interface RollupResult {
  run: RollupRun;
  bucket: string;
  /** The files written on this machine. */
  written: string[];
  /** --mail was asked, but the round's rollup was mailed before (and --resend was not given). */
  mailedAlready: boolean;
}

/** `tonghop rollup`: builds one round's rollup, writes it to S3 and --out, and mails it when asked. */
export async function rollup(
  target: Target,
  opts: {
    province: string;
    round: string;
    out?: string;
    now: Date;
    mail?: boolean;
    resend?: boolean;
    onStage?: OnStage;
  },
): Promise<RollupResult> {
  const province = opts.province === 'all' ? NATIONAL : opts.province;
  const deps = { ...target.ports, portalUrl: portalUrl() };
  const round = await findRound(province, opts.round, deps);
  const key = rollupKey(round.roundId);
  // A manual run mails again only when asked to: the Department already has the links.
  const mailedAlready =
    Boolean(opts.mail) &&
    !opts.resend &&
    mailedBefore(await target.ports.ledger.listRound(province, round.roundId), key);
  const run = await runRoundRollup(province, round, opts.now, deps, {
    mailKey: opts.mail && !mailedAlready ? `${key}#${opts.now.toISOString()}` : undefined,
    onStage: opts.onStage,
  });
  if (run.mail) await target.sendMail();
  const dir = resolve(opts.out ?? join(tonghopHome(), 'rollups', province, round.roundId));
  mkdirSync(dir, { recursive: true });
  const written = run.files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
  return { run, bucket: target.bucket, written, mailedAlready };
}

export function formatRollup(r: RollupResult, mailAsked: boolean): string {
  const { rollup, published, mail } = r.run;
  const s = rollup.status;
  const scope = rollup.provinceCode === NATIONAL ? 'toàn quốc' : rollup.scopeName;
  const withFigures = rollup.indicators.filter((i) => i.unitsReporting > 0).length;
  return `${[
    `Báo cáo tổng hợp ${rollup.round.title} — ${scope}: ${s.reported}/${s.expected} đơn vị ` +
      `đã nộp hợp lệ (${formatShare(s.reportingRate)}), đúng hạn ${s.onTime}, muộn ${s.late}, ` +
      `cần xem lại ${s.needsReview}, bị từ chối ${s.rejected}, chưa nộp ${s.missing}.`,
    `Chỉ tiêu có số liệu: ${withFigures}/${rollup.indicators.length}. ` +
      `Nhóm khó khăn: ${rollup.difficulties.length}. ` +
      `Nhóm kiến nghị: ${rollup.proposalsByAddressee.length}.`,
    'Tệp trên máy:',
    ...r.written.map((p) => `  ${p}`),
    `Trên S3: s3://${r.bucket}/${published[0]!.key.replace(/[^/]+$/, '')} (bản cũ giữ tại lich-su/)`,
    ...(mailAsked
      ? [
          mail
            ? `Đã gửi thư kèm liên kết tải tới ${mail.to.join(', ')}.`
            : r.mailedAlready
              ? 'Không gửi thư: bảng tổng hợp kỳ này đã được gửi Sở trước đó (thêm --resend để gửi lại).'
              : 'Không gửi thư: Sở chưa có địa chỉ thư (tonghop units import).',
        ]
      : []),
  ].join('\n')}\n`;
}
