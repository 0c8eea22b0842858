import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personName, rngOf, SIGNER_BLOCKS } from '../../scripts/report-generator.js';
import { contentLines, toDoc } from '../../shared/reader/lines.js';
import { signatureTokens, titleOfBlock } from '../../shared/reader/signature-titles.js';
import { readSignature } from '../../shared/reader/signer.js';
import { fold } from '../../shared/text/fold.js';

const CLOSING = 'Trên đây là báo cáo kết quả thực hiện của Ủy ban nhân dân./.';
const read = (lines: string[], damaged = false) =>
  readSignature(contentLines(toDoc([CLOSING, ...lines].join('\n'))), { damaged });
const titleOf = (lines: string[]) =>
  titleOfBlock(lines.flatMap((l) => signatureTokens(l, fold(l)))).title;

const block = fc.constantFrom(...SIGNER_BLOCKS);
const name = fc.integer().map((seed) => personName(rngOf(seed)));
// What a red seal leaves of a title line: its first letters covered ("PHÓ CHỦ TỊCH" → "CHỦ TỊCH").
const covered = (line: string, n: number) => line.slice(Math.min(n, line.length)).trimStart();

describe('signature block rules (Nghị định 30/2020: TM., KT., Q., TL., TUQ.)', () => {
  it('every block gives its own title and the name under it, whoever signs', () => {
    fc.assert(
      fc.property(block, name, fc.boolean(), (b, n, beside) => {
        const right = [...b.lines, '(Đã ký)', n];
        const left = ['Nơi nhận:', '- Như trên;', '- CHỦ TỊCH, CÁC PCT UBND;', '- Lưu: VT.'];
        const lines = beside
          ? right.map((r, i) => `${(left[i] ?? '').padEnd(44)}${r}`)
          : [...left, ...right];
        expect(read(lines)).toMatchObject({ title: b.title, name: n });
      }),
      { numRuns: 300 },
    );
  });

  it('a seal over the start of a title line never yields a wrong title (null is allowed)', () => {
    fc.assert(
      fc.property(block, fc.nat({ max: 20 }), fc.nat({ max: 3 }), (b, cut, which) => {
        const at = Math.min(which, b.lines.length - 1);
        const lines = b.lines.map((l, i) => (i === at ? covered(l, cut) : l));
        // A line covered to a letter or less is gone: the block is then another valid block.
        const legible = lines.filter((l) => l.replace(/[^\p{L}]/gu, '').length >= 2);
        const letters = (ls: readonly string[]) => ls.map((l) => fold(l).replace(/[^a-z]/g, ''));
        const same = SIGNER_BLOCKS.find((x) => `${letters(x.lines)}` === `${letters(legible)}`);
        expect([b.title, null, same?.title ?? null]).toContain(titleOf(lines));
      }),
      { numRuns: 500 },
    );
  });

  it('"KT." above means a deputy below: the head\'s own title is never given', () => {
    for (const below of ['PHÓ CHỦ TỊCH', 'CHỦ TỊCH', 'U TỊCH', '']) {
      expect(titleOf(['KT. CHỦ TỊCH', below])).toBe('PHÓ CHỦ TỊCH');
      expect(titleOf(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', below])).toBe('PHÓ CHỦ TỊCH');
    }
    expect(titleOf(['KT. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'])).toBeNull();
  });

  it('"TL." and "TUQ." name an office below, never the head; unread, the title is left out', () => {
    for (const prefix of ['TL.', 'TUQ.', 'T/L', 'T.U.Q']) {
      expect(titleOf([`${prefix} CHỦ TỊCH`, 'CHÁNH VĂN PHÒNG'])).toBe('CHÁNH VĂN PHÒNG');
      expect(titleOf([`${prefix} CHỦ TỊCH`, 'CHỦ TỊCH'])).toBeNull();
      expect(titleOf([`${prefix} CHỦ TỊCH`])).toBeNull();
    }
    expect(titleOf(['Q. CHỦ TỊCH'])).toBe('Q. CHỦ TỊCH');
  });

  it('a recipient naming a role is no title; a title printed beside the list is', () => {
    const lines = [
      'Nơi nhận:',
      '- CHỦ TỊCH, CÁC PCT UBND XÃ;',
      '- Chủ tịch, các Phó Chủ tịch UBND xã;',
      '- Lưu: VT. PHÓ CHỦ TỊCH',
      '',
      'Lò Văn Muôn',
    ];
    expect(read(lines)).toMatchObject({ title: 'PHÓ CHỦ TỊCH', name: 'Lò Văn Muôn' });
    expect(read(lines).distribution).toEqual([
      'CHỦ TỊCH, CÁC PCT UBND XÃ',
      'Chủ tịch, các Phó Chủ tịch UBND xã',
      'Lưu: VT',
    ]);
  });
});

describe('signer names', () => {
  const names = [
    'Giàng A Páo',
    'Sùng Mí Chá',
    'Lù Thị Mỷ',
    'Rơ Mah Hiếu',
    'Ksor Nhí',
    "H'Hen Niê",
    'Y Biêr Êban',
    'Kpă Thuyên',
    'Thạch Sô Phol',
    'Đinh Văn Hrích',
  ];

  it.each(names)('"%s" is kept, typed or in capitals, whatever its syllables', (n) => {
    const lines = ['Nơi nhận:', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', n];
    expect(read(lines).name).toBe(n);
    expect(read(lines.map((l, i) => (i === 4 ? l.toUpperCase() : l))).name).toBe(n.toUpperCase());
  });

  it('OCR garbage is no name: a Kinh syllable with its horn read "w", a word without a vowel', () => {
    for (const garbled of ['Nguyễn Thị Thwy', 'Trần Văn Blnh', 'Nguy€n Văn An', 'Lê Văn 4n']) {
      const lines = ['Nơi nhận:', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', garbled];
      expect(read(lines).name).toBeNull();
    }
    // On OCR output a Kinh syllable one confusion away is doubted; typed, the name is the name.
    const lines = ['Nơi nhận:', '- Lưu: VT.', 'CHỦ TỊCH', 'Thạch Sô Phol'];
    expect(read(lines, true).name).toBeNull();
    expect(read(lines, false).name).toBe('Thạch Sô Phol');
  });

  it('a seal read by OCR is no name', () => {
    for (const seal of ['PHƯỜNG NAM HỒNG LĨNH', 'ỦY BAN NHÂN DÂN', '* XA KY XUAN *']) {
      const lines = ['Nơi nhận:', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', seal, 'Ksor Nhí'];
      expect(read(lines).name).toBe('Ksor Nhí');
    }
  });
});
