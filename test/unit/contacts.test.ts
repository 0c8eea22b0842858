import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ContactFileProblem, planContactFile } from '../../shared/units/contact-file.js';
import { planImport } from '../../shared/units/import-units.js';
import { nationalCsv, registry2025 } from '../helpers/fixtures.js';

const units = registry2025().unitsOf('40');
const [a, b, c] = units;
const enc = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Liên hệ');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('contact lists', () => {
  it('sets addresses, contact name and phone from a CSV or the same rows in XLSX', async () => {
    const rows = [
      ['unit_code', 'email', 'name', 'phone'],
      ['40', 'so@na.example', 'Sở Khoa học và Công nghệ tỉnh Nghệ An', ''],
      [a!.code, 'VP@XA.example; ke.toan@xa.example', 'Nguyễn Thị Hoa', '0238 3844 123'],
      [a!.code, 'vp@xa.example', 'Người khác', ''],
      [b!.code, 'khong-hop-le', 'Trần Văn Nam', ''],
      ['99999', 'x@y.example', '', ''],
    ];
    const csv = rows.map((r) => r.join(',')).join('\n');
    const fromCsv = await planContactFile('lien-he.csv', enc(csv), units);
    const fromXlsx = await planContactFile('Lien He.XLSX', await xlsx(rows), units);
    for (const plan of [fromCsv, fromXlsx]) {
      const first = plan.changed.find((u) => u.code === a!.code)!;
      expect(first).toMatchObject({
        emails: ['vp@xa.example', 'ke.toan@xa.example'],
        contactName: 'Nguyễn Thị Hoa',
        phone: '0238 3844 123',
      });
      expect(plan.changed.find((u) => u.code === b!.code)).toMatchObject({
        emails: [],
        contactName: 'Trần Văn Nam',
      });
      expect(plan.problems.map((p) => p.unitCode)).toEqual([b!.code, '99999']);
      expect(plan.problems[0]!.message).toContain('"khong-hop-le" không hợp lệ');
      expect(plan.departments).toEqual([
        {
          provinceCode: '40',
          name: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
          emails: ['so@na.example'],
        },
      ]);
    }
    // Importing the same list again changes nothing; the national list keeps contacts.
    const after = units.map((u) => fromCsv.changed.find((x) => x.code === u.code) ?? u);
    expect((await planContactFile('lien-he.csv', enc(csv), after)).changed).toEqual([]);
    const national = planImport(nationalCsv(), after);
    expect(national.changed.find((u) => u.code === a!.code)).toBeUndefined();
    expect(c).toBeTruthy();
  });

  it('takes no unit of another province, named or not (the CLI gives no province)', () => {
    const all = [...units, ...registry2025().unitsOf('42')];
    const other = all.find((u) => u.provinceCode === '42')!;
    for (const first of [
      ['40', 'so@na.example'],
      [a!.code, 'vp@xa.example'],
    ]) {
      const csv = [
        'unit_code,email',
        first.join(','),
        `${other.code},ke@la.example`,
        '42,so@ht.example',
      ];
      for (const scope of [undefined, '40']) {
        const plan = planImport(csv.join('\n'), all, scope);
        expect(plan.changed.map((u) => u.provinceCode)).not.toContain('42');
        expect(plan.departments.map((d) => d.provinceCode)).not.toContain('42');
        expect(plan.problems.map((p) => p.unitCode)).toEqual([other.code, '42']);
        expect(plan.problems[0]!.message).toMatch(/thuộc tỉnh khác/);
      }
    }
  });

  it('says what to do with a file that is not a contact list', async () => {
    const cases: Array<[string, Uint8Array]> = [
      ['lien-he.xlsx', enc('PK not really a zip')],
      [
        'lien-he.xlsx',
        await xlsx([
          ['ma', 'thu'],
          ['1', '2'],
        ]),
      ],
      ['lien-he.pdf', enc('%PDF-1.4')],
      ['lien-he.csv', enc('ma,thu\n1,2')],
      ['lien-he.csv', enc(nationalCsv())],
      ['lien-he.csv', new Uint8Array(5 * 1024 * 1024 + 1)],
    ];
    for (const [name, bytes] of cases) {
      const e = await planContactFile(name, bytes, units).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ContactFileProblem);
      expect((e as Error).message).toMatch(/vui lòng|cần|không phải|lớn hơn/i);
    }
  });
});
