import { fileURLToPath } from 'node:url';
import { type Bounded, BoundedWorker } from '../bounded-worker.js';
import {
  MAX_DOC_HEAP_MB,
  MAX_DOC_LIST_BYTES,
  MAX_DOC_TOTAL_MS,
  MAX_TEXT_CHARS,
} from '../limits.js';
import type { DocListBytes } from './doc-lists.js';

/**
 * The stories of a Word 97–2003 file as word-extractor finds them, before any cleaning: Word's
 * own marks are kept so that the model can be built from them (doc-model.ts): "\r" ends a
 * paragraph, "\x07" a table cell, "\n" a table row (word-extractor writes it over the row-end
 * mark), CELL_PARAGRAPH a paragraph inside a cell, "\x02" a footnote mark, "\x13…\x14…\x15" a
 * field (instruction, result), "\x0b" a line break, "\x0c" a page break.
 */
export interface DocStories {
  body: string;
  footnotes: string;
  endnotes: string;
  headers: string;
  footers: string;
  textboxes: string;
}

/** The end of a paragraph that Word marks as inside a table (sprmPFInTable): a private-use character. */
export const CELL_PARAGRAPH = '\uE000';

export type DocAnswer =
  | { kind: 'ok'; stories: DocStories; lists: DocListBytes }
  | { kind: 'encrypted' | 'damaged'; detail: string }
  | { kind: 'chars'; count: number };

