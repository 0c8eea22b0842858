import type { Cell, Document, Row, Table } from '../schemas/document.js';
import type { Indicator, Section } from '../schemas/report.js';
import { convertLegacy, type LegacyEncoding } from '../text/legacy-encoding.js';
import type { Line } from './lines.js';
import { modelHeadings } from './model-sections.js';
import { sectionsAtHeadings } from './sections.js';
import { figureTableOf, tableFigures } from './table-figures.js';

// What the reader takes from a document's structure rather than from its lines: the top-level
// sections as Word numbered or formatted them, and the figures of its tables row by row.

/**
 * Sections from the structure when it names at least two: Word's numbering or outline levels
 * always, formatting alone only when the lines' numerals found fewer than two (`fromText`).
 */
export function structuredSections(
  doc: Document,
  lines: Line[],
  bodyStart: number,
  fromText: Section[],
): Section[] {
  const from = lines[bodyStart]?.index ?? 0;
  const found = modelHeadings(doc, from);
  if (!found || found.headings.length < 2) return fromText;
  // A Word list restarted in every part ("1. Mục đích", "2. Yêu cầu" under "MỤC ĐÍCH, YÊU CẦU")
  // numbers items, not parts: all of it inside one part the lines found says so.
  if (insideOnePart(found.headings, headingIndices(lines, bodyStart, fromText))) return fromText;
  // Formatting alone yields to the lines' numerals, unless it finds more parts, those included
  // (headings in capitals among others set only in a larger font).
  const seen = new Set(found.headings.map((h) => h.text));
  const more =
    found.headings.length > fromText.length && fromText.every((s) => seen.has(s.heading));
  if (found.byFormat && fromText.length >= 2 && !more) return fromText;
  const sections = sectionsAtHeadings(lines, found.headings);
  return sections.length >= 2 ? sections : fromText;
}

/** The line index of each section's heading, in order (-1 where it is not found). */
function headingIndices(lines: Line[], bodyStart: number, sections: Section[]): number[] {
  const out: number[] = [];
  let i = bodyStart;
  for (const s of sections) {
    while (i < lines.length && !s.heading.startsWith(lines[i]!.text)) i++;
    out.push(i < lines.length ? lines[i]!.index : -1);
    i++;
  }
  return out;
}

/** Whether every heading lies between the same two consecutive part headings. */
function insideOnePart(headings: ReadonlyArray<{ index: number }>, parts: number[]): boolean {
  if (parts.length < 2 || parts.includes(-1)) return false;
  for (let p = 0; p + 1 < parts.length; p++)
    if (headings.every((h) => h.index > parts[p]! && h.index < parts[p + 1]!)) return true;
  return false;
}

/** The lines a row takes in the text: from its first paragraph's line through its last one's. */
function rowLines(row: Row): [number, number] | null {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const c of row.cells)
    for (const p of c.paragraphs) {
      first = Math.min(first, p.at.line);
      last = Math.max(last, p.at.line + p.text.split('\n').length - 1);
    }
  return last ? [first, last] : null;
}

/** Cell text as the reader's text was repaired: the legacy encoding found in the whole text. */
function repairedTable(t: Table, encoding: LegacyEncoding | null): Table {
  const fix = (s: string) => (encoding ? convertLegacy(s, encoding) : s).normalize('NFC');
  const cell = (c: Cell): Cell => ({ ...c, text: fix(c.text) });
  return { ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(cell) })) };
}

/**
 * The figures of the document's tables of figures in place of what the line reader made of
 * their rows (a number read with a neighbouring cell's words); every other figure kept.
 */
export function withTableFigures(
  indicators: Indicator[],
  doc: Document,
  encoding: LegacyEncoding | null,
): Indicator[] {
  const fromTables: Indicator[] = [];
  const covered: Array<[number, number]> = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const spans = b.rows.map(rowLines);
    const table = repairedTable(b, encoding);
    // A table of figures is read as a table, even when none of its rows holds a figure the rules
    // take (a rate over 1000 %, counts that disagree): its lines never go back to the line reader,
    // which would read their numbers with a neighbouring cell's words.
    if (!figureTableOf(table)) continue;
    const figures = tableFigures(table, (r) => spans[r]?.[0] ?? b.at.line, {
      spansKnown: doc.format !== 'doc',
    });
    fromTables.push(...figures.map((f) => f.figure));
    for (const s of spans) if (s) covered.push(s);
  }
  if (!covered.length) return indicators;
  const inTable = (line: number) => covered.some(([a, z]) => line >= a && line <= z);
  return [...indicators.filter((i) => !inTable(i.line)), ...fromTables].sort(
    (a, b) => a.line - b.line,
  );
}

/** A PDF's figures placed on the page their line stands on (a line reader knows no pages). */
export function onPages(indicators: Indicator[], doc: Document): Indicator[] {
  if (doc.format !== 'pdf') return indicators;
  const pageOf = new Map<number, number>();
  for (const b of doc.blocks) if (b.kind === 'paragraph') pageOf.set(b.at.line, b.at.page);
  return indicators.map((i) => {
    const page = i.page ?? pageOf.get(i.line);
    return page ? { ...i, page } : i;
  });
}
