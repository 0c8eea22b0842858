// Reading per KB of file, each format the portal takes (issue 24: "no reading gets slower than
// 1.5× today's per KB"): the file read into text and its document model (readFileContent, the
// .doc and PDF work in their warm bounded worker threads) and then read (readReport), in process,
// no S3 or DynamoDB: ingest's decode and parse stages. CPU time of the whole process (worker
// threads included) per KB of the file as uploaded, beside the recorded baseline
// (bench/reading-baseline.json) and the 1.5× limit, and beside each format's raw decoder: the
// library's own work for what the reading asks of it, with no model and no reader.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { nationalRegistry } from '../bin/registry.js';
import { docxFromText, pdfFromText } from '../scripts/report-files.js';
import { reportText } from '../scripts/report-text.js';
import { type FormColumn, type FormRow, xlsxForm } from '../scripts/xlsx-forms.js';
import { decodeText } from '../shared/files/decode-text.js';
import { readFileContent } from '../shared/files/read-file.js';
import { readReport } from '../shared/reader/read-report.js';
import { atMost, type Bench, type BenchSection } from './bench.js';
import { fmt } from './format.js';
import { ocrLike, rawDecode } from './ingest.js';
import { benchUnits } from './units.js';

const FORMATS = ['txt', 'docx', 'pdf', 'doc', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface Baseline {
  recorded: string;
  commit: string;
  load: string;
  cpuUsPerKb: Record<Format, number>;
  rawUsPerKb: Record<Format, number>;
}

const baseline = (): Baseline =>
  JSON.parse(readFileSync(new URL('./reading-baseline.json', import.meta.url), 'utf8'));

const LABELS = [
  ['Số hồ sơ nộp trực tuyến', 'hồ sơ'],
  ['Tổ công nghệ số cộng đồng', 'tổ'],
  ['Tài khoản định danh điện tử được kích hoạt', 'tài khoản'],
  ['Hộ gia đình có cáp quang', 'hộ'],
  ['Tỷ lệ hồ sơ trực tuyến toàn trình', '%'],
  ['Kinh phí chi cho chuyển đổi số', 'triệu đồng'],
] as const;

/** A Sở form of three sheets of about 20 rows each, filled in. */
function formOf(seed: number): Promise<Buffer> {
  const rows = (s: number): FormRow[] =>
    Array.from({ length: 20 }, (_, i) => {
      const [label, unit] = LABELS[(i + s) % LABELS.length]!;
      const result = ((i + 3) * (s + 7) * 37) % 5000;
      return { label: `${label} (${i + 1})`, unit, result, plan: result + (i % 3) * 50 || null };
    });
  const columns: FormColumn[] = ['stt', 'label', 'unit', 'plan', 'result', 'rate', 'note'];
  const layout = {
    columns,
    twoRowHeader: true,
    numbers: 'number' as const,
    percentFormat: seed % 2 === 0,
    header: 'columns' as const,
    groups: true,
    so: { phuLuc: true, columnNumbers: 'bracketed' as const, roman: true },
  };
  return xlsxForm(
    ['Biểu 01', 'Biểu 02', 'Biểu 03'].map((name, k) => ({
      name,
      layout,
      unit: 'Nà Hỳ',
      rows: rows(seed + k),
    })),
  );
}

/** The files of each format: 20 KB reports, the committed .doc fixtures, generated forms. */
async function filesOf(b: Bench): Promise<Record<Format, Uint8Array[]>> {
  const n = b.smoke ? 1 : b.quick ? 4 : 10;
  const texts = benchUnits()
    .slice(0, n)
    .map((u) => reportText(u, { targetChars: 20_000 }));
  const docDir = join(import.meta.dirname, '../test/fixtures/doc');
  const docs = (await readdir(docDir)).filter((f) => f.endsWith('.doc')).sort();
  return {
    txt: texts.map((t) => Buffer.from(t)),
    docx: await Promise.all(texts.map((t) => docxFromText(t))),
    pdf: await Promise.all(texts.map((t) => pdfFromText(ocrLike(t)))),
    doc: docs.slice(0, b.smoke ? 1 : docs.length).map((f) => readFileSync(join(docDir, f))),
    xlsx: await Promise.all(Array.from({ length: Math.min(n, 4) }, (_, i) => formOf(i))),
  };
}

async function rawDoc(bytes: Uint8Array): Promise<void> {
  const { default: WordExtractor } = await import('word-extractor');
  const d = await new WordExtractor().extract(Buffer.from(bytes));
  d.getBody();
  d.getFootnotes();
  d.getHeaders();
  d.getTextboxes();
}

async function rawXlsx(bytes: Uint8Array): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as never);
}

