import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { type RollupFile, renderRollup } from '../../shared/rollup/rollup-job.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import { registry, round, submissionOf } from '../helpers/rollup-fixtures.js';

const units = registry.unitsOf('40').slice(0, 12);
let rollup: Rollup;
let files: Record<string, RollupFile>;

beforeAll(async () => {
  const submissions = units.slice(0, 9).map((u, i) =>
    submissionOf(u, {
      computers: 10 + i,
      results: [`3. Kích hoạt tài khoản định danh điện tử: ${700 + i * 10}/${1000} tài khoản.`],
      difficulties: [
        i % 2
          ? 'Kinh phí cho chuyển đổi số còn hạn chế.'
          : 'Thiếu cán bộ chuyên trách công nghệ thông tin.',
      ],
      proposals: ['Đề nghị UBND tỉnh bố trí kinh phí đầu tư hạ tầng mạng.'],
      status: i === 8 ? 'needs_review' : 'accepted',
      uploadedAt: i === 7 ? '2026-06-12T02:00:00.000Z' : '2026-06-05T02:00:00.000Z',
    }),
  );
  rollup = buildRollup({
    provinceCode: '40',
    scopeName: 'Nghệ An',
    round,
    units,
    submissions,
    now: new Date('2026-06-11T06:00:00+07:00'),
  });
  files = Object.fromEntries(
    (await renderRollup(rollup)).map((f) => [f.name.split('.').pop()!, f]),
  );
});

describe('rollup files, opened again', () => {
  it('DOCX reads as a consolidated report in the Nghị định 30 layout, with the figures', async () => {
    const { value: text } = await mammoth.extractRawText({
      buffer: Buffer.from(files.docx!.bytes),
    });
    for (const part of [
      'UBND TỈNH NGHỆ AN',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '/BC-SKHCN',
      'Kính gửi: Ủy ban nhân dân tỉnh Nghệ An.',
      'I. TÌNH HÌNH NỘP BÁO CÁO',
      'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'PHỤ LỤC',
    ])
      expect(text).toContain(part);
    expect(text).toContain(
      'Tổng số đơn vị phải báo cáo: 12. Đã nộp báo cáo hợp lệ: 8 đơn vị (66,7%), trong đó đúng hạn 7 đơn vị',
    );
    // Σ computers 10..17 = 108; VNeID (700+…+770)/8000 = 5880/8000 = 73.5 %.
    expect(text).toContain('108 máy');
    expect(text).toContain('73,5%');
    expect(text).toContain('5.880/8.000');
    expect(text).toMatch(/Kinh phí, nguồn lực tài chính: \d đơn vị nêu/);
    expect(text).toContain('Đối với UBND tỉnh: 8 đơn vị nêu.');
    // The appendix lists the four units without an accepted report, by name.
    expect(text).toContain(`${units[8]!.code}`);
    expect(text).toContain('Cần xem lại');
  });

  it('XLSX has the status, totals, per-unit figures, difficulties, proposals and their sources', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.xlsx!.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Tình hình nộp',
      'Tổng hợp tình hình',
      'Chỉ tiêu tổng hợp',
      'Chỉ tiêu theo đơn vị',
      'Nguồn số liệu',
      'Khó khăn',
      'Kiến nghị',
    ]);
    const status = book.getWorksheet('Tình hình nộp')!;
    expect(status.rowCount).toBe(13);
    expect(status.getRow(9).getCell(4).value).toBe('Muộn'); // units[7] came after the deadline
    const totals = book.getWorksheet('Chỉ tiêu tổng hợp')!;
    const computers = totals
      .getRows(2, totals.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'computers')!;
    expect(computers.getCell(5).value).toBe(108);
    const vneid = totals
      .getRows(2, totals.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'vneid_activation_rate')!;
    expect([vneid.getCell(6).value, vneid.getCell(7).value, vneid.getCell(8).value]).toEqual([
      73.5, 5880, 8000,
    ]);
    const perUnit = book.getWorksheet('Chỉ tiêu theo đơn vị')!;
    expect(perUnit.rowCount).toBe(9); // header + 8 accepted units
    const sources = book.getWorksheet('Nguồn số liệu')!;
    const first = sources.getRow(2);
    expect(String(first.getCell(12).value)).toMatch(/^inbox\/40\/2026-H1\/\d{5}\//);
    expect(book.getWorksheet('Khó khăn')!.rowCount).toBeGreaterThanOrEqual(9);
  });

  it('HTML is one self-contained page with SVG charts, readable on a phone', () => {
    const html = new TextDecoder().decode(files.html!.bytes);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4); // status bars, unit grid, one per indicator
    expect(html.match(/<rect [^>]*><title>/g)!.length).toBeGreaterThanOrEqual(12); // every unit in the grid
    expect(html).toContain('73,5% (5.880/8.000)');
    expect(html).toContain('Kinh phí, nguồn lực tài chính');
  });

  it('JSON is the whole rollup and passes its schema', () => {
    const json = JSON.parse(new TextDecoder().decode(files.json!.bytes));
    expect(Rollup.parse(json)).toEqual(rollup);
    expect(json.status).toMatchObject({
      expected: 12,
      reported: 8,
      onTime: 7,
      late: 1,
      needsReview: 1,
      missing: 3,
    });
  });
});
