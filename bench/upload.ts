import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CognitoAccounts } from '../adapters/cognito-accounts.js';
import { cognito } from '../adapters/cognito-client.js';
import { scanEngine } from '../adapters/scan-engine.js';
import { servePortal } from '../bin/commands/serve.js';
import { importUnits } from '../bin/commands/units.js';
import { openLocalTarget } from '../bin/target.js';
import { type PortalClient, signInFirstTime } from '../scripts/portal-client.js';
import { docxFromText, pdfFromText } from '../scripts/report-files.js';
import { reportText } from '../scripts/report-text.js';
import { readUpload } from '../shared/ocr/read-upload.js';
import { pollDelay } from '../web/static/portal-script.js';
import { atMost, type Bench, type BenchSection, type Figure } from './bench.js';
import { fmt } from './format.js';
import { benchUnits } from './units.js';

const ROUND = '2026-H1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What one upload cost the person who made it, in ms from the click on "Nộp". */
interface Visit {
  /** The pre-signed POST received. */
  presigned: number;
  /** The file sent to S3 with it. */
  sent: number;
  /** The record stored (its processedAt). */
  recorded: number;
  /** The round page with ?tep= loaded (it says "waiting" unless the record is already there). */
  opened: number;
  /** The page showing the result: what the person waits for. */
  shown: number;
}

/**
 * One upload as the portal's page makes it (web/static/portal-script.ts): ask for a pre-signed
 * POST, send the file to S3, open the round page with ?tep=, ask for the status on the page's own
 * schedule (pollDelay), and load the page once nothing is pending.
 */
