// Which of an edXML package's files is the report. E-office systems attach the signed PDF, often
// the Word file of the same document, appendices without a number of their own, and sometimes
// other documents (the request being answered). The report is the file whose own number and
// date agree with the header; the same document in another format is read once; appendices
// are read after it; another document is set aside with a note.
import type { EnvelopeHeader } from '../files/edxml/envelope.js';
import { shownFileName } from '../files/shown-name.js';
import { envelopeDate, envelopeNumber, sameNumber } from '../reader/apply-envelope.js';
import type { Report } from '../schemas/report.js';

export interface PartReading<C> {
  name: string;
  content: C;
  /** The file read alone. */
  report: Report;
  /** Read by OCR (its text is a scan's). */
  scanned: boolean;
  /** Has a document model (Word's structure, a PDF's lines). */
  structured: boolean;
}

export interface PackageChoice<C> {
  main: PartReading<C>;
  appendices: PartReading<C>[];
  /** Why each file not read into the report was left (Vietnamese). */
  notes: string[];
}

function score<C>(p: PartReading<C>, number: string | null, date: string | null): number {
  let s = 0;
  if (number && p.report.number && sameNumber(number, p.report.number)) s += 8;
  if (date && p.report.issuedOn === date) s += 4;
  if (p.report.number) s += 2;
  if (p.structured && !p.scanned) s += 1;
  return s;
}

/** The report among the files, its appendices, and what was set aside. */
export function choosePackageParts<C>(
  parts: PartReading<C>[],
  header: EnvelopeHeader,
): PackageChoice<C> {
  const number = envelopeNumber(header);
  const date = envelopeDate(header.promulgationDate);
  let main = parts[0]!;
  for (const p of parts) if (score(p, number, date) > score(main, number, date)) main = p;
  const appendices: PartReading<C>[] = [];
  const notes: string[] = [];
  for (const p of parts) {
    if (p === main) continue;
    const own = p.report.number;
    if (own && main.report.number && sameNumber(own, main.report.number)) continue;
    if (own)
      notes.push(
        `Tệp đính kèm "${shownFileName(p.name, 60)}" là văn bản khác (số ${own}); không đọc vào báo cáo.`,
      );
    else appendices.push(p);
  }
  return { main, appendices, notes };
}
