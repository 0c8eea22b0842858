// The signatures of a stored file verified again, without reading its text: a signed PDF, or the
// PDFs attached to an edXML package. The desk uses it when the trust list changes.
import type { Signature } from '../../schemas/signature.js';
import { readEnvelope } from '../edxml/envelope.js';
import { type TrustList, verifyPdfSignatures } from './verify-pdf.js';

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** The signatures as ingest verifies them, for a file of `format` ('pdf' or 'edxml'). */
export async function fileSignatures(
  format: string | null,
  bytes: Uint8Array,
  trust: TrustList,
): Promise<Signature[]> {
  if (format === 'pdf') return verifyPdfSignatures(bytes, trust);
  if (format !== 'edxml') return [];
  const out: Signature[] = [];
  for (const a of readEnvelope(bytes).attachments)
    if (isPdf(a.bytes))
      for (const s of await verifyPdfSignatures(a.bytes, trust)) out.push({ ...s, file: a.name });
  return out;
}
