import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { docxFromText, pdfFromText, pdfWithoutText, zipBomb } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import { plainForm } from '../../scripts/xlsx-forms.js';
import { MAX_FILE_BYTES } from '../../shared/files/limits.js';
import { decisiveReason } from '../../shared/ingest/decisive-reason.js';
import { ingestObject, type ObjectRef } from '../../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../../shared/ingest/upload-key.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';
import { inboxKey, type MemoryIngest, memoryIngest } from '../helpers/memory-ingest.js';

const registry = registry2025();
const nghiaDan = registry.byCode('16941')!;
const dienChau = registry.byCode('17464')!;
const conCo = registry.byCode('19742')!;
const enc = (s: string) => new TextEncoder().encode(s);

// Every upload gets its own version id, as S3 gives one in a versioned bucket.
let ingest: MemoryIngest;
beforeEach(() => {
  ingest = memoryIngest();
});
const upload = (key: string, bytes: Uint8Array, ref: Partial<ObjectRef> = {}) =>
  ingest.upload(key, bytes, { ref });
const key = inboxKey;
const codes = (r: { submission: { diagnostics: Array<{ code?: string | undefined }> } }) =>
  r.submission.diagnostics.map((d) => d.code);

describe('ingestObject: good reports', () => {
  it('accepts a DOCX report of the unit that sent it and keeps its figures', async () => {
    const r = await upload(
      key('16941', 'bao cao 6 tháng.docx'),
      await docxFromText(reportText(nghiaDan)),
    );
    expect(r.submission.status).toBe('accepted');
    expect(r.submission).toMatchObject({
      unitCode: '16941',
      provinceCode: '40',
      roundId: '2026-H1',
      version: 1,
    });
    expect(r.submission.report?.issuer.code).toBe('16941');
    expect(r.submission.report?.indicators.find((i) => i.key === 'computers')?.value).toBe(42);
    expect(r.submission.file).toMatchObject({ name: 'bao cao 6 tháng.docx', format: 'docx' });
    expect(r.submission.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores a legacy .doc with its figures, read from its tables', async () => {
    // Nà Hỳ (Điện Biên, 11): a report of 2025 in a 2026 round, so the period holds it for review.
    const r = await upload(
      key('03169', 'bao cao.doc', '11'),
      readFileSync(fixturePath('doc/muc-con.doc')),
    );
    expect(r.submission.file.format).toBe('doc');
    expect(r.submission.status).not.toBe('rejected');
    expect(codes(r).filter((c) => c?.startsWith('file.'))).toEqual([]);
    expect(r.submission.report?.issuer.code).toBe('03169');
    expect(
      r.submission.report?.indicators.find((i) => i.key === 'community_digital_teams')?.value,
    ).toBe(54);
  });

  it("stores an Excel form with its rows' figures, the unit being the upload's folder", async () => {
    const rows = [
      { label: 'Máy tính kết nối mạng tại trụ sở', unit: 'máy', result: 42, plan: null },
    ];
    const bytes = await plainForm(rows);
    const r = await upload(key('16941', 'bieu mau.xlsx'), bytes);
    expect(r.submission.file.format).toBe('xlsx');
    expect(r.submission.unitCode).toBe('16941');
    expect(r.submission.status).not.toBe('rejected');
    expect(r.submission.report?.indicators.map((i) => [i.label, i.value, i.unit])).toEqual([
      ['Máy tính kết nối mạng tại trụ sở', 42, 'máy'],
    ]);
    // A filled form has no number or date of its own: a note, not a reason to hold it.
    expect(r.submission.status).toBe('accepted');
    expect(codes(r)).toContain('form.noHeader');
    expect(codes(r)).not.toContain('header.unreadable');
  });

  it('holds an Excel form whose figures cannot be read, saying so first', async () => {
    const bytes = await plainForm([]);
    const r = await upload(key('16941', 'bieu mau trong.xlsx'), bytes);
    expect(r.submission.status).toBe('needs_review');
    expect(decisiveReason(r.submission.diagnostics)?.code).toBe('form.empty');
  });

  it('finds the unit from the header when the file is sent to the "_" folder', async () => {
    const r = await upload(key('_', 'bc.txt'), enc(reportText(dienChau)));
    expect(r.submission.unitCode).toBe('17464');
    expect(r.submission.status).toBe('accepted');
  });

  it('reads a text PDF', async () => {
    // Without an embedded font pdfkit writes Latin-1 only: the OCR-like text a scanner yields.
    const r = await upload(
      key('17464', 'bc.pdf'),
      await pdfFromText(
        [
          'UY BAN NHAN DAN',
          'XA DIEN CHAU',
          'S6: 12/BC-UBND',
          'Dien Chau, ngay 2 thang 6 nam 2026',
          'BAO CAO',
          'Ket qua chuyen doi so',
          'I. KET QUA',
          'Co 15 may tinh.',
        ].join('\n'),
      ),
    );
    expect(r.submission.status).toBe('accepted');
    expect(r.submission.report?.number).toBe('12/BC-UBND');
  });

  it('accepts a Report given as JSON', async () => {
    const first = await upload(key('16941', 'a.txt'), enc(reportText(nghiaDan)));
    const r = await upload(
      key('16941', 'bao-cao.json'),
      enc(JSON.stringify(first.submission.report)),
    );
    expect(r.submission.status).toBe('accepted');
    expect(r.submission.file.format).toBe('json');
  });
});

describe('ingestObject: the round from the request letter', () => {
  const adhoc = {
    provinceCode: '40',
    roundId: '2026-9M',
    title: 'Báo cáo 9 tháng',
    deadline: '2026-10-05T23:59:59+07:00',
    requests: ['1464/SKHCN-KH&ĐMST'],
    reminderOffsets: [-3],
    kind: 'adhoc' as const,
  };
  const answer = (unit = nghiaDan) =>
    reportText(unit)
      .replace('6 tháng đầu năm 2026', '9 tháng đầu năm 2026')
      .replace(
        'Kính gửi: Sở Khoa học và Công nghệ.',
        'Kính gửi: Sở Khoa học và Công nghệ.\nThực hiện Công văn số 1464/SKHCN-KH&ĐMST ngày 20/9/2026 ' +
          'của Sở Khoa học và Công nghệ, UBND xã báo cáo như sau:',
      );
  const roundKey = (fileName: string) =>
    buildUploadKey({ provinceCode: '40', roundId: '_', unitCode: '16941', fileName });

  it('places a file sent to the "_" round folder in the round its letter opened', async () => {
    const bytes = enc(answer());
    const r = await ingest.upload(roundKey('bc.txt'), bytes, {
      ref: { size: 1, versionId: null, eventTime: '2026-09-28T02:00:00Z' },
      deps: { rounds: async () => [adhoc] },
    });
    expect(r.submission).toMatchObject({
      roundId: '2026-9M',
      status: 'accepted',
      unitCode: '16941',
    });
  });

  it('rejects it, saying why, when no round matches', async () => {
    const bytes = enc(reportText(nghiaDan));
    const r = await ingest.upload(roundKey('bc.txt'), bytes, {
      ref: { size: 1, versionId: null, eventTime: '2026-09-28T02:00:00Z' },
      deps: { rounds: async () => [adhoc] },
    });
    expect(r.submission.status).toBe('rejected');
    expect(codes(r)).toContain('round.unresolved');
  });
});

describe('ingestObject: the same file again, and re-uploads', () => {
  it('records one upload once, however often its event arrives', async () => {
    const bytes = enc(reportText(nghiaDan));
    const a = await upload(key('16941', 'bc.txt'), bytes, { versionId: 'same' });
    const b = await upload(key('16941', 'bc.txt'), bytes, { versionId: 'same' });
    expect([a.created, b.created]).toEqual([true, false]);
    expect(ingest.submissions.all).toHaveLength(1);
  });

  it('makes every upload a version, the same bytes sent again included', async () => {
    const bytes = enc(reportText(nghiaDan));
    const a = await upload(key('16941', 'bc.txt'), bytes);
    const b = await upload(key('16941', 'bc.txt'), bytes);
    const c = await upload(key('16941', 'ten-khac.txt'), bytes);
    expect([a, b, c].map((r) => [r.created, r.submission.version])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
    ]);
  });

  it('keeps the old version when a corrected report is sent', async () => {
    await upload(key('16941', 'bc.txt'), enc(reportText(nghiaDan, { computers: 40 })));
    const r = await upload(key('16941', 'bc.txt'), enc(reportText(nghiaDan, { computers: 44 })));
    expect(r.submission.version).toBe(2);
    expect(
      ingest.submissions.all.map(
        (s) => s.report?.indicators.find((i) => i.key === 'computers')?.value,
      ),
    ).toEqual([40, 44]);
  });
});

