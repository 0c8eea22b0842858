import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxFromText } from '../../scripts/report-files.js';
import {
  edxmlPackage,
  type PackageAttachment,
  type PackageStyle,
} from '../helpers/edxml-package.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import {
  DIEN_CHAU,
  reportLines,
  reportPdf,
  type SignedSet,
  signedSet,
} from '../helpers/signed-files.js';

// Packages as e-office systems export them, generated: the QCVN namespace under edXML:, another
// prefix or as the default; wrapped base64 with CRLF or LF; attachment names with Vietnamese,
// commas and parentheses; the signer as FullName or Signer; the report as a signed PDF, a DOCX or
// zipped, among appendices without a number and another document with its own. Whatever the
// mix, the report is the file whose number the header states, its fields agree, an appendix's
// figures count, and the other document's never do.

let set: SignedSet;
beforeAll(async () => {
  set = await signedSet();
});

const NAME_PARTS = [
  'Báo cáo',
  'số liệu',
  '(bản chính)',
  'Phụ lục, kèm theo',
  'ký số (UBND)',
  'Ủy ban',
];

const style = fc.record<PackageStyle>({
  prefix: fc.constantFrom<string | null>('edXML', null, 'q', 'ns2'),
  root: fc.constantFrom('edXML' as const, 'edXMLEnvelope' as const),
  signerElement: fc.constantFrom('FullName' as const, 'Signer' as const),
  typeAsText: fc.boolean(),
  wrap: fc.constantFrom(64, 76, 1000),
  eol: fc.constantFrom('\r\n', '\n'),
});

const shape = fc.record({
  number: fc.integer({ min: 1, max: 999 }),
  as: fc.constantFrom('pdf', 'docx', 'zipped-pdf', 'zipped-docx'),
  appendix: fc.boolean(),
  other: fc.boolean(),
  order: fc.integer({ min: 0, max: 5 }),
  name: fc.array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 3 }),
  style,
});

const zipped = async (name: string, bytes: Uint8Array) => {
  const zip = new JSZip();
  zip.file(name, bytes);
  return zip.generateAsync({ type: 'uint8array' });
};

async function reportFile(as: string, number: string, name: string): Promise<PackageAttachment> {
  const lines = reportLines('DIEN CHAU', number);
  const pdf = async () => set.sign(await reportPdf(lines), set.org);
  switch (as) {
    case 'pdf':
      return { name: `${name}.pdf`, bytes: await pdf() };
    case 'docx':
      return { name: `${name}.docx`, bytes: await docxFromText(lines.join('\n')) };
    case 'zipped-pdf':
      return { name: `${name}.zip`, bytes: await zipped(`${name}.pdf`, await pdf()) };
    default:
      return {
        name: `${name} (nén)`,
        bytes: await zipped('bao-cao.docx', await docxFromText(lines.join('\n'))),
      };
  }
}

const APPENDIX = ['PHU LUC', 'SO LIEU KEM THEO', 'Co 27 may tinh.'].join('\n');
const OTHER = [
  'UY BAN NHAN DAN',
  'XA DIEN CHAU',
  'So: 77/UBND-VP',
  'Dien Chau, ngay 1 thang 6 nam 2026',
  'CONG VAN',
  'Co 99 may tinh.',
].join('\n');

