import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holdDoubtfulNumbers,
  NUMBER_DOUBT_CONFIDENCE,
  spelledBy,
} from '../../shared/ocr/scan-doubt.js';
import { scanText } from '../../shared/ocr/scan-text.js';
import { repairDocNumber, unknownSymbolParts } from '../../shared/ocr/symbol-codes.js';
import { readReport } from '../../shared/reader/read-report.js';
import { registry2025 } from '../helpers/fixtures.js';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const scanOf = (lines: Array<Array<[string, number]>>) =>
  scanText([
    {
      page: 1,
      lines: lines.map((ws) => ({
        box,
        words: ws.map(([text, confidence]) => ({ text, confidence, box })),
      })),
    },
  ]);

const PREAMBLE = (ref: string) => [
  'ỦY BAN NHÂN DÂN XÃ CON CUÔNG',
  'Số: 12/BC-UBND Con Cuông, ngày 3 tháng 6 năm 2025',
  'BÁO CÁO',
  'Kết quả thực hiện chuyển đổi số năm 2025',
  `Thực hiện Công văn số ${ref} ngày 5/5/2025 của Sở Khoa học và Công nghệ về việc báo cáo,`,
  'Ủy ban nhân dân xã báo cáo như sau:',
];

const read = (lines: string[], confidenceOf: (word: string) => number) => {
  const scan = scanOf(
    lines.map((l) => l.split(' ').map((w) => [w, confidenceOf(w)] as [string, number])),
  );
  return holdDoubtfulNumbers(readReport(scan.text, { registry: registry2025() }), scan);
};

describe('document numbers read with doubt', () => {
  it('finds the words that spell a number across a line break, with their lowest confidence', () => {
    const scan = scanOf([
      [
        ['số', 96],
        ['2522/', 93],
      ],
      [
        ['SKHCN-QLKH', 31],
        ['ngày', 96],
      ],
    ]);
    expect(spelledBy(scan, '2522/SKHCN-QLKH')).toEqual({ page: 1, confidence: 31 });
    expect(spelledBy(scan, '2523/SKHCN-QLKH')).toBeNull();
  });

  it('knows the parts of real symbols and not OCR slips', () => {
    expect(unknownSymbolParts('1464/SKHCN-KH&ĐMST')).toEqual([]);
    expect(unknownSymbolParts('57-NQ/TW')).toEqual([]);
    expect(unknownSymbolParts('2522/SKHON-QLKH')).toEqual(['SKHON']);
    expect(unknownSymbolParts('1965/S5SKHCN-KH&ĐMST')).toEqual(['S5SKHCN']);
  });

  it('leaves out a doubtful number with an unknown part and names it; keeps it when read clearly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 100 }),
        (n, confidence) => {
          const ref = `${n}/SKHON-QLKH`;
          const report = read(PREAMBLE(ref), (w) => (w === ref ? confidence : 96));
          const kept = report.requestedBy.some((r) => r.number === ref);
          expect(kept).toBe(confidence >= NUMBER_DOUBT_CONFIDENCE);
          expect(report.diagnostics.some((d) => d.code === 'ocr.doubtfulNumber')).toBe(!kept);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps a number of known parts read with middling confidence', () => {
    const report = read(PREAMBLE('582/SKHCN-CĐS'), (w) => (w.includes('/') ? 45 : 96));
    expect(report.requestedBy.map((r) => r.number)).toEqual(['582/SKHCN-CĐS']);
    expect(report.number).toBe('12/BC-UBND');
  });
});

describe('misread symbol parts', () => {
  it.each([
    ['125/8C-UBND', '125/BC-UBND'],
    ['2910/5KHCN-CĐS', '2910/SKHCN-CĐS'],
    ['102/S8KHCN-KH&ĐMST', '102/SKHCN-KH&ĐMST'],
    ['1950/S5SKHCN-KH&ĐMST', '1950/SKHCN-KH&ĐMST'],
    ['2744/S5SKHOCN-CĐS', null],
    ['12/QĐ-UBND', '12/QĐ-UBND'],
    ['57-NQ/TW', '57-NQ/TW'],
    ['7/KH-XYZ', '7/KH-XYZ'],
  ])('%s is given as %s', (read, given) => {
    expect(repairDocNumber(read)).toBe(given);
  });

  it('mends only parts with a digit among capitals, and only into known parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.stringMatching(/^[A-Z0-9]{1,7}$/),
        (n, part) => {
          const mended = repairDocNumber(`${n}/${part}-UBND`);
          if (!/\d/.test(part) || !/[A-Z]/.test(part)) expect(mended).toBe(`${n}/${part}-UBND`);
          else if (mended !== null) expect(unknownSymbolParts(mended)).toEqual([]);
        },
      ),
    );
  });
});