async function visit(client: PortalClient, unit: string, name: string, bytes: Uint8Array) {
  const round = `/don-vi/${unit}/ky/${ROUND}`;
  const t0 = performance.now();
  const wall0 = Date.now();
  const res = await client.post(`${round}/tai-len`, {}, { 'x-csrf-token': client.csrf });
  const form = (await res.json()) as {
    url: string;
    fields: Record<string, string>;
    uploadId: string;
  };
  const presigned = performance.now() - t0;
  const data = new FormData();
  for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
  data.append('file', new Blob([Buffer.from(bytes)]), name);
  const s3 = await fetch(form.url, { method: 'POST', body: data });
  if (s3.status >= 300) throw new Error(`S3 POST gave ${s3.status}`);
  const sent = performance.now() - t0;
  let page = await client.page(`${round}?tep=${form.uploadId}`);
  const opened = performance.now() - t0;
  for (let attempt = 0; /data-wait="/.test(page.html); ) {
    // The page gives up after three minutes; so does the bench, loudly.
    if (performance.now() - t0 > 180_000) throw new Error(`${name}: no result after 3 minutes`);
    await sleep(pollDelay(attempt++));
    const status = await client.request(`${round}/trang-thai?tep=${form.uploadId}`);
    const { pending } = (await status.json()) as { pending: string[] };
    if (!pending.length) page = await client.page(round);
  }
  const shown = performance.now() - t0;
  return { uploadId: form.uploadId, wall0, presigned, sent, opened, shown };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Kind {
  label: string;
  files: { name: string; bytes: Uint8Array }[];
}

async function kinds(b: Bench): Promise<Kind[]> {
  const units = benchUnits();
  const n = b.smoke ? 1 : b.quick ? 3 : 7;
  const texts = units.slice(0, n).map((u) => reportText(u, { targetChars: 8000 }));
  const photo = readFileSync(
    join(import.meta.dirname, '..', 'examples', 'reports', 'phuong-cua-lo-anh-chup.jpg'),
  );
  return [
    {
      label: 'DOCX',
      files: await Promise.all(
        texts.map(async (t, i) => ({ name: `bc-${i}.docx`, bytes: await docxFromText(t) })),
      ),
    },
    {
      label: 'PDF (text)',
      files: await Promise.all(
        texts.map(async (t, i) => ({ name: `bc-${i}.pdf`, bytes: await pdfFromText(t) })),
      ),
    },
    {
      label: 'phone photo',
      files: Array.from({ length: b.smoke ? 1 : 3 }, (_, i) => ({
        name: `anh-${i}.jpg`,
        bytes: photo,
      })),
    },
  ];
}

/**
 * The same photo read by a warm engine in this process: the OCR time a scan cannot beat. The
 * engine the upload path reads with (the page cleaned with sharp, then Tesseract): measured with
 * Tesseract alone, the page cleaning counted against the upload path as if it were waiting.
 */
async function ocrTime(bytes: Uint8Array, warm: boolean): Promise<number> {
  const ocr = scanEngine({ workers: 1 });
  try {
    // With --smoke the model load is counted, to read the photo once instead of twice.
    if (warm) await readUpload('anh.jpg', bytes, ocr);
    const t0 = performance.now();
    await readUpload('anh.jpg', bytes, ocr);
    return performance.now() - t0;
  } finally {
    await ocr.close();
  }
}

async function runUpload(b: Bench): Promise<void> {
  process.env.TONGHOP_HOME = mkdtempSync(join(tmpdir(), 'tonghop-bench-upload-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const target = await openLocalTarget();
  const serving = await servePortal(target, 0);
  try {
    await importUnits(target);
    const unit = benchUnits()[0]!;
    const email = `bench-${unit.code}@example.vn`;
    const password = 'Tam-Thoi-Bench-1A';
    const accounts = new CognitoAccounts(cognito(), process.env.COGNITO_USER_POOL_ID!);
    await accounts.create(
      { email, role: 'commune', provinceCode: unit.provinceCode, unitCode: unit.code },
      password,
    );
    const client = await signInFirstTime(serving.url, email, password, 'Mat-Khau-Bench-2026');
    await client.page(`/don-vi/${unit.code}/ky/${ROUND}`);
    b.out(
      'The portal on the embedded stack (`tonghop serve`), one signed-in commune, files one after ' +
        'another: pre-signed POST → S3 → event → queue → ingest → record → the page’s next poll → ' +
        'the page with the result. Times from the click, ms, median of the files.',
    );
    b.out();
    b.row(
      ...['file', 'files', 'presigned', 'sent to S3', 'recorded', 'page opened'],
      'page shows it',
      'slowest',
    );
    b.row('---', ...Array(7).fill('---:'));
    for (const kind of await kinds(b)) {
      const visits: Visit[] = [];
      for (const f of kind.files) {
        const v = await visit(client, unit.code, f.name, f.bytes);
        const history = await target.ports.submissions.unitHistory(unit.code);
        const s = history.find((h) => h.file.key.includes(`/${v.uploadId}/`));
        const recorded = s ? Date.parse(s.processedAt) - v.wall0 : NaN;
        visits.push({ ...v, recorded });
      }
      const shown = median(visits.map((v) => v.shown));
      const scan = kind.label === 'phone photo';
      const ocrMs = scan ? await ocrTime(kind.files[0]!.bytes, !b.smoke) : 0;
      const f = b.figure(`upload → result, ${kind.label} (median)`, shown, 'ms', {
        target: atMost(scan ? ocrMs + 1000 : 1500),
        ...(scan && { note: `OCR of the photo alone, warm: ${fmt(ocrMs)} ms` }),
      });
      const at = (k: keyof Visit) => fmt(median(visits.map((v) => v[k])));
      b.row(
        kind.label,
        kind.files.length,
        ...(['presigned', 'sent', 'recorded', 'opened'] as const).map(at),
        b.show(f),
        fmt(Math.max(...visits.map((v) => v.shown))),
      );
      if (scan)
        b.out(
          `\nThe photo alone, by ${b.smoke ? 'a cold' : 'a warm'} OCR worker in this process: ${fmt(ocrMs)} ms.`,
        );
    }
  } finally {
    await serving.stop();
    await target.close();
  }
}

/**
 * The section in a process of its own: the ingest handler reads its table and bucket when first
 * loaded, so after the ingest section's embedded stack, a second one in the same process would
 * have its uploads read against the first, closed one (they were never recorded).
 */
async function runUploadInChild(b: Bench): Promise<void> {
  const mode = b.smoke ? ['--smoke'] : b.quick ? ['--quick'] : [];
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'run.ts'), '--only', 'upload', '--json', ...mode],
    { env: { ...process.env, TONGHOP_BENCH_CHILD: '1' }, maxBuffer: 16 << 20, timeout: 900_000 },
  );
  const lines = stderr.split('\n');
  const from = lines.findIndex((l) => l.startsWith('## ')) + 1;
  const to = lines.findIndex((l) => l.startsWith('(section:'));
  for (const line of lines.slice(from, to).join('\n').trim().split('\n')) b.out(line);
  const doc = JSON.parse(stdout) as { figures: Figure[] };
  for (const f of doc.figures.filter((x) => x.section === 'upload'))
    b.figure(f.name, f.value, f.unit, { target: f.target, note: f.note });
}

export const uploadSection: BenchSection = {
  id: 'upload',
  title: 'Upload → result, as a commune meets it in the portal',
  run: (b) => (process.env.TONGHOP_BENCH_CHILD ? runUpload(b) : runUploadInChild(b)),
};