describe('edXML packages as exported (property)', () => {
  it('the report is found and read whatever the namespace, wrapping, names and other files', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (g) => {
        const number = `${g.number}/BC-UBND`;
        const name = g.name.join(', ');
        const files: PackageAttachment[] = [await reportFile(g.as, number, name)];
        if (g.appendix)
          files.push({ name: `Phụ lục (số liệu), ${name}.txt`, bytes: Buffer.from(APPENDIX) });
        if (g.other)
          files.push({ name: 'Công văn số 77 (đề nghị), kèm.txt', bytes: Buffer.from(OTHER) });
        const rotated = [
          ...files.slice(g.order % files.length),
          ...files.slice(0, g.order % files.length),
        ];
        const header = {
          organName: 'UBND xã Diễn Châu',
          codeNumber: String(g.number),
          codeNotation: 'BC-UBND',
          promulgationDate: '2026-06-02',
          typeName: 'Báo cáo',
          subject: 'Kết quả chuyển đổi số',
          signer: 'Nguyễn Thị Hoà',
          position: 'Chủ tịch',
        };
        const pkg = edxmlPackage(header, rotated, g.style);
        const { submission: s } = await memoryIngest().upload(
          inboxKey(DIEN_CHAU, 'goi.edxml'),
          pkg,
        );
        const r = s.report!;
        expect(r.number).toBe(number);
        expect(r.issuedOn).toBe('2026-06-02');
        expect(r.signer.name).toBe('Nguyễn Thị Hoà');
        expect(r.documentType).toBe('BAO_CAO');
        expect(s.diagnostics.filter((d) => d.code === 'edxml.disagrees')).toEqual([]);
        const computers = r.indicators.filter((i) => i.key === 'computers').map((i) => i.value);
        expect(computers).toContain(15);
        expect(computers.includes(27)).toBe(g.appendix);
        expect(computers).not.toContain(99);
        if (g.other)
          expect(s.diagnostics.map((d) => d.message).join(' ')).toMatch(
            /văn bản khác \(số 77\/UBND-VP\)/,
          );
        const signed = g.as.endsWith('pdf');
        expect(r.signatures?.length).toBe(signed ? 1 : 0);
        if (signed) expect(r.signatures?.[0]?.valid).toBe(true);
      }),
      { numRuns: 24, seed: 2028 },
    );
  });
});

describe('a header that disagrees with its report (property)', () => {
  it('each field it disagrees on is left empty with its own diagnostic; the others stand', async () => {
    const signedReport = await set.sign(await reportPdf(), set.org);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          number: fc.boolean(),
          date: fc.boolean(),
          issuer: fc.boolean(),
          appendix: fc.boolean(),
        }),
        async (d) => {
          const files: PackageAttachment[] = [
            { name: 'Báo cáo, ký số (bản chính).pdf', bytes: signedReport },
          ];
          if (d.appendix) files.push({ name: 'Phụ lục (1).txt', bytes: Buffer.from(APPENDIX) });
          const header = {
            organName: d.issuer ? 'UBND xã Quỳnh Lưu' : 'UBND xã Diễn Châu',
            codeNumber: d.number ? '13' : '12',
            codeNotation: 'BC-UBND',
            promulgationDate: d.date ? '2026-06-03' : '2026-06-02',
            typeName: 'Báo cáo',
          };
          const pkg = edxmlPackage(header, files);
          const { submission: s } = await memoryIngest().upload(
            inboxKey(DIEN_CHAU, 'goi.edxml'),
            pkg,
          );
          const disagree = s.diagnostics
            .filter((x) => x.code === 'edxml.disagrees')
            .map((x) => x.field);
          const expected = [
            d.number && 'number',
            d.date && 'issuedOn',
            d.issuer && 'issuer',
          ].filter(Boolean);
          expect(disagree.sort()).toEqual((expected as string[]).sort());
          expect(s.report?.number).toBe(d.number ? null : '12/BC-UBND');
          expect(s.report?.issuedOn).toBe(d.date ? null : '2026-06-02');
          expect(s.report?.issuer.code).toBe(d.issuer ? null : DIEN_CHAU);
          if (expected.length) expect(s.status).toBe('needs_review');
        },
      ),
      { numRuns: 16, seed: 28 },
    );
  });
});

describe('an Excel form attached beside the report', () => {
  it('is read by its own format as an appendix, named or only typed', async () => {
    const { plainForm } = await import('../../scripts/xlsx-forms.js');
    const rows = [
      { label: 'Máy tính kết nối mạng tại trụ sở', unit: 'máy', result: 42, plan: null },
    ];
    const form = await plainForm(rows);
    const report = await set.sign(await reportPdf(), set.org);
    const header = { organName: 'UBND xã Diễn Châu', codeNumber: '12', codeNotation: 'BC-UBND' };
    for (const sheet of [
      { name: 'Biểu số liệu (kèm theo), 2026.xlsx', bytes: form },
      { name: 'Biểu số liệu', bytes: form, contentType: 'application/octet-stream' },
    ]) {
      const pkg = edxmlPackage(header, [{ name: 'Báo cáo.pdf', bytes: report }, sheet]);
      const { submission: s } = await memoryIngest().upload(inboxKey(DIEN_CHAU, 'goi.edxml'), pkg);
      expect(s.report?.number).toBe('12/BC-UBND');
      expect(s.report?.indicators.filter((i) => i.key === 'computers').map((i) => i.value)).toEqual(
        [15, 42],
      );
    }
  });
});
