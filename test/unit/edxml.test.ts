import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEnvelope } from '../../shared/files/edxml/envelope.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { readFileContent } from '../../shared/files/read-file.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { UnitRegistry } from '../../shared/units/registry.js';
import { edxmlPackage, type PackageHeader } from '../helpers/edxml-package.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import {
  DIEN_CHAU,
  QUYNH_LUU,
  reportLines,
  reportPdf,
  type SignedSet,
  signedSet,
} from '../helpers/signed-files.js';

const HEADER: PackageHeader = {
  organId: '000.00.31.H40',
  organName: 'UBND xã Diễn Châu',
  codeNumber: '12',
  codeNotation: 'BC-UBND',
  promulgationDate: '2026-06-02',
  typeName: 'Báo cáo',
  subject: 'Kết quả chuyển đổi số 6 tháng đầu năm 2026',
  signer: 'Nguyễn Thị Hoà',
  position: 'Chủ tịch',
};
const NAME = 'Báo cáo số 12, ký số (bản chính).pdf';

let set: SignedSet;
let signed: Buffer;

beforeAll(async () => {
  set = await signedSet();
  signed = await set.sign(await reportPdf(), set.org);
});

async function problemOf(p: Promise<unknown>): Promise<FileProblem> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FileProblem) return e;
    throw e;
  }
  throw new Error('no problem');
}