/** The library alone: what each format's reading asks of its decoder. */
function raw(format: Format, bytes: Uint8Array): Promise<void> | void {
  if (format === 'txt') return void decodeText(bytes);
  if (format === 'doc') return rawDoc(bytes);
  if (format === 'xlsx') return rawXlsx(bytes);
  return rawDecode(format, bytes);
}

const registry = nationalRegistry();

async function decoded(format: Format, bytes: Uint8Array) {
  const content = await readFileContent(`bao-cao.${format}`, bytes);
  if (content.kind !== 'text') throw new Error(`${format}: no text`);
  return content;
}

async function reading(format: Format, bytes: Uint8Array): Promise<void> {
  const content = await decoded(format, bytes);
  readReport(content.text, { registry, document: content.document });
}

/** CPU µs and wall ms per KB of `files` through `fn`, after one warm pass, for at least `ms`. */
async function perKb(
  files: Uint8Array[],
  fn: (bytes: Uint8Array) => Promise<void> | void,
  ms: number,
): Promise<{ cpu: number; wall: number }> {
  for (const f of files) await fn(f);
  const kb = files.reduce((a, f) => a + f.length, 0) / 1024;
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  let passes = 0;
  do {
    for (const f of files) await fn(f);
    passes++;
  } while (performance.now() - t0 < ms);
  const c = process.cpuUsage(c0);
  return {
    cpu: (c.user + c.system) / (kb * passes),
    wall: (performance.now() - t0) / (kb * passes),
  };
}

function header(b: Bench): void {
  const base = baseline();
  b.out('Each file decoded (text and document model), then read as a report, in process: CPU of');
  b.out(
    'every thread per KB of the file as uploaded; wall time beside it (the machine is shared).',
  );
  b.out(`Baseline: ${base.recorded}, main ${base.commit}, load ${base.load}. Limit: 1.5× it.`);
  b.out();
  b.row(
    ...['format', 'files', 'KB each', 'decode µs/KB', 'raw µs/KB', 'decode ÷ raw'],
    ...['reading µs/KB', 'wall µs/KB', 'baseline µs/KB', 'reading ÷ baseline'],
  );
  b.row('---', ...Array(9).fill('---:'));
}

async function runReading(b: Bench): Promise<void> {
  const base = baseline();
  const files = await filesOf(b);
  const ms = b.smoke ? 0 : b.quick ? 1500 : 5000;
  header(b);
  for (const format of FORMATS) {
    const set = files[format];
    const read = await perKb(set, (f) => reading(format, f), ms);
    const dec = await perKb(set, (f) => decoded(format, f).then(() => undefined), ms / 2);
    const lib = await perKb(set, (f) => raw(format, f), ms / 2);
    b.figure(`reading ${format} CPU per KB`, read.cpu, 'µs/KB');
    b.figure(`raw ${format} ÷ its baseline per KB`, lib.cpu / base.rawUsPerKb[format], '×', {
      note: 'how much slower the machine is than when the baseline was taken',
    });
    const f = b.figure(
      `reading ${format} ÷ baseline per KB`,
      read.cpu / base.cpuUsPerKb[format],
      '×',
      {
        target: atMost(1.5),
      },
    );
    const vsRaw = b.figure(`decode ${format} ÷ raw decoder`, dec.cpu / lib.cpu, '×', {
      ...(format === 'docx' && { target: atMost(1.5), note: 'in process, no S3 or DynamoDB' }),
    });
    const kb = set.reduce((a, x) => a + x.length, 0) / 1024 / set.length;
    b.row(
      ...[format, set.length, fmt(kb, 1), fmt(dec.cpu, 0), fmt(lib.cpu, 0), b.show(vsRaw, 2)],
      ...[
        fmt(read.cpu, 0),
        fmt(read.wall * 1000, 0),
        fmt(base.cpuUsPerKb[format], 0),
        b.show(f, 2),
      ],
    );
  }
  b.out();
  b.out(
    '"raw" is the library alone: for DOCX yauzl inflating every part once and saxes parsing the',
  );
  b.out('XML parts with no handlers (as the ingest section), pdf.js text content, word-extractor,');
  b.out('exceljs loading the workbook, UTF-8 decoding. The .doc files are test/fixtures/doc.');
  b.out('The raw decoders did not change: their ratio to their own baseline says how much of');
  b.out('"reading ÷ baseline" is the machine (load), not the code.');
}

export const readingSection: BenchSection = {
  id: 'reading',
  title: 'Reading per KB, each format (issue 24)',
  run: runReading,
};
