// Signed report files for the tests: a Latin-1 text PDF (as pdfkit writes without a font) signed
// once or twice, changed after signing, or carrying hostile signature dictionaries.
import { pdfFromText } from '../../scripts/report-files.js';
import { type SignOptions, signPdf } from '../../scripts/sign-pdf.js';
import { type Issued, makeTestPki, type TestPki } from '../../scripts/test-pki.js';

export const DIEN_CHAU = '17464';
export const QUYNH_LUU = '17179';

export const reportLines = (unit = 'DIEN CHAU', number = '12/BC-UBND') => [
  'UY BAN NHAN DAN',
  `XA ${unit}`,
  `So: ${number}`,
  'Dien Chau, ngay 2 thang 6 nam 2026',
  'BAO CAO',
  'Ket qua chuyen doi so',
  'I. KET QUA',
  'Co 15 may tinh.',
];

export const reportPdf = (lines = reportLines()) => pdfFromText(lines.join('\n'));

export interface SignedSet {
  pki: TestPki;
  /** The People's Committee of Diễn Châu, its name spelled "UỶ" as certificates spell it. */
  org: Issued;
  person: Issued;
  otherOrg: Issued;
  selfSigned: Issued;
  sign(pdf: Buffer, who: Issued, opts?: SignOptions): Promise<Buffer>;
}

export async function signedSet(): Promise<SignedSet> {
  const pki = await makeTestPki();
  return {
    pki,
    org: await pki.organization('UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU', 'Nghệ An'),
    person: await pki.person('Nguyễn Thị Hoà', 'UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU'),
    otherOrg: await pki.organization('ỦY BAN NHÂN DÂN XÃ QUỲNH LƯU', 'Nghệ An'),
    selfSigned: await pki.selfSigned('UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU'),
    sign: (pdf, who, opts) => signPdf(pdf, who, { chain: [pki.intermediate], ...opts }),
  };
}

/** An incremental update that changes a page's content, as an editor saves after signing. */
export function appendContentUpdate(pdf: Buffer): Buffer {
  const start = pdf.length;
  const stream = 'BT /F1 12 Tf 72 700 Td (Co 99 may tinh.) Tj ET';
  const obj = `\n90 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const xrefAt = start + obj.length;
  const tail =
    `xref\n90 1\n${String(start + 1).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size 91 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + tail, 'latin1')]);
}

/** A file with one signature dictionary as written, its /Contents `hex` at the ByteRange's gap. */
export function pdfWithSignatureDict(
  range: (gapStart: number, gapEnd: number, size: number) => number[],
  hex: string,
) {
  const head =
    '%PDF-1.4\n1 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ';
  const rangeText = (r: number[]) =>
    `/ByteRange [${r.map((n) => String(n).padStart(10, ' ')).join(' ')}]`;
  const probe = rangeText([0, 0, 0, 0]);
  const gapStart = head.length + probe.length + ' /Contents '.length;
  const gapEnd = gapStart + hex.length + 2;
  const tail = " /M (D:20261118091200+07'00') >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  const size = gapEnd + tail.length;
  const text = `${head}${rangeText(range(gapStart, gapEnd, size))} /Contents <${hex}>${tail}`;
  return Buffer.from(text, 'latin1');
}

export { makeTestPki };
