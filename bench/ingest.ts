import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { ingestFiles } from '../bin/commands/ingest.js';
import { importUnits } from '../bin/commands/units.js';
import { nationalRegistry } from '../bin/registry.js';
import { openTarget, type Target } from '../bin/target.js';
import { docxFromText, pdfFromText } from '../scripts/report-files.js';
import { reportText } from '../scripts/report-text.js';
import { inflateCounted } from '../shared/files/inflate-counted.js';
import { type IngestStage, ingestObject } from '../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../shared/ingest/upload-key.js';
import type { Unit } from '../shared/schemas/unit.js';
import { fold } from '../shared/text/fold.js';
import { atMost, type Bench, type BenchSection } from './bench.js';
import { fmt } from './format.js';
import { benchUnits } from './units.js';

// OCR'd PDFs carry no diacritics; pdfkit's built-in font writes Latin-1 only, which fits.
export const ocrLike = (s: string) =>
  fold(s)
    .replace(/[^\x20-\x7e\n]/g, ' ')
    .toUpperCase();

async function makeFiles(
  units: Unit[],
  dir: string,
  n: number,
  format: 'txt' | 'docx' | 'pdf',
): Promise<string> {
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

export async function rawDecode(format: 'docx' | 'pdf', bytes: Uint8Array): Promise<void> {
  // The libraries' own work for what ingest asks of them: for a DOCX, yauzl inflating every part
  // once and saxes parsing the XML parts the reader reads (decode-docx.ts), with no handlers.
  if (format === 'docx') {
    const { parts } = await inflateCounted(bytes, (n) => /^word\/[a-z0-9]+\.xml$/.test(n));
    for (const xml of parts.values()) new SaxesParser().write(xml.toString('utf8')).close();
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

const FORMATS = ['txt', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Uploads and ingests each format's files through the CLI path; returns where each set is. */
async function throughput(b: Bench, target: Target, home: string): Promise<Record<Format, string>> {
  const units = benchUnits();
  const counts = b.smoke
    ? { txt: 2, docx: 2, pdf: 2 }
    : { txt: b.quick ? 40 : 120, docx: b.quick ? 30 : 100, pdf: b.quick ? 20 : 60 };
  b.out('s3rver → queue → handler → dynalite, 20 KB reports.');
  b.out();
  b.row('format', 'files', 'upload + ingest', 'reports/s', 'accepted');
  b.row('---', '---:', '---:', '---:', '---:');
  const files = {} as Record<Format, string>;
  for (const format of FORMATS) {
    files[format] = await makeFiles(units, join(home, format), counts[format], format);
    const start = performance.now();
    const results = await ingestFiles(target, [files[format]], {
      province: '40',
      round: `2026-${format.toUpperCase()}`,
    });
    const seconds = (performance.now() - start) / 1000;
    const accepted = results.filter((r) => r.status === 'accepted').length;
    b.figure(`ingest ${format} throughput`, results.length / seconds, 'reports/s');
    const perSecond = fmt(results.length / seconds, 1);
    b.row(format, results.length, `${fmt(seconds, 2)} s`, perSecond, accepted);
  }
  b.out();
  return files;
}

/** Each file of `dir` through `ingestObject` in process: time per stage, and the raw decoder's. */
async function stageTimes(target: Target, dir: string, format: Format) {
  const registry = nationalRegistry();
  const { objects, submissions } = target.ports;
  const { readFile, readdir } = await import('node:fs/promises');
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
      { objects, submissions, registry, onStage: (s, ms) => (stage[s] += ms) },
    );
    total += performance.now() - t0;
  }
  return { stage, raw, total, n: names.length };
}

async function perStage(b: Bench, target: Target, files: Record<Format, string>): Promise<void> {
  b.out('Per stage, in process against the same stack (ms per report, mean); the last column is');
  b.out('the raw decoder alone and pipeline ÷ raw, with (without) the S3/DynamoDB I/O:');
  b.out();
  b.row(...['format', 'read', 'decode', 'parse', 'validate', 'store', 'total'], 'raw decode');
  b.row('---', ...Array(7).fill('---:'));
  for (const format of FORMATS) {
    const { stage, raw, total, n } = await stageTimes(target, files[format], format);
    const cols = (['read', 'decode', 'parse', 'validate', 'store'] as const).map((s) =>
      fmt(stage[s] / n, 2),
    );
    const cpu = (stage.decode + stage.parse + stage.validate) / raw;
    if (format !== 'txt')
      b.figure(`ingest ${format} pipeline ÷ raw decode`, total / raw, '×', {
        target: atMost(1.5),
        note: 'with the S3 and DynamoDB round trips of the embedded stack',
      });
    const rawCol =
      format === 'txt' ? '—' : `${fmt(raw / n, 2)}: ${fmt(total / raw, 2)}× (${fmt(cpu, 2)}×)`;
    b.row(format, ...cols, fmt(total / n, 2), rawCol);
  }
  b.out();
}

async function runIngest(b: Bench): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'tonghop-bench-'));
  process.env.TONGHOP_HOME = home;
  process.env.TONGHOP_RETRY_DELAY_MS = '50';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const target = await openTarget({});
  try {
    await importUnits(target);
    await perStage(b, target, await throughput(b, target, home));
  } finally {
    await target.close();
  }
}

export const ingestSection: BenchSection = {
  id: 'ingest',
  title: 'Ingest through the embedded stack',
  run: runIngest,
};