describe('edXML packages', () => {
  it('the header is read by namespace, whatever the prefix, with or without an edXML root', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('edXML', 'e', 'qcvn102', null),
        fc.constantFrom('edXML' as const, 'edXMLEnvelope' as const),
        async (prefix, root) => {
          const { header, attachments } = readEnvelope(
            edxmlPackage(HEADER, [{ name: NAME, bytes: signed }], { prefix, root }),
          );
          expect(header).toMatchObject({
            organId: HEADER.organId,
            codeNumber: '12',
            subject: HEADER.subject,
          });
          expect(attachments.map((a) => a.name)).toEqual([NAME]);
          expect(Buffer.from(attachments[0]!.bytes).equals(signed)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('a package saved as UTF-16 (either byte order, with or without its mark) reads as its UTF-8 form', () => {
    const utf8 = edxmlPackage(HEADER, [{ name: NAME, bytes: signed }]);
    const text = utf8.toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const mark = (bom: number[], b: Buffer) => Buffer.concat([Buffer.from(bom), b]);
    for (const bytes of [le, be, mark([0xff, 0xfe], le), mark([0xfe, 0xff], be)]) {
      const { header, attachments } = readEnvelope(bytes);
      expect(header).toMatchObject({ organName: HEADER.organName, subject: HEADER.subject });
      expect(Buffer.from(attachments[0]!.bytes).equals(signed)).toBe(true);
    }
  });

  it('a signed PDF inside is verified and the envelope gives the fields', async () => {
    const m = memoryIngest({ deps: { trustList: async () => [set.pki.root.der] } });
    const pkg = edxmlPackage(
      HEADER,
      [{ name: NAME, bytes: signed, contentType: 'application/pdf' }],
      { prefix: 'x' },
    );
    const { submission: s } = await m.upload(inboxKey(DIEN_CHAU, 'goi-van-ban.edxml'), pkg);
    expect(s.file.format).toBe('edxml');
    expect(s.status).toBe('accepted');
    expect(s.report).toMatchObject({
      number: '12/BC-UBND',
      issuedOn: '2026-06-02',
      title: HEADER.subject,
      issuer: { code: DIEN_CHAU },
      signer: { name: 'Nguyễn Thị Hoà' },
    });
    expect(s.report?.signatures).toMatchObject([
      { valid: true, chainsToTrustList: true, file: NAME },
    ]);
  });

  it('several attachments are each read by their own format; figures of an appendix count', async () => {
    const appendix = Buffer.from(['PHU LUC', 'I. KET QUA', 'Co 27 may tinh.'].join('\n'), 'utf8');
    const pkg = edxmlPackage(HEADER, [
      { name: NAME, bytes: signed },
      { name: 'Phụ lục (số liệu), 2026.txt', bytes: appendix },
      { name: 'ảnh.bmp', bytes: Buffer.from('BM') },
    ]);
    const content = await readFileContent('goi.xml', pkg);
    expect(content.kind === 'text' && content.text).toMatch(/Co 27 may tinh/);
    expect(content.kind === 'text' && content.envelope?.notes.join(' ')).toMatch(/ảnh\.bmp/);
  });

  it('a header that disagrees with its document: the field is left empty and a person looks', async () => {
    const m = memoryIngest();
    const pkg = edxmlPackage({ ...HEADER, codeNumber: '99', promulgationDate: '02/07/2026' }, [
      { name: NAME, bytes: signed },
    ]);
    const { submission: s } = await m.upload(inboxKey(DIEN_CHAU, 'goi.edxml'), pkg);
    expect(s.report?.number).toBeNull();
    expect(s.report?.issuedOn).toBeNull();
    expect(
      s.diagnostics
        .filter((d) => d.code === 'edxml.disagrees')
        .map((d) => d.field)
        .sort(),
    ).toEqual(['issuedOn', 'number']);
    expect(s.status).toBe('needs_review');
  });

  it("an OrganId of another unit (from the contact list's ma_dinh_danh) is a header naming another unit", async () => {
    const units = registry2025()
      .unitsOf('40')
      .map((u) => (u.code === QUYNH_LUU ? { ...u, organId: '000.00.31.H40' } : u));
    const m = memoryIngest({ deps: { registry: new UnitRegistry(units) } });
    const plain = await reportPdf(reportLines('DIEN CHAU'));
    const pkg = edxmlPackage({ ...HEADER, organName: undefined }, [
      { name: 'bc.pdf', bytes: plain },
    ]);
    const { submission: s } = await m.upload(inboxKey(DIEN_CHAU, 'goi.edxml'), pkg);
    expect(s.status).toBe('needs_review');
    expect(s.diagnostics.map((d) => d.code)).toContain('edxml.disagrees');
  });

  it('the same OrganId sent from its own folder matches', async () => {
    const units = registry2025()
      .unitsOf('40')
      .map((u) => (u.code === DIEN_CHAU ? { ...u, organId: '000.00.31.H40' } : u));
    const m = memoryIngest({ deps: { registry: new UnitRegistry(units) } });
    const pkg = edxmlPackage({ ...HEADER, organName: undefined }, [
      { name: 'bc.pdf', bytes: await reportPdf() },
    ]);
    const { submission: s } = await m.upload(inboxKey(DIEN_CHAU, 'goi.edxml'), pkg);
    expect(s.report?.issuer.code).toBe(DIEN_CHAU);
    expect(s.status).toBe('accepted');
  });
});

describe('what the header fills', () => {
  const filledBy: Record<string, (r: NonNullable<Submission['report']>) => unknown> = {
    'number.missing': (r) => r.number,
    'issuedOn.missing': (r) => r.issuedOn,
    'title.missing': (r) => r.title,
    'signer.missing': (r) => r.signer.title,
    'issuer.missing': (r) => r.issuer.code,
    'period.missing': (r) => r.period,
  };

  it('no note says a field is missing that the header filled', async () => {
    const part = (on: boolean, line: string) => (on ? [line] : []);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          number: fc.boolean(),
          date: fc.boolean(),
          title: fc.boolean(),
          signer: fc.boolean(),
        }),
        fc.constantFrom('bc.txt', 'bc.pdf'),
        async (has, name) => {
          const lines = [
            'ỦY BAN NHÂN DÂN',
            'XÃ DIỄN CHÂU',
            ...part(has.number, 'Số: 12/BC-UBND'),
            ...part(has.date, 'Diễn Châu, ngày 2 tháng 6 năm 2026'),
            'BÁO CÁO',
            ...part(has.title, 'Kết quả chuyển đổi số 6 tháng đầu năm 2026'),
            'I. KẾT QUẢ',
            '1. Toàn xã có 15 máy tính kết nối mạng.',
            ...part(has.signer, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thị Hoà'),
          ];
          const bytes =
            name === 'bc.txt' ? Buffer.from(lines.join('\n')) : await reportPdf(reportLines());
          const pkg = edxmlPackage(HEADER, [{ name, bytes }]);
          const { submission: s } = await memoryIngest().upload(
            inboxKey(DIEN_CHAU, 'goi.edxml'),
            pkg,
          );
          expect(s.report?.number).toBe('12/BC-UBND');
          for (const d of s.diagnostics) {
            const field = filledBy[d.code ?? ''];
            if (field) expect(field(s.report!), `${d.code}: ${d.message}`).toBeFalsy();
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe('hostile edXML', () => {
  it('a DOCTYPE with entities is refused, never expanded', async () => {
    const preamble =
      '<!DOCTYPE edXML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY x SYSTEM "file:///etc/passwd">]>\n';
    const pkg = edxmlPackage({ ...HEADER, subject: '&b;&x;' }, [{ name: NAME, bytes: signed }], {
      preamble,
    });
    const p = await problemOf(readFileContent('goi.edxml', pkg));
    expect(p.diagnostic.code).toBe('file.edxmlInvalid');
    expect(p.diagnostic.message).toMatch(/DOCTYPE/);
  });

  it('an undeclared entity is a syntax error, not text', async () => {
    const pkg = Buffer.from(
      edxmlPackage(HEADER, [{ name: NAME, bytes: signed }])
        .toString('utf8')
        .replace('Kết quả', '&xxe;'),
    );
    expect((await problemOf(readFileContent('goi.edxml', pkg))).diagnostic.code).toBe(
      'file.edxmlInvalid',
    );
  });

  it('base64 that would decode past the limit is refused while it is read', () => {
    // 30 MB of base64 (22 MB decoded) in one attachment: refused before the end is reached.
    const big = { name: 'lon.pdf', bytes: new Uint8Array(22 * 1024 * 1024) };
    const pkg = edxmlPackage(HEADER, [big]);
    expect(() => readEnvelope(pkg)).toThrow(FileProblem);
  });

  it('a package over the upload limit is refused before it is parsed', async () => {
    const pkg = edxmlPackage(HEADER, [
      { name: 'lon.pdf', bytes: new Uint8Array(16 * 1024 * 1024) },
    ]);
    expect((await problemOf(readFileContent('goi.edxml', pkg))).diagnostic.code).toBe(
      'file.tooLarge',
    );
  });

  it('XML in another namespace, or another root, is no edXML', async () => {
    const other = Buffer.from(
      edxmlPackage(HEADER, []).toString('utf8').replace('QCVN_102_2016', 'other'),
    );
    expect((await problemOf(readFileContent('goi.xml', other))).diagnostic.message).toMatch(
      /không phải gói/,
    );
    const rss = Buffer.from('<?xml version="1.0"?><rss><channel/></rss>');
    expect((await problemOf(readFileContent('tin.xml', rss))).diagnostic.message).toMatch(
      /không phải gói/,
    );
  });

  it('a package none of whose files can be read says why, naming the first file', async () => {
    const unreadable = fc.constantFrom(
      { name: 'bao-cao.pdf', bytes: Buffer.from('%PDF-1.7 hỏng') },
      { name: 'bao-cao.doc', bytes: Buffer.from('{\\rtf1 x}') },
      { name: 'bieu.ods', bytes: Buffer.from('PK') },
      { name: 'goi-con.edxml', bytes: edxmlPackage(HEADER, []) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(unreadable, { minLength: 1, maxLength: 3 }), async (files) => {
        const p = await problemOf(readFileContent('goi.edxml', edxmlPackage(HEADER, files)));
        expect(p.status).toBe('rejected');
        expect(p.diagnostic.code).toBe('file.edxmlInvalid');
        expect(p.diagnostic.message).toContain(`"${files[0]!.name}"`);
      }),
      { numRuns: 12 },
    );
    // Stored like any upload, with that reason first.
    const { submission } = await memoryIngest().upload(
      inboxKey('17662', 'goi.edxml'),
      edxmlPackage(HEADER, [{ name: 'bao-cao.pdf', bytes: Buffer.from('%PDF-1.7 hỏng') }]),
    );
    expect(submission.status).toBe('rejected');
    expect(submission.diagnostics[0]?.message).toMatch(
      /không có tệp đính kèm nào đọc được.*bao-cao\.pdf/,
    );
  });

  it('base64 with a character outside its alphabet, or an = inside, is a damaged file, never other bytes', async () => {
    const text = Buffer.from(
      'BÁO CÁO\nSố: 12/BC-UBND\nSố hồ sơ trực tuyến: 1.234 hồ sơ\n'.repeat(20),
    );
    const xml = edxmlPackage(HEADER, [{ name: 'bao-cao.txt', bytes: text }]).toString('utf8');
    const body = /(<(?:\w+:)?ContentTransferEncoded>)([^<]+)</.exec(xml)!;
    const start = body.index + body[1]!.length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('=', '!', '@', '#', '.', '-', '_', '*', '%'),
        fc.integer({ min: 1, max: body[2]!.trim().length - 2 }),
        async (stray, at) => {
          const bad = xml.slice(0, start + at) + stray + xml.slice(start + at);
          const p = await problemOf(readFileContent('goi.edxml', Buffer.from(bad)));
          expect(p.diagnostic.message).toMatch(/"bao-cao\.txt" bị hỏng \(mã base64 không hợp lệ\)/);
        },
      ),
      { numRuns: 20 },
    );
    const clean = await readFileContent('goi.edxml', Buffer.from(xml));
    expect(clean.kind === 'text' && clean.text).toContain('1.234 hồ sơ');
  });

  it('a package without attachments, or with too many, is refused', async () => {
    expect(
      (await problemOf(readFileContent('a.edxml', edxmlPackage(HEADER, [])))).diagnostic.code,
    ).toBe('file.edxmlInvalid');
    const many = Array.from({ length: 21 }, (_, i) => ({
      name: `${i}.txt`,
      bytes: Buffer.from('x'),
    }));
    expect(
      (await problemOf(readFileContent('a.edxml', edxmlPackage(HEADER, many)))).diagnostic.message,
    ).toMatch(/hơn 20/);
  });
});
