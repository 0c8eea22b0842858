// A minimal PDF writer for generated test files: numbered objects (1 is the catalog), a classic
// cross-reference table and a trailer. Objects are written as given, streams included.

/** An object's body; a stream is `{ dict, stream }` and gets its /Length. */
export type PdfObject = string | { dict: string; stream: string };

const body = (o: PdfObject) =>
  typeof o === 'string'
    ? o
    : `<< ${o.dict} /Length ${Buffer.byteLength(o.stream, 'latin1')} >>\nstream\n${o.stream}\nendstream`;

/** The file of objects 1…n (index 0 is unused); Latin-1 throughout. */
export function writePdf(objects: PdfObject[]): Buffer {
  const parts: string[] = ['%PDF-1.4\n'];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = at;
    const text = `${n} 0 obj\n${body(objects[n]!)}\nendobj\n`;
    parts.push(text);
    at += Buffer.byteLength(text, 'latin1');
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`];
  for (let n = 1; n < objects.length; n++)
    xref.push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  return Buffer.from(parts.join('') + xref.join(''), 'latin1');
}

export const PAGE_DICT = '/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]';
export const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
