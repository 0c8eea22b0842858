import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import leven from 'leven';
import { scanEngine } from '../adapters/scan-engine.js';
import { TesseractOcr } from '../adapters/tesseract-ocr.js';
import { generatedSet } from '../scripts/generated-score.js';
import { damageImage, rasterise, scanPdf } from '../scripts/scan-damage.js';
import { readUpload } from '../shared/ocr/read-upload.js';
import { fold } from '../shared/text/fold.js';
import { atMost, type Bench, type BenchSection } from './bench.js';
import { fmt } from './format.js';

/** The body of a report (from "Kính gửi" to "Trên đây"), one column, words spaced once: what is compared. */
function body(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const f = fold(flat);
  const from = Math.max(0, f.indexOf('kinh gui'));
  const to = f.indexOf('tren day');
  return flat.slice(from, to > from ? to : undefined);
}

/** 1 − edit distance / length of the known text, over the bodies. */
const charAccuracy = (truth: string, read: string) =>
  1 - leven(body(truth), body(read)) / body(truth).length;

interface Page {
  text: string;
  png: Buffer;
}

/**
 * With --smoke, the example photo of a report and the example scanned PDF instead of generated
 * pages: rendering and damaging pages needs poppler and ImageMagick, which CI does not install.
 */
function smokePages(): { set: Page[]; pdf: Buffer } {
  const examples = join(import.meta.dirname, '..', 'examples');
  const text = readFileSync(join(examples, 'sources', 'phuong-cua-lo-anh-chup.txt'), 'utf8');
  const png = readFileSync(join(examples, 'reports', 'phuong-cua-lo-anh-chup.jpg'));
  const pdf = readFileSync(join(examples, 'reports', 'bao-cao-scan-khong-co-chu.pdf'));
  return { set: [{ text, png }], pdf };
}

async function pages(count: number): Promise<Page[]> {
  const out: Page[] = [];
  for (const g of generatedSet(count, 16)) {
    const [png] = await rasterise(g.text, 300);
    out.push({ text: g.text, png: damageImage(png!, { skew: 0.7, quality: 88 }).bytes });
  }
  return out;
}

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

/** CPU seconds of this process's finished children (/proc/self/stat cutime + cstime; Linux). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * The upload path and the engine alone with native Tesseract (TONGHOP_OCR_ENGINE=native, a
 * process a page): CPU of this process and of its children. Null where the program is missing.
 */
async function nativePath(set: Page[]): Promise<{ path: EngineRun; alone: number } | null> {
  const { NativeTesseractOcr } = await import('../adapters/native-tesseract-ocr.js');
  const native = new NativeTesseractOcr({ workers: 1 });
  if (await native.unavailable()) return null;
  const cpu = () => cpuSeconds({ user: 0, system: 0 }) + childCpuSeconds();
  let t0 = cpu();
  for (const p of set) await native.recognize({ page: 1, image: p.png, dpi: 300 });
  const alone = (cpu() - t0) / set.length;
  const saved = process.env.TONGHOP_OCR_ENGINE;
  process.env.TONGHOP_OCR_ENGINE = 'native';
  const ocr = scanEngine({ workers: 1 });
  try {
    const accuracies: number[] = [];
    t0 = cpu();
    for (const [i, p] of set.entries()) {
      const read = await readUpload(`p${i}.jpg`, p.png, ocr);
      accuracies.push(charAccuracy(p.text, read.kind === 'text' ? read.text : ''));
    }
    return { path: { cpuPerPage: (cpu() - t0) / set.length, rssMb: 0, accuracies }, alone };
  } finally {
    await ocr.close();
    if (saved === undefined) delete process.env.TONGHOP_OCR_ENGINE;
    else process.env.TONGHOP_OCR_ENGINE = saved;
  }
}

async function tesseractJs(b: Bench, set: Page[]): Promise<EngineRun> {
  const ocr = scanEngine({ workers: 1 });
  const accuracies: number[] = [];
  // The model loads once per worker: not counted (with --smoke it is, to read one page less).
  if (!b.smoke) await ocr.recognize({ page: 1, image: set[0]!.png });
  const cpu = process.cpuUsage();
  for (const [i, p] of set.entries()) {
    const read = await readUpload(`p${i}.jpg`, p.png, ocr);
    accuracies.push(charAccuracy(p.text, read.kind === 'text' ? read.text : ''));
  }
  const cpuPerPage = cpuSeconds(cpu) / set.length;
  await ocr.close();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  b.figure('tesseract.js CPU per page', cpuPerPage, 's');
  b.figure('tesseract.js peak RSS (process)', rssMb, 'MB');
  return { cpuPerPage, rssMb, accuracies };
}

/**
 * Tesseract alone (tesseract.js, one worker, the model already loaded): the engine against
 * native Tesseract, without the page cleaning and second readings of the upload path.
 */
async function tesseractJsEngine(b: Bench, set: Page[]): Promise<number> {
  const ocr = new TesseractOcr({ workers: 1 });
  try {
    await ocr.recognize({ page: 1, image: set[0]!.png });
    const cpu = process.cpuUsage();
    for (const p of set) await ocr.recognize({ page: 1, image: p.png, dpi: 300 });
    const perPage = cpuSeconds(cpu) / set.length;
    return b.figure('tesseract.js engine alone, CPU per page', perPage, 's').value;
  } finally {
    await ocr.close();
  }
}

