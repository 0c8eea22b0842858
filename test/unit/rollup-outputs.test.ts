import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitNames } from '../../shared/rollup/format.js';
import type { RollupFile } from '../../shared/rollup/rollup-job.js';
import { Rollup } from '../../shared/schemas/rollup.js';
import { morningRollup, registry, submissionOf } from '../helpers/rollup-fixtures.js';

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
  ({ rollup, files } = await morningRollup(units, submissions));
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
      'IV. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'Phụ lục',
      'DANH SÁCH CÁC ĐƠN VỊ CHƯA CÓ BÁO CÁO HỢP LỆ',
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
      'Tổng hợp',
      'Chỉ tiêu tổng hợp',
      'Tình hình nộp',
      'Chỉ tiêu theo đơn vị',
      'Nguồn số liệu',
      'Khó khăn',
      'Kiến nghị',
      'Hồ sơ nguồn',
    ]);
    const status = book.getWorksheet('Tình hình nộp')!;
    expect(status.rowCount).toBe(13);
    expect(status.getRow(9).getCell(4).value).toBe('Muộn'); // units[7] came after the deadline
    expect(status.getRow(9).getCell(5).value).toBeInstanceOf(Date); // dates are dates
    expect(status.getRow(9).getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    const totals = book.getWorksheet('Chỉ tiêu tổng hợp')!;
    const row = (key: string) =>
      totals.getRows(2, totals.rowCount - 1)!.find((r) => r.getCell(2).value === key)!;
    // Vietnamese names beside the keys; counts with thousands separators, rates as percentages.
    expect(row('computers').getCell(1).value).toBe('Số máy vi tính phục vụ công tác');
    expect(row('computers').getCell(6).value).toBe(108);
    const vneid = row('vneid_activation_rate');
    expect([vneid.getCell(7).value, vneid.getCell(8).value, vneid.getCell(9).value]).toEqual([
      0.735, 5880, 8000,
    ]);
    expect(vneid.getCell(7).numFmt).toBe('0.00%');
    expect(vneid.getCell(8).numFmt).toBe('#,##0');
    // Printed to the page's width with the header row on every page.
    expect(totals.pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 1,
      orientation: 'landscape',
    });
    expect(totals.pageSetup.printTitlesRow).toBe('1:1');
    const perUnit = book.getWorksheet('Chỉ tiêu theo đơn vị')!;
    expect(perUnit.rowCount).toBe(9); // header + 8 accepted units
    const sources = book.getWorksheet('Hồ sơ nguồn')!;
    expect(String(sources.getRow(2).getCell(7).value)).toMatch(/^inbox\/40\/2026-H1\/\d{5}\//);
    const difficulties = book.getWorksheet('Khó khăn')!;
    expect(difficulties.rowCount).toBeGreaterThanOrEqual(9);
    expect(difficulties.getRow(1).getCell(6).value).toBe('Nguyên văn trong báo cáo');
  });

  it('HTML is one self-contained page with SVG charts, readable on a phone', () => {
    const html = new TextDecoder().decode(files.html!.bytes);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3); // status bars, one per indicator
    // Charts drawn in CSS pixels, never scaled with the page.
    expect(html).not.toMatch(/<svg[^>]*width="100%"/);
    expect(html.match(/<svg width="\d+" height="\d+"/g)!.length).toBe(html.match(/<svg /g)!.length);
    // Every unit by its name in the grid, not only on hover.
    for (const u of units) expect(html).toContain(`>${unitNames(rollup).get(u.code)}</li>`);
    expect(html).toContain('73,5% (5.880/8.000)');
    expect(html).toMatch(/>\d+(,\d+)?%</); // axes in %, each end with its unit
    expect(html).not.toMatch(/tonghop/i);
    expect(html).toContain('Kinh phí, nguồn lực tài chính');
  });

  it('JSON is the whole rollup and passes its schema', () => {
    const text = new TextDecoder().decode(files.json!.bytes);
    const json = JSON.parse(text);
    expect(Rollup.parse(json)).toEqual(rollup);
    // Written as built, not re-parsed: the text is what the schema makes of the rollup.
    expect(text).toBe(JSON.stringify(Rollup.parse(rollup)));
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
