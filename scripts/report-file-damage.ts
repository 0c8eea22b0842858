// What the file a commune sends does to a report's text on its way to the reader: Word's
// two-column header table and manual line breaks (DOCX), and a PDF's text layer, read back
// through the same file decoding as an upload.
import { readFileContent } from '../shared/files/read-file.js';
import { docxReport } from './report-docx.js';
import { pdfFromText } from './report-files.js';

// Debian's fonts-dejavu-core (installed by .ci/run): pdfkit's own fonts have no Vietnamese glyphs.
export const PDF_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A DOCX whose header is a borderless two-cell table and whose body pairs lines by breaks. */
async function asDocx(text: string): Promise<Uint8Array> {
  const lines = text.split('\n');
  const motto = lines.findIndex((l) => /^C(Ộ|O)NG H(Ò|O)A/i.test(l));
  if (motto < 1) return docxReport([], [], lines);
  const blank = lines.indexOf('', motto);
  const end = blank < 0 ? motto + 3 : blank;
  return docxReport(lines.slice(0, motto), lines.slice(motto, end), lines.slice(end + 1));
}

export const FILE_DAMAGES = {
  docx: asDocx,
  pdf: (text: string) => pdfFromText(text, { fontPath: PDF_FONT }),
} as const satisfies Record<string, (text: string) => Promise<Uint8Array>>;

export type FileDamage = keyof typeof FILE_DAMAGES;

/** The text the reader gets from the text made into a file of this kind. */
export async function throughFile(kind: FileDamage, text: string): Promise<string> {
  const content = await readFileContent(`report.${kind}`, await FILE_DAMAGES[kind](text));
  if (content.kind !== 'text') throw new Error(`${kind} read back as ${content.kind}`);
  return content.text;
}
