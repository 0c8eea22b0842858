import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignatures } from '../../shared/ingest/signature-rules.js';
import type { Report } from '../../shared/schemas/report.js';
import type { Signature } from '../../shared/schemas/signature.js';
import { signatureLine } from '../../shared/vocabulary/signature-words.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import {
  appendContentUpdate,
  DIEN_CHAU,
  reportPdf,
  type SignedSet,
  signedSet,
} from '../helpers/signed-files.js';

let set: SignedSet;
let plain: Buffer;

beforeAll(async () => {
  set = await signedSet();
  plain = await reportPdf();
});

const codes = (diagnostics: Array<{ code?: string }>) => diagnostics.map((d) => d.code);

async function ingest(bytes: Buffer, trust: Uint8Array[] = [set.pki.root.der]) {
  const m = memoryIngest({ deps: { trustList: async () => trust } });
  return (await m.upload(inboxKey(DIEN_CHAU, 'bao-cao-ky-so.pdf'), bytes)).submission;
}

describe('what signatures mean for a submission', () => {
  it('a file signed by its own unit, chained to the trust list, is accepted with its signature', async () => {
    const s = await ingest(await set.sign(plain, set.org));
    expect(s.status).toBe('accepted');
    expect(s.report?.signatures).toHaveLength(1);
    expect(codes(s.diagnostics).filter((c) => c?.startsWith('signature'))).toEqual([]);
  });

  it('no signature is nothing', async () => {
    const s = await ingest(plain);
    expect(s.status).toBe('accepted');
    expect(s.report?.signatures).toEqual([]);
  });

  it('a person then the organisation: normal', async () => {
    const s = await ingest(await set.sign(await set.sign(plain, set.person), set.org));
    expect(s.status).toBe('accepted');
    expect(s.report?.signatures?.map((x) => x.valid)).toEqual([true, true]);
  });

  it('a broken signature needs review, with a Vietnamese reason', async () => {
    const signed = await set.sign(plain, set.org);
    // The file still reads (its creation date changed by one digit); its signature does not.
    const at = signed.indexOf('(D:20') + 6;
    signed[at] = signed[at] === 0x39 ? 0x38 : signed[at]! + 1;
    const s = await ingest(signed);
    expect(s.status).toBe('needs_review');
    expect(codes(s.diagnostics)).toContain('signature.invalid');
    expect(s.diagnostics.find((d) => d.code === 'signature.invalid')?.message).toMatch(
      /không hợp lệ/,
    );
  });

  it('content added after signing needs review', async () => {
    const s = await ingest(appendContentUpdate(await set.sign(plain, set.org)));
    expect(s.status).toBe('needs_review');
    expect(codes(s.diagnostics)).toContain('signature.changedAfter');
  });

  it("another unit's organisation signed it: needs review", async () => {
    const s = await ingest(await set.sign(plain, set.otherOrg));
    expect(s.status).toBe('needs_review');
    expect(s.diagnostics.find((d) => d.code === 'signature.otherUnit')?.message).toMatch(
      /Quỳnh Lưu/,
    );
  });

  it('a certificate outside the trust list is a note, not a review', async () => {
    const s = await ingest(await set.sign(plain, set.selfSigned, { chain: [] }));
    expect(s.status).toBe('accepted');
    expect(codes(s.diagnostics)).toContain('signature.untrusted');
    const none = await ingest(await set.sign(plain, set.org), []);
    expect(codes(none.diagnostics)).toContain('signature.untrusted');
  });

  it('a .json report cannot claim signatures', async () => {
    const m = memoryIngest();
    const fake = { signer: 'X', valid: true } as unknown as Signature;
    const r = await m.upload(
      inboxKey(DIEN_CHAU, 'r.json'),
      Buffer.from(JSON.stringify({ signatures: [fake] })),
    );
    expect(r.submission.report?.signatures ?? []).toEqual([]);
  });
});

