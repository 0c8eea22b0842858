// `npm run bench`: the figures in the README's performance section. Not a test: machines are
// shared and noisy, so this prints measurements and judges nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { ingestFiles } from '../bin/commands/ingest.js';
import { importUnits } from '../bin/commands/units.js';
import { nationalRegistry } from '../bin/registry.js';
import { openTarget } from '../bin/target.js';
import { docxFromText, pdfFromText } from '../scripts/report-files.js';
import { reportText } from '../scripts/report-text.js';
import { type IngestStage, ingestObject } from '../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../shared/ingest/upload-key.js';
import { readReport } from '../shared/reader/read-report.js';
import { fold } from '../shared/text/fold.js';
import { bundleBench } from './bundles.js';
import { fmt } from './format.js';
import { rollupBench } from './rollup.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const quick = process.argv.includes('--quick');
const registry = nationalRegistry();
const units = registry
  .unitsOf('40')
  .filter((u, _, all) => all.filter((x) => x.name === u.name).length === 1);
const out = (s = '') => process.stdout.write(`${s}\n`);

function rate(fn: () => void, ms: number): number {
  for (let i = 0; i < 50; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

function readerBench(): void {
  out('## Reader (readReport alone, one core)');
  const ctx = { registry, provinceCode: '40' };
  const u = units[0]!;
  for (const kb of [10, 30, 100, 1000]) {
    const text = reportText(u, { targetChars: kb * 1024 });
    const perSec = rate(() => readReport(text, ctx), quick ? 500 : kb >= 1000 ? 4000 : 2000);
    const figures = readReport(text, ctx).indicators.length;
    out(
      `${String(kb).padStart(5)} KB  ${fmt(perSec, 1).padStart(8)} reports/s  ${fmt(1000 / perSec, 2).padStart(7)} ms/report  ${fmt(1e6 / perSec / kb, 1).padStart(6)} µs/KB  (${figures} figures)`,
    );
  }
  out();
}

// OCR'd PDFs carry no diacritics; pdfkit's built-in font writes Latin-1 only, which fits.
const ocrLike = (s: string) =>
  fold(s)
    .replace(/[^\x20-\x7e\n]/g, ' ')
    .toUpperCase();

async function makeFiles(dir: string, n: number, format: 'txt' | 'docx' | 'pdf'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const u of units.slice(0, n)) {
    const text = reportText(u, { targetChars: 20_000 });
    const bytes =
      format === 'txt'
        ? Buffer.from(text)
        : format === 'docx'
          ? await docxFromText(text)
          : await pdfFromText(ocrLike(text));
    writeFileSync(join(dir, `bao-cao-${u.code}.${format}`), bytes);
  }
  return dir;
}

async function rawDecode(format: 'docx' | 'pdf', bytes: Uint8Array): Promise<void> {
  if (format === 'docx') {
    await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return;
  }
  const { getDocument } = await import('unpdf/pdfjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
  await doc.destroy();
}

async function ingestBench(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'tonghop-bench-'));
  process.env.TONGHOP_HOME = home;
  process.env.TONGHOP_RETRY_DELAY_MS = '50';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const target = await openTarget({});
  try {
    await importUnits(target);
    const counts = { txt: quick ? 40 : 120, docx: quick ? 30 : 100, pdf: quick ? 20 : 60 };
    out(
      '## Ingest through the embedded stack (s3rver → queue → handler → dynalite), 20 KB reports',
    );
    out('format  files  upload+ingest   reports/s');
    const files: Record<string, string> = {};
    for (const format of ['txt', 'docx', 'pdf'] as const) {
      files[format] = await makeFiles(join(home, format), counts[format], format);
      const start = performance.now();
      const results = await ingestFiles(target, [files[format]!], {
        province: '40',
        round: `2026-${format.toUpperCase()}`,
      });
      const seconds = (performance.now() - start) / 1000;
      const accepted = results.filter((r) => r.status === 'accepted').length;
      out(
        `${format.padEnd(6)}  ${String(results.length).padStart(5)}  ${fmt(seconds, 2).padStart(11)} s  ${fmt(results.length / seconds, 1).padStart(10)}   (${accepted} accepted)`,
      );
    }
    out();

    out('## Per stage, in process against the same stack (ms per report, mean)');
    out(
      'format    read  decode   parse validate  store   total | raw decode  pipeline ÷ raw  (without S3/DynamoDB I/O)',
    );
    const { objects, submissions } = target;
    const { readFile, readdir } = await import('node:fs/promises');
    for (const format of ['txt', 'docx', 'pdf'] as const) {
      const dir = files[format]!;
      const names = (await readdir(dir)).sort();
      const stage: Record<IngestStage, number> = {
        read: 0,
        decode: 0,
        parse: 0,
        validate: 0,
        store: 0,
      };
      let raw = 0;
      let total = 0;
      for (const name of names) {
        const bytes = await readFile(join(dir, name));
        const key = buildUploadKey({
          provinceCode: '40',
          roundId: `2026-S${format.toUpperCase()}`,
          unitCode: name.slice(8, 13),
          fileName: name,
        });
        await objects.put(key, bytes);
        // Side by side: the raw decoder on the same bytes, then the whole pipeline.
        if (format !== 'txt') {
          const r0 = performance.now();
          await rawDecode(format, bytes);
          raw += performance.now() - r0;
        }
        const t0 = performance.now();
        await ingestObject(
          {
            bucket: target.bucket,
            key,
            size: bytes.length,
            versionId: null,
            eTag: null,
            sequencer: null,
            eventTime: new Date().toISOString(),
          },
          {
            objects,
            submissions,
            registry,
            onStage: (s, ms) => (stage[s] += ms),
          },
        );
        total += performance.now() - t0;
      }
      const n = names.length;
      const cols = (['read', 'decode', 'parse', 'validate', 'store'] as const)
        .map((s) => fmt(stage[s] / n, 2).padStart(7))
        .join(' ');
      const cpu = (stage.decode + stage.parse + stage.validate) / raw;
      const rawCol =
        format === 'txt'
          ? '         —               —'
          : `${fmt(raw / n, 2).padStart(10)}  ${fmt(total / raw, 2).padStart(13)}×  (${fmt(cpu, 2)}×)`;
      out(`${format.padEnd(6)} ${cols} ${fmt(total / n, 2).padStart(7)} | ${rawCol}`);
    }
    out();
  } finally {
    await target.close();
  }
}

out(`tonghop bench — Node ${process.version}, ${process.arch}${quick ? ', --quick' : ''}`);
out();
readerBench();
await ingestBench();
out();
await rollupBench(out, quick);
out();
await bundleBench(out);
out(`Peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
