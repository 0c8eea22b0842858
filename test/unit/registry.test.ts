import { describe, expect, it } from 'vitest';
import { readReport } from '../../shared/reader/read-report.js';
import { ocrDistance } from '../../shared/units/registry.js';
import { registry2025 } from '../helpers/fixtures.js';

describe('the 2025 national unit list', () => {
  const registry = registry2025();
  it('has 34 provinces and 3,321 units with the official counts', () => {
    expect(registry.provinces()).toHaveLength(34);
    expect(registry.size).toBe(3321);
    expect(registry.unitsOf('40')).toHaveLength(130);
    expect(registry.unitsOf('79')).toHaveLength(168);
    expect(registry.byCode('16941')).toMatchObject({
      name: 'Nghĩa Đàn',
      level: 'xa',
      provinceName: 'Nghệ An',
    });
  });

  it.each([
    ['Kién Thuy', 'xa', '11680'],
    ['KIEN THUY', 'xa', '11680'],
    ['Puc Pho', 'phuong', '21439'],
    ['Cam Dug', 'xa', '18739'],
    ['Nghĩa Đàn báo cáo', 'xa', '16941'],
  ] as const)('resolves the OCR-damaged name "%s"', (text, level, code) => {
    const r = registry.resolveName(text, { level });
    expect(r.kind).toBe('resolved');
    if (r.kind === 'resolved') expect(r.match.unit.code).toBe(code);
  });

  it('a longer name with its horn letter read as "w" is not the shorter name it begins with', () => {
    // Every unit whose name begins with another unit's whole name ("Nam Đông Hưng", "Nam Đông"),
    // its last word's ư/ơ read by OCR as "w": the longer unit, whatever the province.
    const units = registry.provinces().flatMap((p) => registry.unitsOf(p.code));
    const names = new Set(units.map((u) => u.name));
    const pairs = units.filter((u) => {
      const words = u.name.split(' ');
      return /[ươ]/i.test(words.at(-1)!) && names.has(words.slice(0, -1).join(' '));
    });
    expect(pairs.length).toBeGreaterThan(0);
    for (const u of pairs) {
      const words = u.name.toUpperCase().split(' ');
      const damaged = [...words.slice(0, -1), words.at(-1)!.replace(/[ƯƠ]/, 'W')].join(' ');
      const r = registry.resolveName(damaged, { level: u.level, provinceCode: u.provinceCode });
      expect(r.kind === 'resolved' ? r.match.unit.name : r.kind, damaged).toBe(u.name);
    }
  });

  it('finds nothing for a name that is not there', () => {
    expect(registry.resolveName('Zzyzx', { level: 'xa' }).kind).toBe('none');
  });

  it('resolves provinces named in text', () => {
    expect(registry.resolveProvince('Quang Ngdi vé viéc')?.code).toBe('51');
    expect(registry.resolveProvince('Hà Tĩnh;')?.code).toBe('42');
  });
});

describe('ocrDistance', () => {
  it('charges less for the swaps OCR makes', () => {
    expect(ocrDistance('puc pho', 'duc pho')).toBeLessThan(ocrDistance('muc pho', 'duc pho'));
    expect(ocrDistance('abc', 'abc')).toBe(0);
    expect(ocrDistance('abcdef', 'uvwxyz', 2)).toBe(Infinity);
  });
});

describe('a header name with its horned letters misread', () => {
  // OCR reads "Ư" as "W" and "Ơ" as "O'": "XÃ TẠ AN KHWO'NG" was resolved to Tân Ân (one edit
  // from its first two words), "CAO DWO'NG" to Gào, "U MINH THWO'NG" to U Minh, each a wrong unit.
  const registry = registry2025();
  const misread = (name: string) =>
    name
      .toLocaleUpperCase('vi')
      .normalize('NFD')
      .replace(/\u031b/g, "'")
      .replace(/[\u0300-\u036f]/g, (m) => (m === '\u0306' || m === '\u0302' ? m : ''))
      .normalize('NFC')
      .replace(/U'/g, 'W');
  const LEVEL = { xa: 'XÃ', phuong: 'PHƯỜNG', dac_khu: 'ĐẶC KHU' } as const;
  it('is the unit or none, for every unit so named, with or without its province', () => {
    const units = registry.provinces().flatMap((p) => registry.unitsOf(p.code));
    const wrong: string[] = [];
    let read = 0;
    for (const u of units.filter((x) => /[ươ]/i.test(x.name))) {
      const header = `ỦY BAN NHÂN DÂN\n${LEVEL[u.level]} ${misread(u.name)}\nSố: 12/BC-UBND\nBÁO CÁO\n`;
      for (const to of ['', `Kính gửi: Sở Khoa học và Công nghệ ${u.provinceName}\n`]) {
        const r = readReport(`${header}Kết quả chuyển đổi số\n${to}I. KẾT QUẢ\n`, { registry });
        if (r.issuer.code && r.issuer.code !== u.code) wrong.push(`${u.name} → ${r.issuer.name}`);
        if (r.issuer.code === u.code) read++;
      }
    }
    expect(wrong).toEqual([]);
    // Most are still found: two edits in a name of one or more words are within reach.
    expect(read).toBeGreaterThan(700);
  });
});
