import { Worker } from 'node:worker_threads';
import {
  MAX_IMAGE_PIXELS,
  MAX_PDF_HEAP_MB,
  MAX_PDF_PAGES,
  MAX_PDF_TOTAL_MS,
  MAX_TEXT_CHARS,
} from './limits.js';

/**
 * What reading a PDF's text layer came to. pdf.js works through a page in microtasks, so no timer
 * of the thread running it gets a turn: a few kilobytes of nested forms kept it busy for minutes.
 * It therefore runs in a worker thread of its own, with a heap limit, and is terminated when
 * its time is up; the thread that waits stays free to notice.
 */
export type PdfTextAnswer =
  | { kind: 'ok'; pages: string[] }
  | { kind: 'encrypted' | 'damaged' | 'pageDamaged'; detail: string }
  | { kind: 'pages' | 'chars'; count: number }
  | { kind: 'slow' | 'memory' };

// Plain JavaScript, evaluated in the worker: it may use nothing but what workerData brings.
// A line break wherever the baseline moves, as a reader of the page sees it.
const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const send = (answer) => parentPort.postMessage(answer);
const detail = (e) => String((e && e.message) || e).slice(0, 300);
function textOf(content) {
  let text = '';
  let lastY;
  for (const item of content.items) {
    const y = item.transform ? item.transform[5] : undefined;
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 2 && !text.endsWith('\\n'))
      text += '\\n';
    text += item.str || '';
    if (item.hasEOL) text += '\\n';
    if (y !== undefined) lastY = y;
  }
  return text;
}
async function read() {
  const { getDocument } = await import(w.pdfjs);
  let doc;
  try {
    doc = await getDocument({
      data: w.bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true,
      verbosity: 0, isOffscreenCanvasSupported: false, isImageDecoderSupported: false,
      maxImageSize: w.maxImagePixels,
    }).promise;
  } catch (e) {
    return send({ kind: e && e.name === 'PasswordException' ? 'encrypted' : 'damaged', detail: detail(e) });
  }
  if (doc.numPages > w.maxPages) return send({ kind: 'pages', count: doc.numPages });
  const pages = [];
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    let text;
    try {
      const page = await doc.getPage(p);
      text = textOf(await page.getTextContent());
      page.cleanup();
    } catch (e) {
      return send({ kind: 'pageDamaged', detail: 'page ' + p + ': ' + detail(e) });
    }
    chars += text.length;
    if (chars > w.maxChars) return send({ kind: 'chars', count: chars });
    pages.push(text);
  }
  send({ kind: 'ok', pages });
}
read().catch((e) => send({ kind: 'damaged', detail: detail(e) }));
`;

/** pdf.js as a file URL the worker can import: beside the bundle on Lambda, node_modules here. */
const pdfjsUrl = () => import.meta.resolve('unpdf/pdfjs');

/** The text of each page, read in a worker bounded in time (MAX_PDF_TOTAL_MS) and heap. */
export function readPdfText(bytes: Uint8Array): Promise<PdfTextAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: {
        pdfjs: pdfjsUrl(),
        bytes,
        maxPages: MAX_PDF_PAGES,
        maxChars: MAX_TEXT_CHARS,
        maxImagePixels: MAX_IMAGE_PIXELS,
      },
      resourceLimits: { maxOldGenerationSizeMb: MAX_PDF_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      // pdf.js's own warnings stay in the worker.
      stdout: true,
      stderr: true,
    });
    let done = false;
    const settle = (answer: PdfTextAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ kind: 'slow' }), MAX_PDF_TOTAL_MS);
    worker.once('message', settle);
    worker.once('error', (e: NodeJS.ErrnoException) =>
      settle(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'memory' }
          : { kind: 'damaged', detail: e.message },
      ),
    );
    worker.once('exit', () => settle({ kind: 'damaged', detail: 'worker exited' }));
  });
}
