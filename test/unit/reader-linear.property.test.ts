import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import type { UnitRegistry } from '../../shared/units/registry.js';
import { registry2025 } from '../helpers/fixtures.js';
import { measureWork } from '../helpers/work-meter.js';

// Shapes that made passes quadratic: a token repeated many times, or a long run of one character,
// between a plausible start and end. Work is counted (regex executions, characters they covered,
// registry look-ups), never timed.
const TOKENS = [
  ' ',
  '.',
  ',',
  '1 ',
  'So',
  'UBND xã Hồng Lộc ',
  'ỦY BAN NHÂN DÂN XÃ CẨM DUỆ ',
  '. Căn cứ a',
  '. căn cứ a',
  '; Thực hiện Công văn số 1',
  'Thực hiện thực hiện ',
  'ngày ',
  'ngày 1 tháng ',
  'KT.',
  'CHỦ TỊCH ',
  'I. ',
  'a-\nB\n',
  '12/BC-',
  '99,5% ',
  'tỉnh Nghệ An ',
];
const PREFIXES = [
  '',
  'So',
  'Số: ',
  'UBND XÃ A\nHà Nội,',
  'BÁO CÁO\nvề việc\n',
  'BÁO CÁO\nx\nI. Kết quả\nabc\nCHỦ TỊCH',
  'BÁO CÁO\nx\nI. Kết quả\nNơi nhận:\n- A',
  'Kính gửi: ',
];
const SUFFIXES = ['', 'x', ' ngày 8 tháng 8 năm 2025', '\nNguyễn Văn A', '1', ' 5 hồ sơ'];

/** A registry that counts name look-ups, each of which may compare against every unit. */
function countingRegistry(): { registry: UnitRegistry; lookups: () => number } {
  const base = registry2025();
  let n = 0;
  const registry = new Proxy(base, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'resolveName' || prop === 'resolveProvince') n++;
        return v.apply(target, args);
      };
    },
  });
  return { registry, lookups: () => n };
}

function workFor(text: string) {
  const { registry, lookups } = countingRegistry();
  const { work } = measureWork(() => readReport(text, { registry }));
  return { scanned: work.scanned, execs: work.execs, lookups: lookups() };
}

describe('readReport does work linear in its input', () => {
  // Tables built on first use are not part of any one reading.
  readReport('warm up', { registry: registry2025() });

  it('doubling a repeated shape at most doubles the work (plus a constant)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES),
        fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...SUFFIXES),
        fc.integer({ min: 800, max: 1600 }),
        (prefix, unit, suffix, k) => {
          const body = unit.join('');
          const small = workFor(prefix + body.repeat(k) + suffix);
          const large = workFor(prefix + body.repeat(2 * k) + suffix);
          // Linear work doubles; quadratic work quadruples. The constant covers fixed scans.
          expect(large.scanned).toBeLessThanOrEqual(2.2 * small.scanned + 5_000);
          expect(large.execs).toBeLessThanOrEqual(2.2 * small.execs + 500);
          // Name look-ups are capped whatever the text repeats.
          expect(large.lookups).toBeLessThanOrEqual(Math.max(small.lookups, 40));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the reported cases stay linear: "So" + spaces, repeated issuer, dots after a title', () => {
    const cases = [
      (n: number) => `So${' '.repeat(n)}x`,
      (n: number) => `ỦY BAN NHÂN DÂN\n${'UBND xã Hồng Lộc '.repeat(n / 16)}\nBÁO CÁO\nvề x`,
      (n: number) => `BÁO CÁO\nvề việc\n${'. Căn cứ a'.repeat(n / 10)}`,
      (n: number) => `UBND XÃ A\nHà Nội,${' '.repeat(n)}x${' '.repeat(n)}, ngày 1 tháng 2 năm 2025`,
      (n: number) => `BÁO CÁO\nx\nI. Kết quả\nabc\nCHỦ TỊCH\nNguyễn Văn A${'.'.repeat(n)}x`,
      (n: number) => `BÁO CÁO\nx\nI. Kết quả\nNơi nhận:\n- A${'.'.repeat(n)}x\n`,
    ];
    for (const make of cases) {
      const small = workFor(make(20_000));
      const large = workFor(make(80_000));
      expect(large.scanned).toBeLessThanOrEqual(4.4 * small.scanned + 5_000);
      expect(large.lookups).toBeLessThanOrEqual(40);
    }
  });
});
