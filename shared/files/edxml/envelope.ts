// Reads an edXML package (QCVN 102:2016/BTTTT) in one streaming pass with saxes: the header's
// fields by namespace and local name (any prefix, or none), and the base64 attachments, each
// decoded and bounded as it arrives. No DTD is read and no entity expanded: a DOCTYPE is refused.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fileProblem } from '../file-problem.js';
import { MAX_FILE_BYTES } from '../limits.js';
import { shownFileName } from '../shown-name.js';

/** The namespace of QCVN 102:2016 packages. */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** A package carries a report and its appendices: a few files. */
export const MAX_ATTACHMENTS = 20;
/** A header field is a few words; anything longer is cut here. */
const MAX_FIELD_CHARS = 2000;

/** The document as the e-office states it (MessageHeader); every field null when absent. */
export interface EnvelopeHeader {
  organId: string | null;
  organName: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  promulgationDate: string | null;
  place: string | null;
  typeName: string | null;
  subject: string | null;
  signerName: string | null;
  signerPosition: string | null;
  signerCompetence: string | null;
  /** What could not be read of the attachments (Vietnamese), shown as notes. */
  notes: string[];
}

export interface EnvelopeAttachment {
  name: string;
  contentType: string | null;
  bytes: Uint8Array;
}

const HEADER_FIELDS: Record<string, keyof Omit<EnvelopeHeader, 'notes'>> = {
  'From/OrganId': 'organId',
  'From/OrganName': 'organName',
  'Code/CodeNumber': 'codeNumber',
  'Code/CodeNotation': 'codeNotation',
  'PromulgationInfo/PromulgationDate': 'promulgationDate',
  'PromulgationInfo/Place': 'place',
  'DocumentType/TypeName': 'typeName',
  // Some e-office systems write the type's name as the element's own text.
  DocumentType: 'typeName',
  Subject: 'subject',
  'SignerInfo/FullName': 'signerName',
  'SignerInfo/Signer': 'signerName',
  'SignerInfo/Position': 'signerPosition',
  'SignerInfo/Competence': 'signerCompetence',
};

export const edxmlProblem = (message: string, log: string) =>
  fileProblem('rejected', 'file', 'file.edxmlInvalid', message, log);

const tooLarge = () =>
  edxmlProblem(
    `Tệp đính kèm trong gói edXML vượt quá ${MAX_FILE_BYTES / 1048576} MB sau khi giải mã; ` +
      'vui lòng gửi riêng văn bản báo cáo.',
    'edxml attachment over limit',
  );

/** One attachment being read: its fields and its base64 text, bounded as it grows. */
class Pending {
  fields: Record<string, string> = {};
  chunks: string[] = [];
  chars = 0;
}

interface State {
  header: EnvelopeHeader;
  /** Local names of the open elements in the QCVN namespace, from MessageHeader down. */
  path: string[];
  inHeader: number;
  text: string;
  attachment: Pending | null;
  /** The attachment's element being read (ContentId, AttachmentName, ContentTransferEncoded …). */
  field: string | null;
  manifest: Map<string, { name?: string; type?: string }>;
  reference: Record<string, string> | null;
  attachments: EnvelopeAttachment[];
  decodedTotal: number;
  root: boolean;
}

const emptyHeader = (): EnvelopeHeader => ({
  organId: null,
  organName: null,
  codeNumber: null,
  codeNotation: null,
  promulgationDate: null,
  place: null,
  typeName: null,
  subject: null,
  signerName: null,
  signerPosition: null,
  signerCompetence: null,
  notes: [],
});

/** Reads the package; throws a FileProblem for anything that is not a well-formed edXML. */
export function readEnvelope(bytes: Uint8Array): {
  header: EnvelopeHeader;
  attachments: EnvelopeAttachment[];
} {
  const state: State = {
    header: emptyHeader(),
    path: [],
    inHeader: 0,
    text: '',
    attachment: null,
    field: null,
    manifest: new Map(),
    reference: null,
    attachments: [],
    decodedTotal: 0,
    root: false,
  };
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw edxmlProblem(
      'Gói edXML có khai báo DOCTYPE, không đúng QCVN 102:2016; tệp không được đọc.',
      'edxml with doctype',
    );
  });
  parser.on('opentag', (tag) => open(state, tag));
  parser.on('closetag', (tag) => close(state, tag));
  parser.on('text', (t) => text(state, t));
  parser.on('cdata', (t) => text(state, t));
  try {
    const decoder = new TextDecoder(xmlEncoding(bytes));
    const CHUNK = 1 << 20;
    for (let at = 0; at < bytes.length; at += CHUNK)
      parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }));
    parser.close();
  } catch (e) {
    if (e instanceof Error && e.name === 'FileProblem') throw e;
    throw edxmlProblem(
      'Gói edXML bị lỗi cú pháp XML (hoặc dùng thực thể không được phép); vui lòng xuất lại gói.',
      `edxml parse: ${e instanceof Error ? e.message.slice(0, 200) : e}`,
    );
  }
  if (!state.root)
    throw edxmlProblem(
      'Tệp .xml không phải gói văn bản điện tử edXML (QCVN 102:2016).',
      'xml root is not edXML',
    );
  return { header: state.header, attachments: state.attachments };
}

