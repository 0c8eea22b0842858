import type { Rollup } from '../schemas/rollup.js';
import { provinceTitle } from '../units/province-title.js';
import { capitalize, titled, UNIT_STATE_WORDS } from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';
import { NATIONAL } from './build-rollup.js';

// Vietnamese number formats: "1.234", "87,5%".
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const formatNumber = (n: number) => (Number.isInteger(n) ? integer : decimal).format(n);
export const formatPercent = (n: number) => `${decimal.format(n)}%`;

/**
 * Several values side by side (min – median – max) with one precision, the most any of them needs
 * (at most two decimals), and the unit on each: "86,70% – 88,57% – 89,63%", "11 tổ – 15 tổ – 20 tổ".
 */
export function formatSameScale(values: number[], unit: string | null): string[] {
  const decimals = Math.max(
    0,
    ...values.map((v) => {
      const fixed = v.toFixed(2).replace(/0+$/, '');
      return fixed.length - fixed.indexOf('.') - 1;
    }),
  );
  const f = new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const after = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  return values.map((v) => `${f.format(v)}${after}`);
}
/** "10/6/2026": a day in formal text, never with its weekday. */
export function formalDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d}/${m}/${y}`;
}
/** A 0..1 share as a percentage with one decimal. */
export const formatShare = (x: number) =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(x * 100)}%`;

/** A unit's state as a table cell: "Đúng hạn", "Chưa nộp". */
export const STATE_TITLES = titled(UNIT_STATE_WORDS);

export { LEVEL_TITLES } from '../vocabulary/unit-names.js';

export const isNational = (r: Pick<Rollup, 'provinceCode'>) => r.provinceCode === NATIONAL;
/** "tỉnh Nghệ An", "thành phố Huế", or "toàn quốc". */
export const scopeTitle = (r: Pick<Rollup, 'provinceCode' | 'scopeName'>) =>
  isNational(r) ? 'toàn quốc' : provinceTitle(r.scopeName);
/** "trên địa bàn tỉnh Nghệ An", or "trên cả nước". */
export const scopeWhere = (r: Pick<Rollup, 'provinceCode' | 'scopeName'>) =>
  isNational(r) ? 'trên cả nước' : `trên địa bàn ${scopeTitle(r)}`;

/** "xã, phường, đặc khu" as far as the scope has them: "đặc khu" only where one exists. */
export function levelsOf(r: Pick<Rollup, 'status'>): string {
  const names = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' } as const;
  const present = r.status.byLevel.map((l) => names[l.level]);
  return present.length ? present.join(', ') : 'xã, phường';
}

/** Each unit's name as the outputs print it ("Xã Diễn Châu"), by code. */
export function unitNames(r: Pick<Rollup, 'units'>): Map<string, string> {
  const known = UNIT_NAMES.get(r.units);
  if (known) return known;
  const names = new Map(
    r.units.map((u) => [u.unitCode, capitalize(unitLabel({ level: u.level, name: u.unitName }))]),
  );
  UNIT_NAMES.set(r.units, names);
  return names;
}

/** The names of each rollup's units, made once: each renderer asks (the country: 3,321 names). */
const UNIT_NAMES = new WeakMap<Rollup['units'], Map<string, string>>();

/** Where a round's rollup files live in the bucket. */
export const rollupPrefix = (provinceCode: string, roundId: string) =>
  `rollups/${provinceCode}/${roundId}/`;

/** A rollup file's name: "tong-hop-40-2026-H1.docx". */
export const rollupFileName = (provinceCode: string, roundId: string, ext: string) =>
  `tong-hop-${provinceCode}-${roundId}.${ext}`;

/** "6 tháng đầu năm 2026" from the round's title "Báo cáo 6 tháng đầu năm 2026". */
export const periodOf = (r: Pick<Rollup, 'round'>) =>
  r.round.title
    .replace(/^\s*báo\s+cáo\s+/i, '')
    .replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'));

/** "của các xã, phường trên địa bàn tỉnh Nghệ An". */
export const unitsWhere = (r: Rollup) => `của các ${levelsOf(r)} ${scopeWhere(r)}`;

/**
 * A unit's problems as the Department's document states them: what is wrong, without the
 * sentences addressed to the unit ("Đơn vị vui lòng …"), one clause each.
 */
export function problemNote(problems: string[]): string {
  return problems
    .map((p) =>
      p
        .split(/(?<=\.)\s+/)
        .filter((s) => !/vui lòng/i.test(s))
        .join(' ')
        .replace(/[\s.;]+$/, ''),
    )
    .filter(Boolean)
    .join('; ');
}
