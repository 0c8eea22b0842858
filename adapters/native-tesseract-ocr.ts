import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Box, OcrEngine, OcrLine, OcrPage, PageImage } from '../shared/ports/ocr-engine.js';
import { decoderProblem } from './image-problem.js';
import { cropPnm, encodePnm, parsePnm, turnPnm } from './pnm-image.js';
import { linesOfTsv } from './tesseract-tsv.js';

// Tesseract's own command-line program (Debian's tesseract-ocr and tesseract-ocr-vie, or the same
// packages for arm64 in the OCR function's layer) behind the same port as tesseract.js: about half
// the CPU a page (docs/performance.md). One process a page, run with an argument array (no
// shell), its image in a file of its own, bounded in time and memory; its TSV output gives the
// lines, boxes and word confidences the scan rules read.

export interface NativeTesseractOptions {
  /** The program: TONGHOP_TESSERACT, else `tesseract` on the PATH. */
  binary?: string;
  /** Folders of its shared libraries (the layer's), the child's LD_LIBRARY_PATH only. */
  libraryPath?: string;
  /**
   * The dynamic loader that runs the program with the libraries of `libraryPath` (the layer's own
   * glibc, newer than the Lambda runtime's): TONGHOP_TESSERACT_LOADER. Unset: the system's.
   */
  loader?: string;
  /** Folder of the models (vie.traineddata), the child's TESSDATA_PREFIX. */
  tessdata?: string;
  /** Pages read at once, each its own process (one by default per core). */
  workers?: number;
  /** Wall time one document may take (OCR_DOCUMENT_MS when not given). */
  documentMs?: number;
  /** Wall time one page may take before its process is stopped. */
  pageMs?: number;
  /** Resident memory one page's process may reach before it is stopped. */
  maxRssMb?: number;
}

export const PAGE_MS = 120_000;
export const MAX_RSS_MB = 1024;
/** The TSV of a dense page is about 100 KB; far more is no reading of a page. */
const MAX_OUTPUT = 32 << 20;
const MAX_STDERR = 16 << 10;

/** The options the environment sets (the OCR function's layer, a machine's own install). */
export function nativeOptionsFromEnv(env = process.env): NativeTesseractOptions {
  return {
    ...(env.TONGHOP_TESSERACT ? { binary: env.TONGHOP_TESSERACT } : {}),
    ...(env.TONGHOP_TESSERACT_LIBS ? { libraryPath: env.TONGHOP_TESSERACT_LIBS } : {}),
    ...(env.TONGHOP_TESSERACT_LOADER ? { loader: env.TONGHOP_TESSERACT_LOADER } : {}),
    ...(env.TESSDATA_PREFIX ? { tessdata: env.TESSDATA_PREFIX } : {}),
  };
}

/** Tesseract's arguments for one reading: the image file, TSV on stdout, the port's segmentation. */
export function tesseractArgs(file: string, page: PageImage): string[] {
  const dpi = page.dpi ? ['--dpi', String(Math.round(page.dpi))] : [];
  // tesseract.js reads a page as one block (PSM 6) by default; `columns` finds them first (PSM 3),
  // `line` is one line of text (PSM 7).
  const psm = { block: '6', columns: '3', line: '7' }[page.segmentation ?? 'block'];
  return [file, 'stdout', '-l', 'vie', '--oem', '1', '--psm', psm, ...dpi, 'tsv'];
}

/** What one run reads: an image file's bytes, and where on the page its boxes lie. */
interface Input {
  bytes: Uint8Array;
  offset: Box;
  /** Only lines whose middle lies in this box are the region's (a region not cut out). */
  keep?: Box;
}

const ORIGIN: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };

/**
 * The image as Tesseract gets it. The cleaner's PGM or PPM is turned and cut here (the program
 * has no rotation or rectangle); another format is read whole, its region's lines kept after. A
 * turn asked of an image that is not PNM cannot be done: null (the page reads as nothing turned).
 */
export function inputOf(page: PageImage): Input | null {
  const pnm = parsePnm(page.image);
  if (!pnm) {
    if (page.turn) return null;
    return { bytes: page.image, offset: ORIGIN, ...(page.region ? { keep: page.region } : {}) };
  }
  const upright = page.turn ? turnPnm(pnm, page.turn) : pnm;
  if (!page.region) return { bytes: page.turn ? encodePnm(upright) : page.image, offset: ORIGIN };
  const cut = cropPnm(upright, page.region);
  return cut ? { bytes: encodePnm(cut.image), offset: cut.at } : null;
}

