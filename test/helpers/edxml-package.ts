// Builds edXML packages (QCVN 102:2016) the way e-office systems export them: the envelope in
// the QCVN namespace under any prefix (or as the default namespace), the attachments as wrapped
// base64 after it, names with Vietnamese letters, commas and parentheses.
const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export interface PackageHeader {
  organId?: string;
  organName?: string;
  codeNumber?: string;
  codeNotation?: string;
  promulgationDate?: string;
  typeName?: string;
  subject?: string;
  signer?: string;
  position?: string;
}

export interface PackageAttachment {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** base64 wrapped at `width` characters, as MIME and most exporters write it. */
export const wrapped = (bytes: Uint8Array, width = 76, eol = '\r\n') =>
  (
    Buffer.from(bytes)
      .toString('base64')
      .match(new RegExp(`.{1,${width}}`, 'g')) ?? []
  ).join(eol);

/** How exporters differ: the signer's element, the type as text, the base64's lines. */
export interface PackageStyle {
  prefix?: string | null;
  root?: 'edXML' | 'edXMLEnvelope';
  preamble?: string;
  /** `Signer` as some systems write it, `FullName` as QCVN 102 does. */
  signerElement?: 'FullName' | 'Signer';
  /** `<DocumentType>Báo cáo</DocumentType>` instead of its TypeName child. */
  typeAsText?: boolean;
  wrap?: number;
  eol?: string;
}

export function edxmlPackage(
  header: PackageHeader,
  attachments: PackageAttachment[],
  opts: PackageStyle = {},
): Buffer {
  const prefix = opts.prefix === undefined ? 'edXML' : opts.prefix;
  const q = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const el = (local: string, inner: string) => `<${q(local)}>${inner}</${q(local)}>`;
  const opt = (local: string, v?: string) => (v === undefined ? '' : el(local, esc(v)));
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  const messageHeader = el(
    'MessageHeader',
    el('From', opt('OrganId', header.organId) + opt('OrganName', header.organName)) +
      el('To', opt('OrganId', '000.00.00.H40') + opt('OrganName', 'Sở Khoa học và Công nghệ')) +
      el('Code', opt('CodeNumber', header.codeNumber) + opt('CodeNotation', header.codeNotation)) +
      el(
        'PromulgationInfo',
        opt('Place', 'Nghệ An') + opt('PromulgationDate', header.promulgationDate),
      ) +
      (opts.typeAsText
        ? opt('DocumentType', header.typeName)
        : el('DocumentType', opt('Type', '1') + opt('TypeName', header.typeName))) +
      opt('Subject', header.subject) +
      el(
        'SignerInfo',
        opt('Competence', 'TM. UBND') +
          opt('Position', header.position) +
          opt(opts.signerElement ?? 'FullName', header.signer),
      ),
  );
  const manifest = attachments
    .map((a, i) =>
      el(
        'Reference',
        opt('ContentId', `att-${i}`) +
          opt('ContentType', a.contentType) +
          opt('AttachmentName', a.name),
      ),
    )
    .join('');
  const envelope =
    `<${q('edXMLEnvelope')}${opts.root === 'edXMLEnvelope' ? ` ${xmlns}` : ''}>` +
    el('edXMLHeader', messageHeader) +
    el('edXMLBody', el('edXMLManifest', manifest)) +
    `</${q('edXMLEnvelope')}>`;
  // The encoded attachments stand outside the envelope, without a namespace.
  const encoded = attachments
    .map(
      (a, i) =>
        `<Attachment xmlns=""><ContentId>att-${i}</ContentId><ContentTransferEncoded>${opts.eol ?? '\r\n'}` +
        `${wrapped(a.bytes, opts.wrap, opts.eol)}${opts.eol ?? '\r\n'}` +
        '</ContentTransferEncoded></Attachment>',
    )
    .join('\n');
  const body =
    opts.root === 'edXMLEnvelope'
      ? envelope.replace(
          `</${q('edXMLEnvelope')}>`,
          `<AttachmentEncoded xmlns="">${encoded}</AttachmentEncoded></${q('edXMLEnvelope')}>`,
        )
      : `<${q('edXML')} ${xmlns}>${envelope}<AttachmentEncoded xmlns="">${encoded}</AttachmentEncoded></${q('edXML')}>`;
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n${opts.preamble ?? ''}${body}`,
    'utf8',
  );
}