describe('signature names', () => {
  const unit = registry2025().byCode(DIEN_CHAU)!;
  const sig = (over: Partial<Signature>): Signature => ({
    signer: null,
    organization: null,
    signedAt: '2026-11-18T02:12:00.000Z',
    signedAtSource: 'cms',
    valid: true,
    coversWholeDocument: true,
    changedAfter: false,
    chainsToTrustList: true,
    problem: null,
    ...over,
  });
  const report = (signatures: Signature[]) => ({ signatures }) as unknown as Report;

  it('are compared folded: "UỶ BAN", "ỦY BAN", "UBND", any case', () => {
    for (const name of [
      'UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU',
      'ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU',
      'Uỷ ban nhân dân xã Diễn Châu',
      'UBND xã Diễn Châu',
      'UBND XÃ DIỄN CHÂU, TỈNH NGHỆ AN',
    ]) {
      const r = checkSignatures(
        report([sig({ signer: name, organization: name })]),
        unit,
        registry2025(),
      );
      expect(r, name).toEqual({ review: false, diagnostics: [] });
    }
  });

  it("a person's name or a name that is no unit is not judged", () => {
    const r = checkSignatures(
      report([sig({ signer: 'Nguyễn Văn An', organization: 'Tỉnh Nghệ An' })]),
      unit,
      registry2025(),
    );
    expect(r.review).toBe(false);
  });

  it('one line says who, when (Vietnam time), the verdict and that revocation was not checked', () => {
    const line = signatureLine(sig({ signer: 'UBND xã Diễn Châu' }));
    expect(line).toBe(
      'Ký số: UBND xã Diễn Châu, 18/11/2026 09:12, hợp lệ; chứng thư thuộc danh sách tin cậy của Sở; ' +
        'chưa kiểm tra thu hồi chứng thư (kiểm tra ngoại tuyến)',
    );
    expect(signatureLine(sig({ valid: false, problem: 'X' }))).toMatch(/không hợp lệ: X/);
  });
});

describe('the rollup workbook', () => {
  it("names each source file's signatures in 'Hồ sơ nguồn'", async () => {
    const { morningRollup, registry, submissionOf } = await import('../helpers/rollup-fixtures.js');
    const ExcelJS = (await import('exceljs')).default;
    const units = registry.unitsOf('40').slice(0, 3);
    const [first, ...rest] = units.map((u) => submissionOf(u, { computers: 12 }));
    const signedOne = {
      ...first!,
      report: { ...first!.report!, signatures: [sigOf('UBND xã A')] },
    };
    const { files } = await morningRollup(units, [signedOne, ...rest]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.xlsx!.bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Hồ sơ nguồn')!;
    const header = (sheet.getRow(1).values as unknown[]).indexOf('Ký số');
    expect(header).toBeGreaterThan(0);
    const cells = sheet.getColumn(header).values.map(String);
    expect(
      cells.filter((c) => c.startsWith('Ký số: UBND xã A, 18/11/2026 09:12, hợp lệ')),
    ).toHaveLength(1);
  });
});

function sigOf(signer: string): Signature {
  return {
    signer,
    organization: signer,
    signedAt: '2026-11-18T02:12:00.000Z',
    signedAtSource: 'cms',
    valid: true,
    coversWholeDocument: true,
    changedAfter: false,
    chainsToTrustList: true,
    problem: null,
  };
}

describe('the pages', () => {
  it("the commune's file card and the desk's file page show each signature, escaped", async () => {
    const { readingOf } = await import('../../web/views/report.js');
    const { signatureLines } = await import('../../web/views/signatures.js');
    const m = memoryIngest();
    const { submission } = await m.upload(
      inboxKey(DIEN_CHAU, 'a.pdf'),
      await set.sign(plain, set.org),
    );
    const hostile = { ...sigOf('<script>alert(1)</script>'), valid: false, problem: 'x' };
    const report = {
      ...submission.report!,
      signatures: [...submission.report!.signatures!, hostile],
    };
    const page = String(await readingOf({ ...submission, report }));
    expect(page).toContain('Ký số: UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU, 18/11/2026 09:12, hợp lệ');
    expect(page).toContain('chưa kiểm tra thu hồi chứng thư');
    expect(page).not.toContain('<script>alert');
    expect(String(await signatureLines(report))).toContain('&lt;script&gt;');
    expect(signatureLines({ ...report, signatures: [] })).toBe('');
  });
});
