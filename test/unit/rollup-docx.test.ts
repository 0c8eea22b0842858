import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmissions } from '../../scripts/sample-rollup.js';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { rollupDocx } from '../../shared/rollup/rollup-docx.js';
import type { Rollup } from '../../shared/schemas/rollup.js';
import { Department } from '../../shared/schemas/unit.js';
import { registry, round } from '../helpers/rollup-fixtures.js';

// The document the Department signs, checked on its model (CI has no LibreOffice): the 130-unit
// Nghệ An round of generated reports and the project's examples.
const units = registry.unitsOf('40');
let rollup: Rollup;
let text: string;
let xml: string;

const rollupAt = (now: string) =>
  buildRollup({
    provinceCode: '40',
    scopeName: 'Nghệ An',
    round,
    units,
    submissions: sampleSubmissions(units),
    now: new Date(now),
  });
const open = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  return { xml: await zip.file('word/document.xml')!.async('string'), text: raw };
};

beforeAll(async () => {
  rollup = rollupAt('2026-06-11T06:00:00+07:00');
  ({ xml, text } = await open(await rollupDocx(rollup, { name: 'Sở KHCN Nghệ An' })));
});

describe('the rollup document', () => {
  it('has a real title, no tool name, no weekday, no "ngày … ngày", no doubled "Báo cáo"', () => {
    expect(text).toContain(
      'Tổng hợp kết quả thực hiện khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số 6 tháng ' +
        'đầu năm 2026 của các xã, phường trên địa bàn tỉnh Nghệ An',
    );
    expect(text).not.toMatch(/tonghop|dự thảo do/i);
    expect(text).not.toMatch(/thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật/i);
    expect(text).not.toMatch(/ngày\s+[^\n.;]{0,20}ngày/i);
    expect(text).not.toMatch(/báo cáo\s+báo cáo/i);
    expect(text).not.toMatch(/đặc khu/i); // Nghệ An has none
  });

  it("passes on the units' proposals without recommending anything to the Department itself", () => {
    const part = text.slice(text.indexOf('IV. KIẾN NGHỊ'), text.indexOf('Trên đây là báo cáo'));
    expect(part).not.toContain('Đối với Sở Khoa học và Công nghệ');
    expect(part).toMatch(/Sở tiếp thu và giải quyết theo thẩm quyền/);
  });

  it('counts reports only: the plan is not counted, and the appendix says why', () => {
    const plan = units.find((u) => u.name === 'Trường Vinh')!;
    const row = rollup.units.find((u) => u.unitCode === plan.code)!;
    expect(['needs_review', 'missing']).toContain(row.state);
    const teams = rollup.indicators.find((i) => i.key === 'community_digital_teams')!;
    expect(teams.values.map((v) => v.unitCode)).not.toContain(plan.code);
    expect(text).toMatch(/kế hoạch(?: số 10\/KH-UBND)?, không phải báo cáo kết quả/);
    // The appendix states what is wrong, not the request addressed to the unit.
    const appendix = text.slice(text.indexOf('DANH SÁCH CÁC ĐƠN VỊ CHƯA CÓ BÁO CÁO HỢP LỆ'));
    expect(appendix).not.toMatch(/vui lòng|\.;/i);
  });

  it('ends with the signature and the appendix in one section: no page left blank', () => {
    expect(xml.match(/<w:sectPr/g)).toHaveLength(1);
    // No paragraph holds a section break (the one that spilled onto a page of its own).
    expect(xml).not.toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:sectPr/s);
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<w:p[ >]).)*Phụ lục/s);
    // Nothing after the appendix table but the section's properties.
    expect(xml).toMatch(/<\/w:tbl><w:sectPr/);
    expect(text).toContain('(Kèm theo Báo cáo số');
    expect(text).toMatch(
      /\/BC-SKHCN ngày\s+tháng 6 năm 2026 của Sở Khoa học và Công nghệ tỉnh Nghệ An\)/,
    );
  });

  it('signs as the settings say: GIÁM ĐỐC, or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC with the name', async () => {
    // No signer set: the head's title, and the line for the name left for the hand.
    expect(text).toMatch(/GIÁM ĐỐC\s+…{10,}/);
    expect(text).not.toMatch(/KT\. GIÁM ĐỐC/);
    // A record stored before the settings page kept { name, deputy }: it still signs KT.
    const stored = Department.parse({
      provinceCode: '40',
      name: 'Sở',
      signer: { name: 'Trần Thị Bình', deputy: true },
    });
    const deputy = await open(await rollupDocx(rollup, stored));
    expect(deputy.text).toMatch(/KT\. GIÁM ĐỐC\s+PHÓ GIÁM ĐỐC\s+Trần Thị Bình/);
    expect(deputy.text).not.toMatch(/…{10,}/);
    const onBehalf = await open(
      await rollupDocx(rollup, {
        name: 'Sở',
        signer: { name: '', title: 'Phó Giám đốc', authority: 'TM', principal: 'Ban Giám đốc' },
      }),
    );
    expect(onBehalf.text).toMatch(/TM\. BAN GIÁM ĐỐC\s+PHÓ GIÁM ĐỐC\s+…{10,}/);
  });

  it('right-aligns the numbers of its tables', () => {
    const cell = (value: string) =>
      new RegExp(`<w:jc w:val="(\\w+)"/>(?:(?!</w:p>).)*<w:t[^>]*>${value}</w:t>`, 's');
    expect(cell(String(rollup.status.expected)).exec(xml)?.[1]).toBe('right');
  });

  it('marks a draft built before the deadline by its date, in words a Department would use', async () => {
    const early = await open(await rollupDocx(rollupAt('2026-06-08T06:00:00+07:00')));
    expect(early.text).toContain('(Dự thảo: số liệu đến ngày 8/6/2026, trước hạn nộp báo cáo)');
    expect(text).not.toMatch(/Dự thảo/);
  });
});
