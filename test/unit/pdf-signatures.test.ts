import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateSignatures, MAX_SIGNATURE_HEX } from '../../shared/files/signatures/locate.js';
import { verifyPdfSignatures } from '../../shared/files/signatures/verify-pdf.js';
import {
  appendContentUpdate,
  pdfWithSignatureDict,
  reportPdf,
  type SignedSet,
  signedSet,
} from '../helpers/signed-files.js';

let set: SignedSet;
let plain: Buffer;
let once: Buffer;
let twice: Buffer;
let trust: Uint8Array[];

beforeAll(async () => {
  set = await signedSet();
  plain = await reportPdf();
  once = await set.sign(plain, set.org);
  twice = await set.sign(await set.sign(plain, set.person), set.org, { time: 'timestamp' });
  trust = [set.pki.root.der];
});

describe('PDF signatures', () => {
  it('a file without signature has none', async () => {
    expect(await verifyPdfSignatures(plain, trust)).toEqual([]);
  });

  it('one signature: who, when, intact, whole file, trusted', async () => {
    const [s, ...rest] = await verifyPdfSignatures(once, trust);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      signer: 'UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU',
      organization: 'UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU',
      signedAt: '2026-11-18T02:12:00.000Z',
      signedAtSource: 'cms',
      valid: true,
      coversWholeDocument: true,
      changedAfter: false,
      chainsToTrustList: true,
      problem: null,
    });
  });

  it('person then organisation: the first does not cover the file, yet nothing changed after it', async () => {
    const [person, org] = await verifyPdfSignatures(twice, trust);
    expect(person).toMatchObject({
      signer: 'Nguyễn Thị Hoà',
      organization: 'UỶ BAN NHÂN DÂN XÃ DIỄN CHÂU',
      valid: true,
      coversWholeDocument: false,
      changedAfter: false,
    });
    expect(org).toMatchObject({
      valid: true,
      coversWholeDocument: true,
      signedAtSource: 'timestamp',
    });
  });

  it('the signing time is the signed attribute, a timestamp token, or only the dictionary /M', async () => {
    const at = new Date('2026-10-01T01:00:00Z');
    const bare = await set.sign(plain, set.org, { time: 'none', at });
    const [s] = await verifyPdfSignatures(bare, trust);
    expect(s).toMatchObject({
      signedAtSource: 'dictionary',
      signedAt: at.toISOString(),
      valid: true,
    });
  });

  it('a byte changed anywhere in the signed bytes breaks every signature over it', async () => {
    const ranges = locateSignatures(twice).map((f) => f.byteRange);
    const signedPositions = fc.oneof(
      ...ranges.flatMap(([a, b, c, d]) => [
        fc.integer({ min: a, max: a + b - 1 }),
        fc.integer({ min: c, max: c + d - 1 }),
      ]),
    );
    await fc.assert(
      fc.asyncProperty(signedPositions, fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const bad = Buffer.from(twice);
        bad[at] = bad[at]! ^ flip;
        const sigs = await verifyPdfSignatures(bad, trust);
        const covering = ranges.flatMap(([a, b, c, d], i) =>
          (at >= a && at < a + b) || (at >= c && at < c + d) ? [i] : [],
        );
        expect(covering.length).toBeGreaterThan(0);
        // A flip may also break the ByteRange text itself: then the dictionary is refused outright.
        for (const i of covering) expect(sigs[i]?.valid ?? false).not.toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('content added after signing (an incremental update) is told apart from a later signature', async () => {
    const [s] = await verifyPdfSignatures(appendContentUpdate(once), trust);
    expect(s).toMatchObject({ valid: true, coversWholeDocument: false, changedAfter: true });
    const [first, second] = await verifyPdfSignatures(appendContentUpdate(twice), trust);
    expect(first?.changedAfter).toBe(true);
    expect(second?.changedAfter).toBe(true);
  });

  it('a self-signed certificate verifies but chains to nothing', async () => {
    const [s] = await verifyPdfSignatures(
      await set.sign(plain, set.selfSigned, { chain: [] }),
      trust,
    );
    expect(s).toMatchObject({ valid: true, chainsToTrustList: false });
  });

  it('a self-signed certificate carrying the real intermediate still chains to nothing', async () => {
    // The validator once checked the file's last certificate instead of the signer's.
    const forged = await set.sign(plain, set.selfSigned, { chain: [set.pki.intermediate] });
    for (const list of [
      [set.pki.root.der],
      [set.pki.intermediate.der],
      [set.pki.root.der, set.pki.intermediate.der],
    ])
      expect((await verifyPdfSignatures(forged, list))[0]?.chainsToTrustList).toBe(false);
  });

  it('a list holding only the intermediate trusts what it issued', async () => {
    for (const chain of [[], [set.pki.intermediate]]) {
      const signed = await set.sign(plain, set.org, { chain });
      expect(
        (await verifyPdfSignatures(signed, [set.pki.intermediate.der]))[0]?.chainsToTrustList,
      ).toBe(true);
    }
  });

  it('the intermediate may be only in the trust list', async () => {
    const bare = await set.sign(plain, set.org, { chain: [] });
    expect((await verifyPdfSignatures(bare, [set.pki.root.der]))[0]?.chainsToTrustList).toBe(false);
    const both = [set.pki.root.der, set.pki.intermediate.der];
    expect((await verifyPdfSignatures(bare, both))[0]?.chainsToTrustList).toBe(true);
    expect((await verifyPdfSignatures(bare, []))[0]?.chainsToTrustList).toBe(false);
  });

  it('a CMS whose digest is of other bytes is invalid', async () => {
    const [s] = await verifyPdfSignatures(
      await set.sign(plain, set.org, { wrongDigest: true }),
      trust,
    );
    expect(s?.valid).toBe(false);
    expect(s?.problem).toMatch(/thay đổi sau khi ký/);
  });
});

describe('hostile signature dictionaries', () => {
  it('a ByteRange outside the file is refused, not followed', async () => {
    const pdf = pdfWithSignatureDict((g0, g1, size) => [0, g0, g1, size * 1000], '3082');
    const [s] = await verifyPdfSignatures(pdf, []);
    expect(s).toMatchObject({ valid: false, coversWholeDocument: false, chainsToTrustList: false });
    expect(s?.problem).toMatch(/ByteRange/);
  });

  it('a ByteRange that does not start the file, or overlaps, is refused', async () => {
    for (const range of [
      (g0: number, g1: number, size: number) => [5, g0 - 5, g1, size - g1],
      (g0: number, g1: number, size: number) => [0, g1, g0, size - g0],
    ]) {
      const [s] = await verifyPdfSignatures(pdfWithSignatureDict(range, '3082'), []);
      expect(s?.valid).toBe(false);
    }
  });

  it('a 20 MB CMS blob is refused before it is decoded', async () => {
    const hex = '30'.repeat(10 * 1024 * 1024);
    expect(hex.length).toBeGreaterThan(MAX_SIGNATURE_HEX);
    const pdf = pdfWithSignatureDict((g0, g1, size) => [0, g0, g1, size - g1], hex);
    const [found] = locateSignatures(pdf);
    expect(found?.cms).toBeNull();
    const [s] = await verifyPdfSignatures(pdf, []);
    expect(s?.problem).toMatch(/quá lớn/);
  });

  it('garbage in /Contents is unreadable, never valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4000 }), async (bytes) => {
        const hex = Buffer.from(bytes).toString('hex');
        const pdf = pdfWithSignatureDict((g0, g1, size) => [0, g0, g1, size - g1], hex);
        const [s] = await verifyPdfSignatures(pdf, []);
        expect(s?.valid).not.toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('at most 20 dictionaries are read', async () => {
    const one = pdfWithSignatureDict((g0, g1, size) => [0, g0, g1, size - g1], '00');
    const many = Buffer.concat(
      Array.from({ length: 30 }, (_, i) =>
        Buffer.from(
          one.toString('latin1').replace(/\[ {9}0/, `[${String(i).padStart(10)}`),
          'latin1',
        ),
      ),
    );
    expect(locateSignatures(many).length).toBeLessThanOrEqual(20);
  });

  const blank = (pdf: Buffer, what: string) =>
    Buffer.from(pdf.toString('latin1').replace(what, ' '.repeat(what.length)), 'latin1');

  it("only a signature dictionary counts: /Type /Sig, a signature /SubFilter, or a /Sig field's /V", async () => {
    const range = (pdf: Buffer) => locateSignatures(pdf).map((f) => f.byteRange.join(' '));
    const real = range(once);
    expect(real).toHaveLength(1);
    const noType = blank(once, '/Type /Sig');
    expect(range(noType)).toEqual(real);
    const fieldOnly = blank(noType, '/SubFilter /adbe.pkcs7.detached');
    expect(range(fieldOnly)).toEqual(real);
    // The same dictionary, named by no signature field, is any dictionary with a /ByteRange key.
    expect(range(blank(fieldOnly, '/FT /Sig'))).toEqual([]);
    expect(range(blank(fieldOnly, '/V 13 0 R'))).toEqual([]);
  });

  it('a /ByteRange in a comment, a string, a stream or another dictionary is no signature', async () => {
    const gap = (pdf: Buffer) => {
      const [a, b, c, d] = locateSignatures(pdf)[0]!.byteRange;
      return { a, b, c, d };
    };
    const real = gap(once);
    const places = fc.constantFrom(
      (r: string) => `%${r}\n`,
      (r: string) => `90 0 obj\n(${r})\nendobj\n`,
      (r: string) => `91 0 obj\n<< /Length ${r.length} >>\nstream\n${r}\nendstream\nendobj\n`,
      (r: string) => `92 0 obj\n<< /Type /Annot ${r} >>\nendobj\n`,
      (r: string) => `93 0 obj\n<< /Type /Sig /Contents <00> /Reason (${r}) >>\nendobj\n`,
    );
    const junk = fc.record({
      b: fc.oneof(fc.constant(real.b), fc.nat(50_000)),
      c: fc.oneof(fc.constant(real.c), fc.nat(50_000)),
      d: fc.nat(50_000),
      contents: fc.constantFrom('', ' /Contents <3082>', ' /Contents <00> /M (D:20261118)'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(places, junk), { minLength: 1, maxLength: 30 }),
        async (list) => {
          const text = list
            .map(([place, j]) => place(`/ByteRange [0 ${j.b} ${j.c} ${j.d}]${j.contents}`))
            .join('');
          const [, withJunk] = [plain, Buffer.concat([plain, Buffer.from(text, 'latin1')])];
          expect(locateSignatures(withJunk)).toEqual([]);
          const signed = Buffer.concat([once, Buffer.from(text, 'latin1')]);
          const found = locateSignatures(signed);
          expect(found.map((f) => f.byteRange)).toEqual([[real.a, real.b, real.c, real.d]]);
          const [s] = await verifyPdfSignatures(signed, trust);
          expect(s).toMatchObject({ valid: true, coversWholeDocument: false });
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it("a signature dictionary whose range borrows another's /Contents (wrapping) is never valid", async () => {
    const [real] = locateSignatures(once);
    const [, b, c] = real!.byteRange;
    const borrowed = (d: number) =>
      `\n95 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ` +
      `/ByteRange [0 ${b} ${c} ${d}] /Contents <${'0'.repeat(64)}> >>\nendobj\n`;
    const text = borrowed(once.length - c);
    const file = Buffer.concat([
      once,
      Buffer.from(text.replace(/ \d+\]/, ` ${once.length + text.length - c}]`)),
    ]);
    const found = locateSignatures(file);
    expect(found).toHaveLength(2);
    expect(found[1]).toMatchObject({ cms: null, problem: expect.stringMatching(/Contents/) });
    const [first, second] = await verifyPdfSignatures(file, trust);
    expect(first?.valid).toBe(true);
    expect(second?.valid).toBe(false);
  });

  it('any soup of PDF tokens around /ByteRange keys is read to its end without a throw', () => {
    const token = fc.constantFrom(
      '<<',
      '>>',
      '[',
      ']',
      '(',
      ')',
      '\\',
      '<',
      '>',
      '%',
      '\n',
      ' ',
      '/ByteRange',
      '/Contents',
      '/Type',
      '/Sig',
      '/FT',
      '/V',
      '13 0 R',
      '13 0 obj',
      'endobj',
      'stream',
      '[0 1 2 3]',
      '<3082>',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), (tokens) => {
        const found = locateSignatures(Buffer.from(tokens.join(' '), 'latin1'));
        expect(found.length).toBeLessThanOrEqual(tokens.filter((t) => t === '/ByteRange').length);
        for (const f of found) expect(f.cms === null || f.problem === null).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
