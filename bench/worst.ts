import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FILE_WORST_CASE, INGEST_MEMORY_MB } from '../infra/ingest.js';
import { ADVERSARIAL_TEXTS } from '../scripts/adversarial-texts.js';
import { lyingZipBomb, manyPagePdf, pdfPaintingImages } from '../scripts/hostile-files.js';
import { reportText } from '../scripts/report-text.js';
import {
  deepPageTreePdf,
  entityBombDocx,
  formBombPdf,
  jpegDeclaring,
  largestDocx,
  largestPdf,
  largestXlsx,
  loopingDoc,
  mergeBombXlsx,
  nestedArrayPdf,
  nestedDocx,
  pngDeclaring,
  tiffDeclaring,
} from '../scripts/worst-files.js';
import { MAX_PDF_TOTAL_MS, MAX_TEXT_CHARS } from '../shared/files/limits.js';
import { atMost, type Bench, type BenchSection } from './bench.js';
import { fmt } from './format.js';
import { benchUnits } from './units.js';

/** A Word 97 report LibreOffice made from a generated one (scripts/make-doc-fixtures.ts). */
const WORD_97 = join(import.meta.dirname, '..', 'test', 'fixtures', 'doc', 'bang-chu-thich.doc');

/** Lambda gives a function CPU in proportion to its memory: one vCPU at 1,769 MB. */
const LAMBDA_CPU_SHARE = Math.min(1, INGEST_MEMORY_MB / 1769);

interface Case {
  name: string;
  file: string;
  make: () => Promise<Uint8Array> | Uint8Array;
  /** Read as the OCR function does (scans and photos). */
  ocr?: boolean;
}

const text = (s: string) => new TextEncoder().encode(s);

function cases(quick: boolean): Case[] {
  const n = quick ? 100_000 : MAX_TEXT_CHARS - 10_000;
  return [
    {
      name: 'small report (baseline)',
      file: 'bc.txt',
      make: () => text(reportText(benchUnits()[0]!)),
    },
    { name: 'largest DOCX allowed (20 MB, 8 MB XML)', file: 'lon.docx', make: () => largestDocx() },
    { name: 'largest PDF allowed (20 MB, 300 pages)', file: 'lon.pdf', make: () => largestPdf() },
    {
      name: 'lying zip bomb (.docx, 200 MB inside)',
      file: 'bom.docx',
      make: () => lyingZipBomb(200),
    },
    { name: 'PDF of 10,000 pages', file: 'nhieu.pdf', make: () => manyPagePdf(10_000) },
    {
      name: 'largest Excel form allowed (5,000 rows × 19 columns)',
      file: 'bieu.xlsx',
      make: () => largestXlsx(),
    },
    { name: 'Excel merge over the whole sheet', file: 'gop.xlsx', make: () => mergeBombXlsx() },
    { name: 'legacy .doc report (23 KB)', file: 'bc.doc', make: () => readFileSync(WORD_97) },
    {
      name: '.doc whose sector chain loops',
      file: 'vong.doc',
      make: () => loopingDoc(readFileSync(WORD_97)),
    },
    { name: 'DOCX entity expansion (10⁹ × "ha")', file: 'thuc-the.docx', make: entityBombDocx },
    { name: 'DOCX tables nested 50,000 deep', file: 'long.docx', make: () => nestedDocx(50_000) },
    { name: 'PDF form XObject bomb (10⁹ draws)', file: 'form.pdf', make: () => formBombPdf(9, 10) },
    { name: 'PDF arrays nested 200,000 deep', file: 'mang.pdf', make: () => nestedArrayPdf() },
    { name: 'PDF page tree 20,000 levels deep', file: 'cay.pdf', make: () => deepPageTreePdf() },
    {
      // The largest a page may paint (MAX_PAGE_IMAGE_PIXELS): an image and its soft mask.
      name: 'PDF page at the image budget (5,000² + 5,000 × 4,999 mask)',
      file: 'mat-na.pdf',
      make: () =>
        pdfPaintingImages([{ width: 5000, height: 5000, mask: { width: 5000, height: 4999 } }], {
          resources: 'indirect',
          viaForm: false,
          decodable: true,
        }),
      ocr: true,
    },
    {
      name: 'PNG declaring 100,000 × 100,000',
      file: 'anh.png',
      make: () => pngDeclaring(),
      ocr: true,
    },
    {
      name: 'JPEG declaring 65,000 × 65,000',
      file: 'anh.jpg',
      make: () => jpegDeclaring(),
      ocr: true,
    },
    {
      name: 'TIFF declaring 100,000 × 100,000',
      file: 'anh.tif',
      make: () => tiffDeclaring(),
      ocr: true,
    },
    ...ADVERSARIAL_TEXTS.map(([shape, build]) => ({
      name: `text: ${shape} (${fmt(n / 1000)}k chars)`,
      file: 'van-ban.txt',
      make: () => text(build(n)),
    })),
  ];
}

