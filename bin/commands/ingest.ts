import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import {
  buildUploadKey,
  parseUploadKey,
  UNRESOLVED_ROUND,
  UNRESOLVED_UNIT,
} from '../../shared/ingest/upload-key.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Submission, SubmissionStatus } from '../../shared/schemas/submission.js';
import { PENDING_WORD, SUBMISSION_STATUS_WORDS } from '../../shared/vocabulary/status-words.js';
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

interface Upload {
  path: string;
  key: string;
  versionId: string | null;
}

/**
 * Puts one file into the inbox, unless the object there already holds these very bytes (a rerun
 * after an interrupted command): then the upload that holds them is the one to report.
 */
async function uploadOne(target: Target, path: string, opts: IngestOptions): Promise<Upload> {
  const bytes = await readFile(path);
  const key = buildUploadKey({
    provinceCode: opts.province,
    roundId: opts.round,
    unitCode: opts.unit ?? UNRESOLVED_UNIT,
    fileName: basename(path),
  });
  const md5 = createHash('md5').update(bytes).digest('hex');
  const there = await target.ports.objects.head(key);
  if (there?.versionId && there.eTag === md5) return { path, key, versionId: there.versionId };
  const { versionId } = await target.ports.objects.put(key, bytes);
  return { path, key, versionId };
}

const bar = (show: boolean | undefined, total: number, label: string) => {
  if (!show || total <= 3) return undefined;
  const b = new cliProgress.SingleBar(
    { format: `${label} {bar} {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0);
  return b;
};

/**
 * Uploads files into the inbox layout, waits until ingest has recorded each of these uploads
 * (not older messages still in the queue), and reports what each upload became: the submission
 * of that object version, found by key and version id, never by content.
 */
export async function ingestFiles(
  target: Target,
  paths: string[],
  opts: IngestOptions,
): Promise<IngestResult[]> {
  await ensureUnits(target);
  const files = await expand(paths);
  const uploads: Upload[] = [];
  const uploading = bar(opts.progress, files.length, 'Tải lên ');
  await mapLimit(files, 4, async (path) => {
    uploads.push(await uploadOne(target, path, opts));
    uploading?.increment();
  });
  uploading?.stop();

  const processing = bar(opts.progress, files.length, 'Xử lý   ');
  await target.settle(
    (s) => processing?.update(Math.min(files.length, s.delivered + s.deadLettered)),
    { only: uploads },
  );
  processing?.stop();

  // Receipts went to the mail queue as each file was recorded.
  await target.sendMail();
  const submissions = await waitForSubmissions(target, uploads, target.recordWaitMs);
  return uploads.sort((a, b) => a.path.localeCompare(b.path)).map((u) => resultOf(u, submissions));
}

/** The submissions an upload created; the newest first (a redrive after a failure record). */
const createdBy = (u: Upload, all: Submission[]) =>
  all
    .filter((s) => s.file.key === u.key && s.file.versionId === u.versionId)
    .sort((a, b) => b.version - a.version);

function resultOf(u: Upload, submissions: Submission[]): IngestResult {
  const s = createdBy(u, submissions)[0];
  return {
    file: u.path,
    unitCode: s && s.unitCode !== UNRESOLVED_UNIT ? s.unitCode : null,
    status: s?.status ?? 'pending',
    diagnostics: s?.diagnostics ?? [],
    submissionId: s?.submissionId ?? null,
    version: s?.version ?? null,
  };
}

/**
 * The submissions of the uploads' keys. A file may land in another round (the "_" folder) or
 * under no unit, so the search is by key across the rounds the uploads can reach.
 */
async function waitForSubmissions(
  target: Target,
  uploads: Upload[],
  timeoutMs: number,
): Promise<Submission[]> {
  const started = Date.now();
  for (;;) {
    const all = await submissionsOfKeys(target, uploads);
    const done = uploads.every((u) => createdBy(u, all).length > 0);
    if (done || Date.now() - started >= timeoutMs) return all;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function submissionsOfKeys(target: Target, uploads: Upload[]): Promise<Submission[]> {
  const places = new Set<string>();
  for (const u of uploads) {
    const k = parseUploadKey(u.key);
    if (!k.ok) continue;
    places.add(`${k.key.provinceCode}/${k.key.roundId}`);
    // Sent to the "_" round folder: the file lands in the round its letter names.
    if (k.key.roundId === UNRESOLVED_ROUND)
      for (const r of await provinceRounds(target.ports.rounds, k.key.provinceCode, new Date()))
        places.add(`${k.key.provinceCode}/${r.roundId}`);
  }
  const lists = await Promise.all(
    [...places].map((p) =>
      target.ports.submissions.listRound(...(p.split('/') as [string, string])),
    ),
  );
  return lists.flat();
}

const STATUS_VI: Record<IngestResult['status'], string> = {
  ...SUBMISSION_STATUS_WORDS,
  pending: PENDING_WORD,
};

export function formatResults(results: IngestResult[]): string {
  const lines = results.map((r) => {
    const version = r.version && r.unitCode ? ` (bản ${r.version})` : '';
    const head = `${basename(r.file).padEnd(40)} ${(r.unitCode ?? '—').padEnd(6)} ${STATUS_VI[r.status]}${version}`;
    const notes = r.diagnostics
      .filter((d) => d.level === 'error' || r.status !== 'accepted')
      .map((d) => `    - ${d.message}`);
    return [head, ...notes].join('\n');
  });
  const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
  lines.push(
    '',
    `Tổng: ${results.length} tệp — ${count('accepted')} ${STATUS_VI.accepted}, ` +
      `${count('needs_review')} ${STATUS_VI.needs_review}, ${count('rejected')} ${STATUS_VI.rejected}` +
      `${count('pending') ? `, ${count('pending')} ${STATUS_VI.pending}` : ''}` +
      `${count('ocr_pending') ? `, ${count('ocr_pending')} ${STATUS_VI.ocr_pending}` : ''}.`,
  );
  return `${'Tệp'.padEnd(40)} ${'Mã ĐV'.padEnd(6)} Trạng thái\n${lines.join('\n')}\n`;
}
