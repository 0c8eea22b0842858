// The signatures of a stored file verified again, without reading its text: a signed PDF, or the
// PDFs an edXML package carries (zipped ones included), in the order ingest verified them. The
// desk uses it when the trust list changes.
import type { Signature } from '../../schemas/signature.js';
import { packageFiles } from '../edxml/attachment-files.js';
import { readEnvelope } from '../edxml/envelope.js';
import { type TrustList, verifyPdfSignatures } from './verify-pdf.js';

/** The signatures as ingest verifies them, for a file of `format` ('pdf' or 'edxml'). */
export async function fileSignatures(
  format: string | null,
  bytes: Uint8Array,
  trust: TrustList,
  formatOf: (name: string) => string | null,
): Promise<Signature[]> {
  if (format === 'pdf') return verifyPdfSignatures(bytes, trust);
  if (format !== 'edxml') return [];
  const out: Signature[] = [];
  for (const f of await packageFiles(readEnvelope(bytes).attachments, formatOf, []))
    if (formatOf(f.name) === 'pdf')
      for (const s of await verifyPdfSignatures(f.bytes, trust)) out.push({ ...s, file: f.name });
  return out;
}
