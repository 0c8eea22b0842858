import { BoundedWorker } from './bounded-worker.js';
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
  | { kind: 'ok'; pages: string[]; lines: (PdfLine | null)[][]; cells: (PdfCell[] | null)[][] }
  | { kind: 'encrypted' | 'damaged' | 'pageDamaged'; detail: string }
  | { kind: 'pages' | 'chars'; count: number }
  | { kind: 'slow' | 'memory' };

/**
 * Where each line of a page's text stands: [x0, y0, x1, y1, font size] in PDF points from the
 * page's top left, null for an empty line; one entry per line of the page's text.
 */
export type PdfLine = [number, number, number, number, number];

/**
 * A stretch of a line set apart from its neighbours by a gap wider than GAP_EM of the font
 * size: [x0, x1, text]. A line gets its stretches only when it has two or more (a table's row,
 * two columns typed side by side); null otherwise.
 */
export type PdfCell = [number, number, string];

/**
 * A gap between two pieces of one line at least this many font sizes wide cuts the line into
 * cells. A word space is about a quarter of the size, and justified text stretches it to half
 * or so; a table's cell margins (Word: 0.08 inch each side) leave 12 points or more between two
 * cells' text, which is about an em at the 11–14 pt reports are set in.
 */
export const GAP_EM = 0.8;

// Plain JavaScript, evaluated in the worker: it may use nothing but what workerData brings.
// A line break wherever the baseline moves, as a reader of the page sees it.
const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const send = (message) => parentPort.postMessage(message);
const detail = (e) => String((e && e.message) || e).slice(0, 300);
function textOf(content, view) {
  const top = view ? view[3] : 0;
  let text = '';
  let lastY;
  const lines = [];
  const cells = [];
  let cur = null;
  let segs = [];
  const cut = () => {
    lines.push(cur);
    cells.push(segs.length > 1 ? segs.map((g) => [g[0], g[1], g[2].trim()]) : null);
    cur = null;
    segs = [];
    text += '\\n';
  };
  for (const item of content.items) {
    const t = item.transform;
    const y = t ? t[5] : undefined;
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 2 && !text.endsWith('\\n'))
      cut();
    const str = item.str || '';
    text += str;
    const last = segs[segs.length - 1];
    if (t && str.trim()) {
      const size = Math.hypot(t[2], t[3]) || 0;
      const x0 = t[4];
      const x1 = t[4] + (item.width || 0);
      const y1 = top - t[5];
      const y0 = y1 - (item.height || size);
      cur = cur
        ? [Math.min(cur[0], x0), Math.min(cur[1], y0), Math.max(cur[2], x1), Math.max(cur[3], y1),
           Math.max(cur[4], size)]
        : [x0, y0, x1, y1, size];
      // A new cell where the gap from the last piece is wide for the larger of the two fonts.
      if (last && x0 - last[1] < w.gapEm * Math.max(size, last[3])) {
        last[1] = Math.max(last[1], x1);
        last[2] += str;
      } else segs.push([x0, x1, str, size]);
    } else if (last) last[2] += str;
    if (item.hasEOL) cut();
    if (y !== undefined) lastY = y;
  }
  lines.push(cur);
  cells.push(segs.length > 1 ? segs.map((g) => [g[0], g[1], g[2].trim()]) : null);
  return { text, lines, cells };
}
async function read(bytes) {
  const { getDocument } = await import(w.pdfjs);
  let doc;
  try {
    doc = await getDocument({
      data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true,
      verbosity: 0, isOffscreenCanvasSupported: false, isImageDecoderSupported: false,
      maxImageSize: w.maxImagePixels,
    }).promise;
  } catch (e) {
    return { kind: e && e.name === 'PasswordException' ? 'encrypted' : 'damaged', detail: detail(e) };
  }
  try {
    return await pagesOf(doc);
  } finally {
    await doc.destroy();
  }
}
async function pagesOf(doc) {
  if (doc.numPages > w.maxPages) return { kind: 'pages', count: doc.numPages };
  const pages = [];
  const lines = [];
  const cells = [];
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    let text;
    try {
      const page = await doc.getPage(p);
      const read = textOf(await page.getTextContent(), page.view);
      text = read.text;
      lines.push(read.lines);
      cells.push(read.cells);
      page.cleanup();
    } catch (e) {
      return { kind: 'pageDamaged', detail: 'page ' + p + ': ' + detail(e) };
    }
    chars += text.length;
    if (chars > w.maxChars) return { kind: 'chars', count: chars };
    pages.push(text);
  }
  return { kind: 'ok', pages, lines, cells };
}
// One file at a time: the thread stays warm (pdf.js loaded) for the next one.
parentPort.on('message', ({ id, bytes }) =>
  read(bytes)
    .catch((e) => ({ kind: 'damaged', detail: detail(e) }))
    .then((answer) => send({ id, answer })),
);
`;

/** pdf.js as a file URL the worker can import: beside the bundle on Lambda, node_modules here. */
const pdfjsUrl = () => import.meta.resolve('unpdf/pdfjs');

// The warm thread, kept between files (starting one and loading pdf.js costs more than reading
// a typical report); dropped and started afresh after any read that did not answer in time.
let reader: BoundedWorker<PdfTextAnswer> | undefined;

/** The text of each page, read in a worker bounded in time (MAX_PDF_TOTAL_MS) and heap. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfTextAnswer> {
  reader ??= new BoundedWorker<PdfTextAnswer>(
    SOURCE,
    () => ({
      pdfjs: pdfjsUrl(),
      maxPages: MAX_PDF_PAGES,
      maxChars: MAX_TEXT_CHARS,
      maxImagePixels: MAX_IMAGE_PIXELS,
      gapEm: GAP_EM,
    }),
    { heapMb: MAX_PDF_HEAP_MB, ms: MAX_PDF_TOTAL_MS },
  );
  const answer = await reader.read(bytes);
  // A thread that died on the file (not on its heap) was killed by what the file holds.
  return answer.kind === 'crashed' ? { kind: 'damaged', detail: answer.detail } : answer;
}