describe('ingestObject: bad input is recorded with a Vietnamese reason, never lost', () => {
  const cases: Array<
    [
      string,
      () => Promise<{ name: string; bytes: Uint8Array; unit?: string }>,
      'rejected' | 'needs_review',
      RegExp,
    ]
  > = [
    [
      'an empty file',
      async () => ({ name: 'bc.txt', bytes: new Uint8Array() }),
      'rejected',
      /rỗng|trống/i,
    ],
    [
      'binary junk named .docx',
      async () => ({
        name: 'bc.docx',
        bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251),
      }),
      'rejected',
      /hỏng|không phải tệp Word/,
    ],
    [
      'a ZIP bomb named .docx',
      async () => ({ name: 'bc.docx', bytes: await zipBomb(30) }),
      'rejected',
      /giải nén|quá lớn|bất thường/,
    ],
    [
      'a password-protected PDF',
      async () => ({
        name: 'bc.pdf',
        bytes: await pdfFromText('BAO CAO', { userPassword: 'mat-khau' }),
      }),
      'rejected',
      /mật khẩu/,
    ],
    [
      'a scanned PDF without text',
      async () => ({ name: 'scan.pdf', bytes: await pdfWithoutText() }),
      'needs_review',
      /OCR/,
    ],
    [
      'an unsupported format',
      async () => ({ name: 'bc.odt', bytes: enc('PK\u0003\u0004 not really') }),
      'rejected',
      /định dạng|không hỗ trợ/i,
    ],
    [
      'binary junk named .txt',
      async () => ({
        name: 'bc.txt',
        bytes: Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256),
      }),
      'rejected',
      /không phải văn bản|nhị phân|không đọc được/i,
    ],
  ];
  for (const [what, make, status, message] of cases) {
    it(`${what} → ${status}`, async () => {
      const { name, bytes } = await make();
      const r = await upload(key('16941', name), bytes);
      expect(r.submission.status).toBe(status);
      expect(r.submission.unitCode).toBe('16941');
      expect(r.submission.diagnostics.map((d) => d.message).join(' ')).toMatch(message);
      expect(r.submission.file.key).toBe(key('16941', name));
      expect(ingest.objects.files.has(key('16941', name))).toBe(true);
    });
  }

  it('a file over 20 MB is rejected without being downloaded', async () => {
    const k = key('16941', 'lon.pdf');
    const r = await ingestObject(
      ingest.ref(k, MAX_FILE_BYTES + 1, { versionId: null, eTag: 'e' }),
      ingest.deps(),
    );
    expect(r.submission.status).toBe('rejected');
    expect(r.submission.diagnostics[0]?.message).toMatch(/20 MB/);
    expect(ingest.objects.gets).toBe(0);
  });

  it('a file outside the inbox layout is rejected with the expected layout', async () => {
    const r = await upload('tai-len/bc.docx', enc('x'));
    expect(r.submission.status).toBe('rejected');
    expect(r.submission.diagnostics[0]?.message).toContain(
      'inbox/<mã tỉnh>/<kỳ báo cáo>/<mã đơn vị>/<tên tệp>',
    );
  });

  it('an unknown unit code is rejected', async () => {
    const r = await upload(key('99999', 'bc.txt'), enc(reportText(nghiaDan)));
    expect(r.submission.status).toBe('rejected');
    expect(r.submission.diagnostics[0]?.message).toMatch(/99999/);
  });

  it('a unit of another province is rejected, naming both provinces', async () => {
    const r = await upload(key('19742', 'bc.txt'), enc(reportText(conCo)));
    expect(r.submission.status).toBe('rejected');
    expect(r.submission.diagnostics[0]?.message).toBe(
      'Đặc khu Cồn Cỏ thuộc tỉnh Quảng Trị, không thuộc tỉnh Nghệ An.',
    );
  });

  it('a document of another province sent to "_" says where it belongs', async () => {
    const r = await upload(key('_', 'bc.txt'), enc(reportText(conCo)));
    expect(r.submission.status).toBe('rejected');
    expect(codes(r)).toContain('unit.otherProvince');
    expect(r.submission.diagnostics.at(-1)?.message).toMatch(
      /tỉnh Quảng Trị.*không thuộc tỉnh Nghệ An/,
    );
  });

  it('a header naming another unit needs review', async () => {
    const r = await upload(
      key('16941', 'bc.txt'),
      enc(reportText(nghiaDan, { headerUnit: dienChau })),
    );
    expect(r.submission.status).toBe('needs_review');
    expect(r.submission.diagnostics.map((d) => d.message)).toContain(
      'Đơn vị trong văn bản (xã Diễn Châu) khác đơn vị nộp (xã Nghĩa Đàn).',
    );
  });

  it('a document dated after its upload needs review', async () => {
    const r = await upload(
      key('16941', 'bc.txt'),
      enc(reportText(nghiaDan, { date: { day: 1, month: 9, year: 2026 } })),
    );
    expect(r.submission.status).toBe('needs_review');
    expect(codes(r)).toContain('issuedOn.future');
  });
});

describe('ingestObject: a unit whose name several provinces share', () => {
  // Tân An: a xã in six provinces. The folder names which one sent it.
  const tanAn = registry.byCode('17305')!;
  const other = registry.byCode('26179')!;

  it('is the folder unit when the text gives no province', async () => {
    const r = await upload(key(tanAn.code, 'bao cao.txt'), enc(reportText(tanAn)));
    expect(r.submission.report?.issuer.code).toBe(tanAn.code);
    expect(codes(r)).not.toContain('unit.mismatch');
  });

  it('stays the folder unit when the text names another province, and says so', async () => {
    const text = reportText(tanAn).replace(
      'Kính gửi: Sở Khoa học và Công nghệ.',
      `Kính gửi: Sở Khoa học và Công nghệ tỉnh ${other.provinceName}.`,
    );
    const r = await upload(key(tanAn.code, 'bao cao.txt'), enc(text));
    expect(r.submission.report?.issuer.code).toBe(tanAn.code);
    expect(codes(r)).toContain('issuer.folderDisagrees');
  });
});