/**
 * UTF-16 as some Windows exporters write XML: by its byte-order mark, else by the first '<' being
 * two bytes wide. Anything else is read as UTF-8 (QCVN 102's own), its BOM dropped by the decoder.
 */
function xmlEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) return 'utf-16be';
  return 'utf-8';
}

const inQcvn = (tag: SaxesTagNS) => tag.uri === EDXML_NS;
/** Attachments stand outside the envelope, often with no namespace at all. */
const inAttachmentNs = (tag: SaxesTagNS) => tag.uri === EDXML_NS || tag.uri === '';

function open(s: State, tag: SaxesTagNS) {
  if (!s.root) {
    if (!inQcvn(tag) || !/^edXML(Envelope)?$/.test(tag.local))
      throw edxmlProblem(
        'Tệp .xml không phải gói văn bản điện tử edXML (QCVN 102:2016).',
        `root ${tag.uri} ${tag.local}`,
      );
    s.root = true;
    return;
  }
  s.text = '';
  if (inQcvn(tag) && (s.inHeader || tag.local === 'MessageHeader')) {
    s.inHeader++;
    if (s.inHeader > 1) s.path.push(tag.local);
    return;
  }
  if (inQcvn(tag) && tag.local === 'Reference') s.reference = {};
  if (inAttachmentNs(tag) && tag.local === 'Attachment' && !s.attachment) {
    if (s.attachments.length >= MAX_ATTACHMENTS)
      throw edxmlProblem(
        `Gói edXML có hơn ${MAX_ATTACHMENTS} tệp đính kèm; vui lòng gửi riêng văn bản báo cáo.`,
        'too many attachments',
      );
    s.attachment = new Pending();
    return;
  }
  if (s.attachment) s.field = tag.local;
}

function text(s: State, t: string) {
  if (s.attachment && s.field === 'ContentTransferEncoded') {
    const a = s.attachment;
    a.chars += t.length;
    // Wrapped base64 decodes to at most 3/4 of its characters: refused before it is decoded.
    if (
      (a.chars * 3) / 4 > MAX_FILE_BYTES ||
      s.decodedTotal + (a.chars * 3) / 4 > MAX_FILE_BYTES * 1.5
    )
      throw tooLarge();
    a.chunks.push(t);
    return;
  }
  if (s.text.length < MAX_FIELD_CHARS) s.text += t.slice(0, MAX_FIELD_CHARS - s.text.length);
}

function close(s: State, tag: SaxesTagNS) {
  const value = s.text.replace(/\s+/g, ' ').trim();
  s.text = '';
  if (s.inHeader) {
    const key = HEADER_FIELDS[s.path.join('/')];
    if (key && value && s.header[key] === null) s.header[key] = value;
    if (s.inHeader > 1) s.path.pop();
    s.inHeader--;
    return;
  }
  if (s.reference && inQcvn(tag)) {
    if (tag.local === 'Reference') {
      const id = s.reference.ContentId;
      if (id)
        s.manifest.set(id, { name: s.reference.AttachmentName, type: s.reference.ContentType });
      s.reference = null;
    } else if (value) s.reference[tag.local] = value;
    return;
  }
  if (!s.attachment) return;
  if (tag.local === 'Attachment' && inAttachmentNs(tag)) return finishAttachment(s);
  if (s.field && s.field !== 'ContentTransferEncoded' && value)
    s.attachment.fields[s.field] = value;
  s.field = null;
}

/** Base64 as XML Schema's base64Binary writes it; Node would skip other characters and stop at '='. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function finishAttachment(s: State) {
  const a = s.attachment!;
  s.attachment = null;
  const base64 = a.chunks.join('').replace(/\s+/g, '');
  a.chunks = [];
  if (!base64) return;
  const listed = a.fields.ContentId ? s.manifest.get(a.fields.ContentId) : undefined;
  const name =
    a.fields.AttachmentName ??
    listed?.name ??
    a.fields.Description ??
    a.fields.ContentId ??
    'tep-dinh-kem';
  // A stray character or an '=' inside would give other bytes, or a file cut short, read as if whole.
  if (!BASE64.test(base64) || base64.length % 4 === 1) {
    s.header.notes.push(
      `Tệp đính kèm "${shownFileName(name, 60)}" bị hỏng (mã base64 không hợp lệ); chưa đọc.`,
    );
    return;
  }
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  s.decodedTotal += bytes.length;
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge();
  s.attachments.push({ name, contentType: a.fields.ContentType ?? listed?.type ?? null, bytes });
}
