import { SaxesParser } from 'saxes';
import { XmlRefused } from '../docx/xml-tree.js';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '../limits.js';

// What a worksheet's XML costs, counted by a streaming pass before exceljs builds anything: its
// rows, its cells and the area of its merged ranges. exceljs makes one object for every cell a
// merge covers, so a single <mergeCell ref="A1:XFD1048576"/> in a few bytes would be billions.

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetCensus {
  rows: number;
  cells: number;
  merges: Range[];
  /** Formula cells whose saved result is 0 ("B7"): exceljs reads that result as none. */
  zeros: Set<string>;
}

/** A sheet over a bound: the caller says which, in Vietnamese. */
export class SheetTooLarge extends Error {
  override readonly name = 'SheetTooLarge';
  constructor(readonly what: 'rows' | 'cells' | 'merges') {
    super(`sheet over its ${what} bound`);
  }
}

/** "AB12" → [row 12, column 28]; null when it is no cell address. */
export function addressOf(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

export function rangeOf(ref: string): Range | null {
  const [a, b = a] = ref.split(':');
  const from = addressOf(a ?? '');
  const to = addressOf(b ?? '');
  if (!from || !to) return null;
  return {
    top: Math.min(from[0], to[0]),
    left: Math.min(from[1], to[1]),
    bottom: Math.max(from[0], to[0]),
    right: Math.max(from[1], to[1]),
  };
}

const area = (r: Range) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Counts one worksheet part; throws SheetTooLarge over a bound, XmlRefused on a DOCTYPE. */
export function censusOf(xml: string): SheetCensus {
  const census: SheetCensus = { rows: 0, cells: 0, merges: [], zeros: new Set() };
  let merged = 0;
  let cell: { ref: string; type: string; formula: boolean; value: string } | null = null;
  let inValue = false;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new XmlRefused('DOCTYPE in a worksheet');
  });
  parser.on('opentag', (node) => {
    const local = node.name.slice(node.name.indexOf(':') + 1);
    if (local === 'row' && ++census.rows > MAX_SHEET_ROWS) throw new SheetTooLarge('rows');
    else if (local === 'c') {
      if (++census.cells > MAX_SHEET_CELLS) throw new SheetTooLarge('cells');
      const type = String(node.attributes.t ?? 'n');
      cell = { ref: String(node.attributes.r ?? ''), type, formula: false, value: '' };
    } else if (local === 'f' && cell) cell.formula = true;
    else if (local === 'v' && cell) inValue = true;
    else if (local === 'mergeCell') {
      const range = rangeOf(String(node.attributes.ref ?? ''));
      if (!range) return;
      merged += area(range);
      // A form merges a title over its width, a header over two rows: never a sheet's worth.
      if (merged > MAX_SHEET_CELLS) throw new SheetTooLarge('merges');
      census.merges.push(range);
    }
  });
  parser.on('text', (text) => {
    if (inValue && cell && cell.value.length < 64) cell.value += text;
  });
  parser.on('closetag', (node) => {
    const local = node.name.slice(node.name.indexOf(':') + 1);
    if (local === 'v') inValue = false;
    else if (local === 'c' && cell) {
      const zero =
        cell.formula && cell.type === 'n' && cell.value.trim() !== '' && Number(cell.value) === 0;
      if (zero && cell.ref) census.zeros.add(cell.ref.toUpperCase());
      cell = null;
    }
  });
  parser.write(xml).close();
  return census;
}
