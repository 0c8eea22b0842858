import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildUploadKey,
  decodeEventKey,
  encodeEventKey,
  fitFileName,
  MAX_FILE_NAME_BYTES,
  parseUploadKey,
} from '../../shared/ingest/upload-key.js';

describe('S3 event keys', () => {
  it('decodes the key S3 writes for a Vietnamese file name with spaces', () => {
    // What S3 put in a real event for "inbox/40/2026-H1/16941/Báo cáo 6 tháng (1).docx".
    expect(
      decodeEventKey('inbox/40/2026-H1/16941/B%C3%A1o+c%C3%A1o+6+th%C3%A1ng+%281%29.docx'),
    ).toBe('inbox/40/2026-H1/16941/Báo cáo 6 tháng (1).docx');
  });

  it('keeps a literal plus, which S3 encodes as %2B', () => {
    expect(decodeEventKey('inbox/40/2026-H1/16941/a%2Bb.txt')).toBe(
      'inbox/40/2026-H1/16941/a+b.txt',
    );
  });

  it('does not throw on a malformed escape', () => {
    expect(decodeEventKey('inbox/40/2026-H1/16941/100%.txt')).toBe(
      'inbox/40/2026-H1/16941/100%.txt',
    );
  });

  it('round-trips any key, including decomposed diacritics and reserved characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const key = `inbox/40/2026-H1/16941/${name}`;
        expect(decodeEventKey(encodeEventKey(key))).toBe(key);
      }),
    );
  });
});

describe('upload layout', () => {
  it('reads province, round, unit and file name', () => {
    const k = {
      provinceCode: '40',
      roundId: '2026-H1',
      unitCode: '16941',
      fileName: 'Báo cáo.docx',
    };
    expect(parseUploadKey(buildUploadKey(k))).toEqual({ ok: true, key: k });
  });

  it('names the file as its sender did, without the portal’s upload folder', () => {
    const id = '3acdba65-509e-4e47-adc9-80659ff6f7dd';
    const r = parseUploadKey(`inbox/40/2026-H1/16941/${id}/Báo cáo sửa.docx`);
    expect(r).toMatchObject({ ok: true, key: { unitCode: '16941', fileName: 'Báo cáo sửa.docx' } });
  });

  it.each([
    ['reports/bc.docx', /không nằm đúng thư mục/],
    ['inbox/40/2026-H1/bc.docx', /không nằm đúng thư mục/],
    ['inbox/Nghe An/2026-H1/16941/bc.docx', /Mã tỉnh "Nghe An" không hợp lệ/],
    ['inbox/40/dot-1/16941/bc.docx', /Kỳ báo cáo "dot-1" không hợp lệ/],
    ['inbox/40/2026-H1/Nghia Dan/bc.docx', /Mã đơn vị "Nghia Dan" không hợp lệ/],
    ['inbox/40/2026-H1/16941/', /không nằm đúng thư mục/],
    ['inbox/40/2026-H1/16941/3acdba65-509e-4e47-adc9-80659ff6f7dd/', /không nằm đúng thư mục/],
  ])('%s is refused with a reason', (key, message) => {
    const r = parseUploadKey(key);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('fitFileName', () => {
  it('keeps any name within the byte limit, its extension and its identity', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.constantFrom('.docx', '.pdf', ''),
        (stem, ext) => {
          const name = stem + ext;
          const fitted = fitFileName(name);
          expect(new TextEncoder().encode(fitted).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
          if (new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES)
            expect(fitted).toBe(name);
          else if (ext) expect(fitted.endsWith(ext)).toBe(true);
          expect(fitFileName(name)).toBe(fitted);
        },
      ),
    );
  });
});