const within = (l: OcrLine, box: Box) => {
  const middle = (l.box.y0 + l.box.y1) / 2;
  return middle >= box.y0 && middle <= box.y1;
};

/** Resident memory of a process in MB from /proc (Linux); null where it cannot be read. */
async function rssMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status && /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

export class NativeTesseractOcr implements OcrEngine {
  readonly documentMs?: number;
  private readonly max: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly opts: NativeTesseractOptions = {}) {
    this.documentMs = opts.documentMs;
    this.max = Math.max(1, opts.workers ?? availableParallelism());
  }

  private env(): NodeJS.ProcessEnv {
    const { libraryPath, tessdata } = this.opts;
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // One thread a page: pages run side by side, and Lambda's one vCPU gains nothing from more.
      OMP_THREAD_LIMIT: '1',
      ...(libraryPath ? { LD_LIBRARY_PATH: libraryPath } : {}),
      ...(tessdata ? { TESSDATA_PREFIX: tessdata } : {}),
    };
  }

  /** Why the program cannot read Vietnamese here (missing, no vie model); null when it can. */
  async unavailable(): Promise<string | null> {
    try {
      const { code, stdout } = await this.run(['--list-langs'], 10_000);
      if (code !== 0) return `${this.binary} --list-langs exited ${code}`;
      return /^vie$/m.test(stdout) ? null : `${this.binary} has no Vietnamese model (vie)`;
    } catch (e) {
      return `${this.binary} does not run: ${String((e as Error)?.message ?? e)}`;
    }
  }

  private get binary(): string {
    return this.opts.binary ?? 'tesseract';
  }

  /** Runs the program with `args`, stopped at `ms`, at the memory bound, or when `signal` aborts. */
  private run(
    args: string[],
    ms: number,
    signal?: AbortSignal,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const { loader, libraryPath } = this.opts;
      const [command, argv] = loader
        ? [loader, [...(libraryPath ? ['--library-path', libraryPath] : []), this.binary, ...args]]
        : [this.binary, args];
      const child = spawn(command, argv, {
        env: this.env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      let [outBytes, err] = [0, ''];
      let stop: Error | null = null;
      const kill = (why: Error) => {
        stop ??= why;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(() => kill(new Error(`tesseract took over ${ms} ms`)), ms);
      const maxRss = this.opts.maxRssMb ?? MAX_RSS_MB;
      const watch = setInterval(async () => {
        const mb = child.pid ? await rssMb(child.pid) : null;
        if (mb !== null && mb > maxRss) kill(new Error(`tesseract used over ${maxRss} MB`));
      }, 100);
      const onAbort = () => kill(new Error("ocr stopped: the document's time is up"));
      signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (d: Buffer) => {
        outBytes += d.length;
        if (outBytes > MAX_OUTPUT) kill(new Error('tesseract wrote more than a page holds'));
        else out.push(d);
      });
      child.stderr.on('data', (d: Buffer) => {
        if (err.length < MAX_STDERR) err += d.toString('utf8');
      });
      const done = () => {
        clearTimeout(timer);
        clearInterval(watch);
        signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (e) => {
        done();
        reject(e);
      });
      child.on('close', (code) => {
        done();
        if (stop) reject(stop);
        else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
      });
    });
  }

  private async slot(): Promise<() => void> {
    if (this.running >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    return () => {
      this.running--;
      this.waiting.shift()?.();
    };
  }

  async recognize(page: PageImage, signal?: AbortSignal): Promise<OcrPage> {
    signal?.throwIfAborted();
    const input = inputOf(page);
    if (!input) return { page: page.page, lines: [] };
    const release = await this.slot();
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-ocr-'));
    try {
      signal?.throwIfAborted();
      const file = join(dir, 'page');
      await writeFile(file, input.bytes);
      const run = await this.run(tesseractArgs(file, page), this.opts.pageMs ?? PAGE_MS, signal);
      if (run.code !== 0)
        throw (
          decoderProblem(run.stderr, page.page) ??
          new Error(`tesseract exited ${run.code}: ${run.stderr.slice(0, 300)}`)
        );
      const lines = linesOfTsv(run.stdout, input.offset);
      return {
        page: page.page,
        lines: input.keep ? lines.filter((l) => within(l, input.keep!)) : lines,
      };
    } finally {
      release();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Nothing is kept between pages: a process a page. */
  async close(): Promise<void> {}
}
