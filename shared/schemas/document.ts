import * as z from 'zod';

// The one document model every format backend produces (DOCX, .doc, PDF text layer, plain text,
// OCR lines, Excel forms) and the reader reads. It keeps what flattening to lines would lose:
// Word's numbering labels as Word shows them, a table's rows and cells, footnotes apart from the
// sentence that refers to them, and where each block stands in the uploaded file.

/** A rectangle on a page image or a PDF page, in pixels (OCR) or PDF points from the top left. */
export const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type Box = z.infer<typeof Box>;

/**
 * Where a block stands. `line` is the 1-based line of the block's first line in the document's
 * text as `documentText` renders it (shared/files/document-text.ts), so a figure read from the
 * model carries the same line number as one read from the rendered text; for plain text it is
 * the line of the file itself. `page` is 1-based (1 when the format has no pages).
 */
export const Provenance = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive(),
  box: Box.optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Align = z.enum(['left', 'center', 'right', 'justify']);
export type Align = z.infer<typeof Align>;

/** Word's number formats (w:numFmt) the reader tells apart; anything else is `other`. */
export const NumberFormat = z.enum([
  'decimal',
  'upperRoman',
  'lowerRoman',
  'upperLetter',
  'lowerLetter',
  'bullet',
  'none',
  'other',
]);
export type NumberFormat = z.infer<typeof NumberFormat>;

export const Paragraph = z.object({
  kind: z.literal('paragraph'),
  /** The text as typed, without the numbering label; runs joined, tabs as "\t", breaks as "\n". */
  text: z.string(),
  /**
   * The numbering label exactly as Word shows it ("I.", "1.1.", "a)", "Phần I", "-"), computed
   * from numbering.xml; null when the paragraph is not numbered (a label typed into the text
   * stays in `text`).
   */
  label: z.string().nullable(),
  /**
   * The outline level (0 = top, as Word's "Heading 1") when the style or paragraph gives one,
   * else the numbering level (w:ilvl) of a numbered paragraph, else null.
   */
  level: z.number().int().min(0).max(9).nullable(),
  /** Which numbering the label comes from: paragraphs of one list share `list`; `format` of the level. */
  numbering: z
    .object({ list: z.string(), level: z.number().int().min(0).max(8), format: NumberFormat })
    .nullable(),
  /** The style's name as Word shows it ("Heading 1", "Title"), null when unknown or default. */
  style: z.string().nullable(),
  /** Formatting of the whole paragraph where the format says it (null: unknown or mixed). */
  bold: z.boolean().nullable(),
  /** Shown in capitals by formatting (w:caps); `text` keeps the letters as typed. */
  caps: z.boolean().nullable(),
  align: Align.nullable(),
  /** Font size in points where known (PDF text layer, DOCX run size). */
  size: z.number().positive().nullable(),
  /** Marks of the footnotes this paragraph refers to, in order; the marks are never in `text`. */
  notes: z.array(z.string()),
  at: Provenance,
});
export type Paragraph = z.infer<typeof Paragraph>;

/**
 * One cell. Nested tables are kept as paragraphs of the cell, one per nested row, its cells
 * joined by "\t": reports nest tables for layout only, and a bounded depth is all a reader needs.
 */
export const Cell = z.object({
  text: z.string(),
  paragraphs: z.array(Paragraph),
  /** Grid columns the cell spans (w:gridSpan), 1 for an ordinary cell. */
  span: z.number().int().positive(),
  /** The cell continues the one above it (vertical merge): its text is that cell's. */
  continued: z.boolean(),
});
export type Cell = z.infer<typeof Cell>;

export const Row = z.object({
  cells: z.array(Cell),
  /** A header row repeated on each page (w:tblHeader), where the format says so. */
  header: z.boolean(),
});
export type Row = z.infer<typeof Row>;

export const Table = z.object({
  kind: z.literal('table'),
  rows: z.array(Row),
  /** The sheet's name of an Excel form, or a caption the format carries; null otherwise. */
  caption: z.string().nullable(),
  at: Provenance,
});
export type Table = z.infer<typeof Table>;

export const PageBreak = z.object({ kind: z.literal('pageBreak'), at: Provenance });
export type PageBreak = z.infer<typeof PageBreak>;

/** A footnote or endnote: kept apart from the body, referred to by `Paragraph.notes`. */
export const Footnote = z.object({
  kind: z.literal('footnote'),
  /** The reference mark as shown ("1", "2", "i" for endnotes). */
  mark: z.string(),
  endnote: z.boolean(),
  text: z.string(),
  at: Provenance,
});
export type Footnote = z.infer<typeof Footnote>;

export const Block = z.discriminatedUnion('kind', [Paragraph, Table, PageBreak]);
export type Block = z.infer<typeof Block>;

export const DocumentFormat = z.enum(['docx', 'doc', 'pdf', 'txt', 'ocr', 'xlsx']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/**
 * What the file holds but its author hid, left unread: an Excel form's hidden rows and columns
 * (1-based row numbers and column letters as Excel shows them), on sheets that are shown.
 */
export const HiddenCells = z.object({
  sheet: z.string(),
  rows: z.array(z.number().int().positive()),
  columns: z.array(z.string()),
});
export type HiddenCells = z.infer<typeof HiddenCells>;

export const Document = z.object({
  format: DocumentFormat,
  /** The body in reading order. */
  blocks: z.array(Block),
  /** Footnotes and endnotes, in the order of their marks. */
  notes: z.array(Footnote),
  /** Page headers and footers (repeated on pages, not part of the body's reading order). */
  margins: z.array(Paragraph),
  /** Hidden parts that held text and were not read (the reader says so); absent when none. */
  hidden: z.array(HiddenCells).optional(),
});
export type Document = z.infer<typeof Document>;

/** A paragraph with everything unknown left null: what plain text, PDF and OCR backends start from. */
export function plainParagraph(text: string, at: Provenance): Paragraph {
  return {
    kind: 'paragraph',
    text,
    label: null,
    level: null,
    numbering: null,
    style: null,
    bold: null,
    caps: null,
    align: null,
    size: null,
    notes: [],
    at,
  };
}
