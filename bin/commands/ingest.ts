import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { buildUploadKey, UNRESOLVED_UNIT } from '../../shared/ingest/upload-key.js';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Submission, SubmissionStatus } from '../../shared/schemas/submission.js';
import type { Target } from '../target.js';
import { ensureUnits } from './units.js';

export interface IngestResult {
  file: string;
  unitCode: string | null;
  status: SubmissionStatus | 'pending';
  diagnostics: Diagnostic[];
  submissionId: string | null;
  version: number | null;
}

export interface IngestOptions {
  province: string;
  round: string;
  unit?: string;
  /** Draw a progress bar on stderr (a terminal, more than a few files). */
  progress?: boolean;
}

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      out.push(...(await expand(names.map((n) => join(p, n)))));
    } else out.push(p);
  }
  return out;
}

async function mapLimit<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * Uploads files into the inbox layout and waits until ingest has recorded each one. Running it
 * again with the same files adds nothing: the same content for the same unit is one submission.
 */
export async function ingestFiles(
  target: Target,
  paths: string[],
  opts: IngestOptions,
): Promise<IngestResult[]> {
  await ensureUnits(target);
  const files = await expand(paths);
  const uploads: Array<{ path: string; key: string; sha256: string }> = [];
  const bar =
    opts.progress && files.length > 3
      ? new cliProgress.SingleBar(
          { format: 'Tải lên  {bar} {value}/{total}', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(files.length, 0);
  await mapLimit(files, 4, async (path) => {
    const bytes = await readFile(path);
    const key = buildUploadKey({
      provinceCode: opts.province,
      roundId: opts.round,
      unitCode: opts.unit ?? UNRESOLVED_UNIT,
      fileName: basename(path),
    });
    await target.objects.put(key, bytes);
    uploads.push({ path, key, sha256: createHash('sha256').update(bytes).digest('hex') });
    bar?.increment();
  });
  bar?.stop();

  const processing =
    opts.progress && files.length > 3
      ? new cliProgress.SingleBar(
          { format: 'Xử lý    {bar} {value}/{total}', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  processing?.start(files.length, 0);
  await target.settle((s) =>
    processing?.update(Math.min(files.length, s.delivered + s.deadLettered)),
  );
  processing?.stop();

  const submissions = await waitForSubmissions(
    target,
    opts,
    uploads,
    target.kind === 'aws' ? 300_000 : 0,
  );
  return uploads
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((u) => {
      const s =
        submissions.find(
          (x) =>
            x.file.sha256 === u.sha256 && (x.file.key === u.key || x.unitCode !== UNRESOLVED_UNIT),
        ) ??
        submissions
          .filter((x) => x.file.key === u.key)
          .sort((a, b) => b.processedAt.localeCompare(a.processedAt))[0];
      return {
        file: u.path,
        unitCode: s && s.unitCode !== UNRESOLVED_UNIT ? s.unitCode : null,
        status: s?.status ?? 'pending',
        diagnostics: s?.diagnostics ?? [],
        submissionId: s?.submissionId ?? null,
        version: s?.version ?? null,
      };
    });
}

async function waitForSubmissions(
  target: Target,
  opts: IngestOptions,
  uploads: Array<{ key: string; sha256: string }>,
  timeoutMs: number,
): Promise<Submission[]> {
  const started = Date.now();
  for (;;) {
    const all = await target.submissions.listRound(opts.province, opts.round);
    const done = uploads.every((u) =>
      all.some((s) => s.file.sha256 === u.sha256 || s.file.key === u.key),
    );
    if (done || Date.now() - started >= timeoutMs) return all;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

const STATUS_VI: Record<IngestResult['status'], string> = {
  accepted: 'đã nhận',
  needs_review: 'cần xem lại',
  rejected: 'bị từ chối',
  returned: 'bị Sở trả lại để sửa',
  pending: 'đang xử lý',
};

export function formatResults(results: IngestResult[]): string {
  const lines = results.map((r) => {
    const head = `${basename(r.file).padEnd(40)} ${(r.unitCode ?? '—').padEnd(6)} ${STATUS_VI[r.status]}${r.version && r.unitCode ? ` (bản ${r.version})` : ''}`;
    const notes = r.diagnostics
      .filter((d) => d.level === 'error' || r.status !== 'accepted')
      .map((d) => `    - ${d.message}`);
    return [head, ...notes].join('\n');
  });
  const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
  lines.push(
    '',
    `Tổng: ${results.length} tệp — ${count('accepted')} đã nhận, ${count('needs_review')} cần xem lại, ${count('rejected')} bị từ chối${count('pending') ? `, ${count('pending')} đang xử lý` : ''}.`,
  );
  return `${'Tệp'.padEnd(40)} ${'Mã ĐV'.padEnd(6)} Trạng thái\n${lines.join('\n')}\n`;
}