/** With --smoke: the baseline, one bomb the decoder stops, one image the OCR path refuses. */
const SMOKE_FILES = new Set(['bc.txt', 'bom.docx', 'anh.png']);

interface ChildResult {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  bytes: number;
  status: string;
  code: string | null;
}

async function runCase(dir: string, c: Case): Promise<ChildResult> {
  const path = join(dir, c.file);
  writeFileSync(path, await c.make());
  const child = join(import.meta.dirname, 'worst-child.ts');
  const args = ['--import', 'tsx', child, path, c.file, ...(c.ocr ? ['--ocr'] : [])];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
      maxBuffer: 1 << 20,
      // A case the limits fail to stop would otherwise hang the bench.
      timeout: 300_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
  } finally {
    rmSync(path, { force: true });
  }
}

async function runWorst(b: Bench): Promise<void> {
  const budget = FILE_WORST_CASE.toSeconds();
  b.out(
    `Each file in a fresh process through ingest's read path (read, decode, parse, rules, bounds; ` +
      `stores in memory). Per-file budget on AWS: ${budget} s (batch × timeout), ` +
      `${INGEST_MEMORY_MB} MB. "Lambda s" is the CPU time ÷ ${fmt(LAMBDA_CPU_SHARE, 2)} ` +
      `(the vCPU share of ${INGEST_MEMORY_MB} MB); wall time on this shared machine is noise.`,
  );
  b.out();
  b.row('case', 'size', 'outcome', 'CPU s', 'Lambda s', 'wall s', 'peak RSS');
  b.row('---', '---:', '---', '---:', '---:', '---:', '---:');
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-worst-'));
  try {
    for (const c of cases(b.quick).filter((c) => !b.smoke || SMOKE_FILES.has(c.file))) {
      const r = await runCase(dir, c);
      // A PDF's text is read under a wall-clock cap: stopped there, it took that long on Lambda too.
      const capped = r.code === 'file.pdfTooSlow' ? MAX_PDF_TOTAL_MS / 1000 : 0;
      const lambda = Math.max(r.cpuMs / 1000 / LAMBDA_CPU_SHARE, capped);
      const sec = b.figure(`${c.name}: Lambda seconds`, lambda, 's', { target: atMost(budget) });
      const rss = b.figure(`${c.name}: peak RSS`, r.maxRssMb, 'MB', {
        target: atMost(INGEST_MEMORY_MB),
      });
      const size = r.bytes >= 1e6 ? `${fmt(r.bytes / 1048576, 1)} MB` : `${fmt(r.bytes / 1024)} KB`;
      b.row(
        c.name,
        size,
        `${r.status}${r.code ? ` (${r.code})` : ''}`,
        fmt(r.cpuMs / 1000, 2),
        `${fmt(lambda, 1)}${sec.met ? '' : ' ✗'}`,
        fmt(r.wallMs / 1000, 2),
        `${fmt(r.maxRssMb)} MB${rss.met ? '' : ' ✗'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  b.out();
}

export const worstSection: BenchSection = {
  id: 'worst',
  title: 'Worst cases: the largest files allowed and the bombs the limits stop',
  run: runWorst,
};