interface EngineRun {
  cpuPerPage: number;
  rssMb: number;
  accuracies: number[];
}

/** Debian's tesseract on the same pages, one thread, one page after another; null when not installed. */
function nativeTesseract(set: Page[]): EngineRun | null {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.status !== 0 || !langs.stdout.includes('vie')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-bench-ocr-'));
  try {
    let cpu = 0;
    let rssMb = 0;
    const accuracies = set.map((p, i) => {
      const file = join(dir, `p${i}.jpg`);
      writeFileSync(file, p.png);
      const run = spawnSync(
        '/usr/bin/time',
        ['-f', '%U %S %M', 'tesseract', file, '-', '-l', 'vie', '--dpi', '300'],
        {
          encoding: 'utf8',
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        },
      );
      const [user, sys, kb] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      cpu += (user ?? 0) + (sys ?? 0);
      rssMb = Math.max(rssMb, (kb ?? 0) / 1024);
      return charAccuracy(p.text, run.stdout);
    });
    return { cpuPerPage: cpu / set.length, rssMb, accuracies };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 10-page scanned PDF read whole through the upload path, on every core: wall time. */
async function tenPages(b: Bench, pdf: Buffer): Promise<void> {
  const ocr = scanEngine({ workers: b.smoke ? 1 : undefined });
  const t0 = performance.now();
  const read = await readUpload('scan.pdf', pdf, ocr);
  const seconds = (performance.now() - t0) / 1000;
  await ocr.close();
  const pagesRead = read.kind === 'text' ? (read.scan?.scannedPages.length ?? 0) : 0;
  const f = b.figure(
    `${pagesRead}-page 300 dpi scan, wall time (all cores, models loading included)`,
    seconds,
    's',
    {
      target: atMost(60),
    },
  );
  b.out(`${f.name}: ${b.show(f, 1)}.`);
}

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);

/** OCR: tesseract.js (the engine tonghop ships) beside Debian's native tesseract, on the same pages. */
export const ocrSection: BenchSection = {
  id: 'ocr',
  title:
    'OCR of 300 dpi pages of generated reports (JPEG, 0.7° skew): tesseract.js beside native tesseract',
  async run(b) {
    const smoke = b.smoke ? smokePages() : null;
    const set = smoke?.set ?? (await pages(b.quick ? 2 : 10));
    const js = await tesseractJs(b, set);
    const engine = await tesseractJsEngine(b, set);
    const native = nativeTesseract(set);
    b.out('| engine | CPU s per page (one core) | peak memory | character accuracy |');
    b.out('|---|---:|---:|---:|');
    b.row(
      'tesseract.js 7 (vie, LSTM), the upload path',
      fmt(js.cpuPerPage, 2),
      `${fmt(js.rssMb)} MB (process)`,
      `${fmt(100 * mean(js.accuracies), 2)} %`,
    );
    b.row('tesseract.js 7, Tesseract alone (no cleaning)', fmt(engine, 2), '', '');
    b.figure('tesseract.js character accuracy', 100 * mean(js.accuracies), '%');
    if (native) {
      b.row(
        'native tesseract (Debian, vie)',
        fmt(native.cpuPerPage, 2),
        `${fmt(native.rssMb)} MB`,
        `${fmt(100 * mean(native.accuracies), 2)} %`,
      );
      b.figure('native tesseract CPU per page', native.cpuPerPage, 's');
      // The engines compared alone: the upload path's row also holds the page cleaning (sharp) and
      // the second readings, which native Tesseract would need as much.
      const ratio = b.figure(
        'tesseract.js ÷ native CPU per page',
        engine / native.cpuPerPage,
        '×',
        {
          target: atMost(1.3),
        },
      );
      b.out(`tesseract.js ÷ native CPU per page: ${b.show(ratio, 2)}.`);
      b.figure('native tesseract character accuracy', 100 * mean(native.accuracies), '%');
    } else b.row('native tesseract (Debian, vie)', 'absent', 'absent', 'absent (not installed)');
    const viaPort = native ? await nativePath(set) : null;
    if (native && viaPort) {
      b.row(
        'native tesseract behind the port (TONGHOP_OCR_ENGINE=native), the upload path',
        fmt(viaPort.path.cpuPerPage, 2),
        '',
        `${fmt(100 * mean(viaPort.path.accuracies), 2)} %`,
      );
      b.row('native tesseract behind the port, Tesseract alone', fmt(viaPort.alone, 2), '', '');
      b.figure('native upload path CPU per page', viaPort.path.cpuPerPage, 's');
      b.figure('native upload path character accuracy', 100 * mean(viaPort.path.accuracies), '%');
      const nativeRatio = b.figure(
        'native engine behind the port ÷ native CPU per page',
        viaPort.alone / native.cpuPerPage,
        '×',
        { target: atMost(1.3) },
      );
      b.out(`native engine behind the port ÷ native CPU per page: ${b.show(nativeRatio, 2)}.`);
      b.out(
        `upload path, native ÷ tesseract.js CPU per page: ${fmt(viaPort.path.cpuPerPage / js.cpuPerPage, 2)} ×.`,
      );
    }
    b.out();
    await tenPages(
      b,
      smoke?.pdf ?? (await scanPdf(set.slice(0, b.quick ? 2 : 10).map((p) => p.png))),
    );
  },
};
