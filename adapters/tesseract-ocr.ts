import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrLine, OcrPage, PageImage } from '../shared/ports/ocr-engine.js';
import { markTurn } from './exif-turn.js';
import { decoderProblem } from './image-problem.js';

export { damagedImage } from './image-problem.js';

const require = createRequire(import.meta.url);

/** Where the Vietnamese model lies: in node_modules locally, beside the bundle on Lambda. */
export function vieLangPath(): string {
  const dir = process.env.TONGHOP_OCR_LANG_PATH;
  if (dir) return dir;
  return (require('@tesseract.js-data/vie') as { langPath: string }).langPath;
}

/**
 * The model folder and the worker script, both files on this machine: tesseract.js would fetch a
 * model from a CDN for a missing or URL langPath, and the OCR function must never download.
 * (Its WebAssembly core needs no path in Node: the worker requires tesseract.js-core by name.)
 */
export function offlinePaths(): { langPath: string; workerPath: string } {
  const langPath = vieLangPath();
  const workerPath = require.resolve('tesseract.js/src/worker-script/node/index.js');
  for (const path of [langPath, workerPath])
    if (!isAbsolute(path) || !existsSync(path))
      throw new Error(`OCR file missing or not local: ${path}`);
  return { langPath, workerPath };
}

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBox;
}
interface TessLine {
  bbox: TessBox;
  words: TessWord[];
}
interface TessBlock {
  paragraphs: { lines: TessLine[] }[];
}

function linesOf(blocks: TessBlock[] | null): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines) {
        const words = line.words
          .filter((w) => w.text.trim())
          .map((w) => ({ text: w.text, confidence: w.confidence, box: { ...w.bbox } }));
        if (words.length) lines.push({ words, box: { ...line.bbox } });
      }
  return lines;
}

/**
 * tesseract.js's options for one reading. Deskew by Tesseract's own line gradient, or by the
 * rotation a first reading found (a part of the page read again is then on the same page); a turn
 * no mark can carry is the cropping rotateRadians. Tesseract's library reads a page as one block
 * (PSM 6) unless told to find columns first (PSM 3, automatic segmentation).
 */
function recognizeOptions(page: PageImage, turnMarked: boolean): Record<string, unknown> {
  const options: Record<string, unknown> =
    page.turn && !turnMarked
      ? { rotateRadians: (page.turn * Math.PI) / 180 }
      : page.deskew !== undefined
        ? { rotateRadians: page.deskew }
        : { rotateAuto: true };
  if (page.segmentation === 'columns') options.tessedit_pageseg_mode = '3';
  if (page.segmentation === 'line') options.tessedit_pageseg_mode = '7';
  const r = page.region;
  if (r) {
    const [left, top] = [Math.max(0, Math.round(r.x0)), Math.max(0, Math.round(r.y0))];
    options.rectangle = {
      left,
      top,
      width: Math.round(r.x1) - left,
      height: Math.round(r.y1) - top,
    };
  }
  return options;
}

/**
 * tesseract.js (Tesseract 5 compiled to WebAssembly) with the Vietnamese LSTM model read from disk:
 * nothing is downloaded. Workers start on first use, one per core up to `workers`, and are reused
 * for every page until `close()`.
 */
export class TesseractOcr implements OcrEngine {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private started = 0;
  private readonly max: number;

  /** `documentMs`: wall time one document's OCR may take (OCR_DOCUMENT_MS when not given). */
  constructor(opts: { workers?: number; documentMs?: number } = {}) {
    this.max = Math.max(1, opts.workers ?? availableParallelism());
    this.documentMs = opts.documentMs;
  }

  readonly documentMs?: number;

  private async acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.started < this.max) {
      this.started++;
      try {
        return await createWorker('vie', OEM.LSTM_ONLY, {
          ...offlinePaths(),
          cachePath: tmpdir(),
          cacheMethod: 'none',
          gzip: true,
          // Without a handler tesseract.js rethrows a worker's failure from its message listener,
          // where nothing can catch it: one damaged photo ended the process. The job's own
          // promise is rejected all the same, and recognize() decides what the failure means.
          errorHandler: () => undefined,
        });
      } catch (e) {
        this.started--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  /** A worker stopped mid-page is gone: a page waiting for a worker gets a fresh one. */
  private discard(worker: Worker): void {
    this.started--;
    worker.terminate().catch(() => undefined);
    const next = this.waiting.shift();
    if (next) this.acquire().then(next, () => this.waiting.unshift(next));
  }

  async recognize(page: PageImage, signal?: AbortSignal): Promise<OcrPage> {
    signal?.throwIfAborted();
    const marked = page.turn ? markTurn(page.image, page.turn) : null;
    const image = marked ?? page.image;
    const options = recognizeOptions(page, marked !== null);
    const worker = await this.acquire();
    // The document's time is up: the page's work stops with its worker (a terminated worker's
    // job never settles, hence the race), and the pool starts another when one is wanted.
    let stopped = false;
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        stopped = true;
        reject(new Error(`ocr of page ${page.page} stopped: the document's time is up`));
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    try {
      // A worker keeps parameters between pages: 0 lets Tesseract read the image's own resolution.
      const dpi = String(Math.round(page.dpi ?? 0));
      const read = worker
        .setParameters({ user_defined_dpi: dpi })
        .then(() => worker.recognize(Buffer.from(image), options, { text: false, blocks: true }));
      const result = await Promise.race([read, aborted]);
      const lines = linesOf(result.data.blocks as TessBlock[] | null);
      const deskew = (result.data as { rotateRadians?: number }).rotateRadians;
      return { page: page.page, lines, ...(deskew !== undefined ? { deskew } : {}) };
    } catch (e) {
      if (stopped) throw e;
      throw decoderProblem(e, page.page) ?? e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (stopped) this.discard(worker);
      else this.release(worker);
    }
  }

  async close(): Promise<void> {
    const workers = this.idle.splice(0);
    this.started -= workers.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