// Plain JavaScript, evaluated in the worker. word-extractor's OLE extractor is used as it is; a
// subclass only marks the paragraphs inside tables (the library turns cell marks into tabs and
// cannot tell a cell's second paragraph from a body paragraph) and hands back the raw stories.
const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Extractor = require(w.extractor);
const BufferReader = require(w.bufferReader);
const AllocationTable = require(w.allocationTable);
// A chain of sectors visits each sector at most once: one longer than the table loops. The
// library follows it until memory runs out; here it stops at once (the heap limit stays behind).
AllocationTable.prototype.getSecIdChain = function (start) {
  const secIds = [];
  for (let secId = start; secId > -1; secId = this._table[secId]) {
    if (secIds.length >= this._table.length) throw new Error('sector chain loops');
    secIds.push(secId);
  }
  return secIds;
};
const IN_TABLE = new Set([0x2416, 0x244b]);
const detail = (e) => String((e && e.message) || e).slice(0, 300);
const SIZES = [1, 1, 2, 4, 2, 2, -1, 3];
function sprms(grpprl, offset, each) {
  while (offset < grpprl.length - 1) {
    const sprm = grpprl.readUInt16LE(offset);
    offset += 2;
    each(sprm, offset);
    const size = SIZES[(sprm >> 13) & 7];
    offset += size >= 0 ? size : grpprl.readUInt8(offset) + 1;
  }
}
// Paragraph marks: a paragraph's end, a cell's end (its last paragraph's).
const MARK = /[\\r\\x07]/;
// The FIB's fcPlfLst/lcbPlfLst and fcPlfLfo/lcbPlfLfo ([MS-DOC] 2.5.6): the list tables in the table
// stream. The LVLs follow the PlfLst outside lcbPlfLst, so its bytes run to the stream's end (capped).
function listTables(buffer, table) {
  const none = { lst: new Uint8Array(0), lfo: new Uint8Array(0), stsh: new Uint8Array(0) };
  if (buffer.length < 0x2f2 || buffer.readUInt16LE(0x98) < 75) return none;
  const fcLst = buffer.readUInt32LE(0x2e2);
  const lcbLst = buffer.readUInt32LE(0x2e6);
  const fcLfo = buffer.readUInt32LE(0x2ea);
  const lcbLfo = buffer.readUInt32LE(0x2ee);
  if (!lcbLst || !lcbLfo || fcLst >= table.length || fcLfo >= table.length) return none;
  // Copies, so that only these bytes cross to the main thread.
  const copy = (at, n = w.maxListBytes) =>
    Uint8Array.from(table.subarray(at, Math.min(table.length, at + Math.min(n, w.maxListBytes))));
  // The style sheet (fcStshf/lcbStshf): a paragraph style may carry the numbering (Heading 1).
  const stsh = copy(buffer.readUInt32LE(0xa2), buffer.readUInt32LE(0xa6));
  return { lst: copy(fcLst), lfo: copy(fcLfo), stsh };
}
class RawExtractor extends Extractor {
  extractWordDocument(document, buffer) {
    // A stream without Word's FIB magic is no Word 97 document: its flag bits mean nothing.
    if (buffer.length < 12 || buffer.readUInt16LE(0) !== 0xa5ec)
      return Promise.reject(new Error('WordDocument stream without the FIB magic 0xA5EC'));
    if ((buffer.readUInt16LE(0xa) & 0x0100) !== 0)
      return Promise.reject(Object.assign(new Error('encrypted'), { encrypted: true }));
    return super.extractWordDocument(document, buffer);
  }
  writeParagraphProperties(buffer, tableBuffer) {
    super.writeParagraphProperties(buffer, tableBuffer);
    const ends = new Set();
    const props = new Map();
    const fc = buffer.readUInt32LE(0x0102);
    const lcb = buffer.readUInt32LE(0x0106);
    const count = (lcb - 4) / 8;
    const plc = tableBuffer.slice(fc, fc + lcb);
    for (let i = 0; i < count; i++) {
      const block = plc.readUInt32LE((count + 1) * 4 + i * 4);
      const fkp = buffer.slice(block * 512, (block + 1) * 512);
      if (fkp.length < 512) continue;
      const crun = fkp.readUInt8(511);
      for (let j = 0; j < crun; j++) {
        try {
          const next = fkp.readUInt32LE((j + 1) * 4);
          const at = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
          const cb = fkp.readUInt8(at);
          const papx = cb !== 0
            ? fkp.slice(at + 1, at + 2 * cb)
            : fkp.slice(at + 2, at + 2 + 2 * fkp.readUInt8(at + 1));
          let ilfo = -1;
          let ilvl = -1;
          sprms(papx, 2, (sprm, o) => {
            if (IN_TABLE.has(sprm) && papx[o] === 1) ends.add(next);
            // sprmPIlfo, sprmPIlvl: the paragraph's list (1-based LFO) and level.
            if (sprm === 0x460b) ilfo = papx.readUInt16LE(o);
            if (sprm === 0x260a) ilvl = papx.readUInt8(o);
          });
          props.set(next, [papx.readUInt16LE(0), ilfo, ilvl]);
        } catch {}
      }
    }
    // Four numbers a paragraph, in a typed array: a file of a million empty paragraphs stays small.
    let paragraphs = new Int32Array(4096);
    let n = 0;
    const text = this._boundaries.ccpText;
    for (const piece of this._pieces) {
      for (let i = piece.text.search(MARK); i >= 0 && i < piece.text.length; i++) {
        if (!MARK.test(piece.text[i])) continue;
        const p = props.get(piece.startFilePos + (i + 1) * piece.bpc);
        const cp = piece.startCp + i;
        if (!p || p[1] === 0 || cp >= text) continue;
        if (n + 4 > paragraphs.length) {
          const grown = new Int32Array(paragraphs.length * 2);
          grown.set(paragraphs);
          paragraphs = grown;
        }
        paragraphs.set([cp, p[0], p[1], p[2]], n);
        n += 4;
      }
      piece.text = piece.text.replace(/\\r/g, (m, i) =>
        ends.has(piece.startFilePos + (i + 1) * piece.bpc) ? '${CELL_PARAGRAPH}' : m);
    }
    this._lists = { ...listTables(buffer, tableBuffer), paragraphs: paragraphs.slice(0, n) };
  }
  buildDocument() {
    let chars = 0;
    for (const p of this._pieces) chars += p.text.length;
    if (chars > w.maxChars) return { kind: 'chars', count: chars };
    const all = this._pieces.map((p) => p.text).join('');
    const b = this._boundaries;
    let start = 0;
    const take = (n) => {
      const s = n > 0 ? all.slice(start, start + n) : '';
      start += n > 0 ? n : 0;
      return s;
    };
    const body = take(b.ccpText);
    const footnotes = take(b.ccpFtn);
    take(b.ccpHdd);
    take(b.ccpAtn);
    const endnotes = take(b.ccpEdn);
    const textboxes = take(b.ccpTxbx);
    const tagged = (type) => this._taggedHeaders.filter((s) => s.type === type).map((s) => s.text).join('\\r');
    const stories = { body, footnotes, endnotes, headers: tagged('headers'), footers: tagged('footers'), textboxes };
    const empty = new Uint8Array(0);
    const lists = this._lists || { lst: empty, lfo: empty, stsh: empty, paragraphs: new Int32Array(0) };
    return { kind: 'ok', stories, lists };
  }
}
async function read(bytes) {
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return await new RawExtractor().extract(reader);
  } catch (e) {
    return { kind: e && e.encrypted ? 'encrypted' : 'damaged', detail: detail(e) };
  }
}
parentPort.on('message', ({ id, bytes }) =>
  read(bytes)
    .catch((e) => ({ kind: 'damaged', detail: detail(e) }))
    .then((answer) => parentPort.postMessage({ id, answer })),
);
`;

/** word-extractor's files as paths the worker can require: beside the bundle on Lambda, node_modules here. */
const libraryPath = (file: string) =>
  fileURLToPath(import.meta.resolve(`word-extractor/lib/${file}`));

const worker = new BoundedWorker<DocAnswer>(
  SOURCE,
  () => ({
    extractor: libraryPath('word-ole-extractor.js'),
    bufferReader: libraryPath('buffer-reader.js'),
    allocationTable: libraryPath('ole-allocation-table.js'),
    maxChars: MAX_TEXT_CHARS * 2,
    maxListBytes: MAX_DOC_LIST_BYTES,
  }),
  { heapMb: MAX_DOC_HEAP_MB, ms: MAX_DOC_TOTAL_MS },
);

/** The raw stories of a .doc, read in a worker bounded in time (MAX_DOC_TOTAL_MS) and heap. */
export function readDocStories(bytes: Uint8Array): Promise<Bounded<DocAnswer>> {
  return worker.read(bytes);
}
