import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import { CLEAN_TEXTS } from '../../scripts/word-fixtures.js';
import { domainWordModel } from '../../shared/text/words/domain-model.js';
import { canonicalSyllable } from '../../shared/text/words/inventory.js';
import { repairWords } from '../../shared/text/words/repair-words.js';
import { generateSyllables } from '../../shared/text/words/syllable-grammar.js';

const model = domainWordModel();
const repair = (s: string) => repairWords(s, model).text;

describe('the syllable grammar', () => {
  const all = new Set(generateSyllables().map((g) => g.text));

  it('generates the syllables of real words, each tone on its vowel', () => {
    const words =
      'kết quả thực hiện chuyển đổi số của người được giữa quốc quyết thụy hòa khỏe nghiêng yêu ' +
      'uyên gì gìn kỹ ủy xã hội nghĩa việt khuya ngoài xoáy khuỷu tỉnh phường đặc thẻ căn cước';
    for (const w of words.split(' ')) expect(all.has(w), w).toBe(true);
  });

  it('refuses spellings Vietnamese does not allow', () => {
    for (const w of ['ci', 'ka', 'gha', 'nge', 'qo', 'thwc', 'cia', 'hién', 'kếtt', 'ảc', 'ỏp'])
      expect(canonicalSyllable(w), w).toBeNull();
  });

  it('knows a word in either tone placement ("hoà" and "hòa")', () => {
    expect(canonicalSyllable('hoà')?.text).toBe('hòa');
    expect(canonicalSyllable('thuỵ')?.text).toBe('thụy');
  });
});

describe('repairWords', () => {
  it.each([
    ['Két qua thwc hién chuyén d6i s6', 'Kết quả thực hiện chuyển đổi số'],
    ['KET QUA THUC HIEN CHUYEN DOI SO', 'KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ'],
    [
      'Thieu can bo chuyen trach, kinh phi con han che',
      'Thiếu cán bộ chuyên trách, kinh phí còn hạn chế',
    ],
    ['Uy ban nhan dan xa', 'Ủy ban nhân dân xã'],
    ['Tuy nhién, xa chua ban hanh dugc ké hoach', 'Tuy nhiên, xã chưa ban hành được kế hoạch'],
    ['nâng cao nhận thirc của cán bg', 'nâng cao nhận thức của cán bộ'],
  ])('reads %j as %j', (damaged, clean) => {
    expect(repair(damaged)).toBe(clean);
  });

  it('keeps a valid word with diacritics in typed text unless a phrase asks for another', () => {
    expect(repair('khó khăn, vướng mắc vé hạ tầng')).toBe('khó khăn, vướng mắc vé hạ tầng');
    expect(repair('Báo cáo két quả thực hiện')).toBe('Báo cáo kết quả thực hiện');
  });

  it('keeps the original beside the repair, and each change where it was', () => {
    const text = 'Ngày 12/3/2026, Két qua thwc hién chuyén d6i s6 dat 98,5%.';
    const out = repairWords(text, model);
    expect(out.original).toBe(text);
    expect(out.changes.length).toBeGreaterThan(3);
    let rebuilt = text;
    for (const c of [...out.changes].reverse()) {
      expect(text.slice(c.index, c.index + c.from.length)).toBe(c.from);
      rebuilt = rebuilt.slice(0, c.index) + c.to + rebuilt.slice(c.index + c.from.length);
    }
    expect(rebuilt).toBe(out.text);
  });

  it('leaves abbreviations, numerals, codes and foreign words alone', () => {
    const text =
      'II. I1. Il. UBND KH&CN KH&ĐT VNeID Zalo internet KT. TM. 4G COVID-19 CCCD TTHC a@b.gov.vn camera wifi';
    expect(repair(text)).toBe(text);
  });

  it('changes nothing in typed Vietnamese', () => {
    for (const text of CLEAN_TEXTS) expect(repairWords(text, model).changes).toEqual([]);
    const unit = { code: '16941', name: 'Hưng Nguyên', level: 'xa' as const };
    const report = reportText({ ...unit, provinceCode: '40', provinceName: 'Nghệ An', emails: [] });
    expect(repairWords(report, model).changes).toEqual([]);
  });

  const number = fc.oneof(
    fc.integer({ min: 0, max: 99_999 }).map(String),
    fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2030 }),
      )
      .map(([d, m, y]) => `${d}/${m}/${y}`),
    fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('BC-UBND', 'KH-UBND', 'NQ-CP', 'SKHCN-QLKH'),
      )
      .map(([n, k]) => `${n}/${k}`),
    fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }))
      .map(([a, b]) => `${a},${b}%`),
    fc.constantFrom('1.020', '2.011', '57-NQ/TW', '01/7/2025', '13', '06', '16'),
  );
  const word = fc.constantFrom(
    's6',
    'd6i',
    'Két',
    'qua',
    'thwc',
    'hién',
    'x4',
    'ciia',
    'bg',
    'ngay',
    'sb',
    'cia',
  );

  it('never changes a number, a date or a document number', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(number, word), { minLength: 1, maxLength: 12 }), (tokens) => {
        const out = repair(tokens.join(' ')).split(' ');
        tokens.forEach((t, i) => {
          if (/\d/.test(t) && !/[a-z]\d|\d[a-z]/i.test(t.replace(/\/.*/, '')))
            expect(out[i]).toBe(t);
        });
      }),
    );
  });

  it('keeps white space and punctuation exactly; repairs at most the letters of a word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constantFrom(', ', '. ', '\n', ' - ', ' (', ') ')), {
          maxLength: 20,
        }),
        (parts) => {
          const text = parts.join(' ');
          const out = repair(text);
          expect(out.replace(/[^\s.,()-]/g, '')).toBe(text.replace(/[^\s.,()-]/g, ''));
        },
      ),
    );
  });
});
