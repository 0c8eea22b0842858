import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFromText } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import {
  BROWSER_WAIT,
  launchChromium,
  newPage,
  seriousViolations,
  sidewaysOverflow,
  signedInPage,
} from '../helpers/browser.js';
import { figureIn, untilRecorded } from '../helpers/desk-files.js';
import { registry2025 } from '../helpers/fixtures.js';
import { type PortalHarness, startPortal } from '../helpers/portal.js';

// The whole loop in a real browser: a commune uploads, sees the figures that will be counted,
// corrects one and confirms; the desk shows "đã sửa"; the pre-sign list shows the correction
// beside the reading; the Department accepts one item and drops another; the DOCX built then
// carries the unit's value and the number of items checked, and the XLSX says who confirmed.
// Each form is also sent without JavaScript (plain POST) at 390 px, and every page passes axe.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn
const B = registry.byCode('16681')!; // phường Thành Vinh
const ROUND = '2026-H1';
const SHOTS = process.env.TONGHOP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tonghop-confirm-'));
const STAFF = { email: 'so40@example.vn', role: 'staff', provinceCode: '40' } as const;
const COMMUNE = {
  email: 'vanphong@nghiadan.example',
  role: 'commune',
  provinceCode: '40',
  unitCode: A.code,
} as const;
const READ = 1234;
const STATED = 1500;
const B_COMPUTERS = 77;
const ROUND_PAGE = `/don-vi/${A.code}/ky/${ROUND}`;
const CHECK_PAGE = `/so/tong-hop/${ROUND}/kiem-tra`;

let portal: PortalHarness;
let browser: Browser;
const files: Record<string, string> = {};

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The page fits its width and passes axe; a page read without scripts is checked by a twin. */
async function looksRight(page: Page, name: string, scripts = true) {
  await shot(page, name);
  expect(await sidewaysOverflow(page), name).toBeLessThanOrEqual(0);
  if (scripts) {
    expect(await seriousViolations(page), name).toEqual([]);
    return;
  }
  // axe is a script: the same address, the same session, at the same width, with scripts on.
  const twin = await newPage(browser, page.viewportSize()!.width);
  await twin.context().addCookies(await page.context().cookies());
  await twin.goto(page.url());
  expect(await seriousViolations(twin), name).toEqual([]);
  await twin.context().close();
}

const computersField = (page: Page) =>
  page.locator('#xac-nhan fieldset', { hasText: 'Số máy vi tính phục vụ công tác' });
const item = (page: Page, unitCode: string, text: string | RegExp) =>
  page.locator('article.sign-item', { hasText: unitCode }).filter({ hasText: text });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal(['40']);
  await portal.target.ports.units.put([
    { ...A, emails: [COMMUNE.email] },
    { ...B, emails: ['vanphong@thanhvinh.example'] },
  ]);
  // Thành Vinh's report arrives by the inbox; it never confirms.
  await portal.target.ports.objects.put(
    `inbox/40/${ROUND}/${B.code}/bao-cao.docx`,
    await docxFromText(reportText(B, { computers: B_COMPUTERS })),
  );
  await untilRecorded(portal, B.code, 'bao-cao.docx');
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the commune confirms what was read', () => {
  it('uploads, sees its figures, corrects one and confirms (1366 px)', async () => {
    const page = await signedInPage(browser, portal, COMMUNE, 1366);
    await page.goto(portal.url + ROUND_PAGE);
    await page.locator('input[type=file]').setInputFiles({
      name: 'bao-cao-6-thang.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await docxFromText(reportText(A, { computers: READ })),
    });
    await page.getByRole('button', { name: 'Nộp tệp' }).click();
    await page.waitForURL((u) => !u.search.includes('tep='), BROWSER_WAIT);
    const field = computersField(page);
    expect(await field.innerText()).toMatch(/Đọc được: 1\.234 máy · Nguồn: dòng \d+/);
    await field.getByLabel('Sửa giá trị').check();
    await field.getByLabel(/Giá trị đúng/).fill('1.500');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.locator('.notice', { hasText: 'Đã ghi xác nhận của đơn vị' }).waitFor();
    expect(await page.locator('#xac-nhan .notice').first().innerText()).toContain(COMMUNE.email);
    await looksRight(page, 'commune-confirm-1366');
  }, 300_000);

  it('shows the statement again and confirms it without JavaScript (390 px)', async () => {
    const page = await signedInPage(
      browser,
      portal,
      { ...COMMUNE, email: 'ketoan@nghiadan.example' },
      390,
      { javaScript: false },
    );
    await page.goto(portal.url + ROUND_PAGE);
    const field = computersField(page);
    expect(await field.getByLabel('Sửa giá trị').isChecked()).toBe(true);
    expect(await field.getByLabel(/Giá trị đúng/).inputValue()).toBe('1500');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.locator('.notice', { hasText: 'Đã ghi xác nhận của đơn vị' }).waitFor();
    await looksRight(page, 'commune-confirm-390-nojs', false);
  }, 180_000);
});

describe('the Department before signing', () => {
  let staff: Page;
  beforeAll(async () => {
    staff = await signedInPage(browser, portal, STAFF, 1366);
  }, 120_000);

  it('the board shows who corrected and who has not confirmed', async () => {
    const row = async (unit: typeof A) => {
      // The province has hundreds of units: the board's search finds the one.
      await staff.goto(`${portal.url}/so?ky=${ROUND}&tim=${unit.code}`);
      return staff.locator('table.board tbody tr', { hasText: unit.code });
    };
    expect(await (await row(B)).locator('.figures').innerText()).toBe('Số liệu: chưa xác nhận');
    const a = await row(A);
    expect(await a.locator('.figures').innerText()).toBe('Số liệu: đã sửa');
    expect(await a.innerText()).toContain('ketoan@nghiadan.example');
    await looksRight(staff, 'board-figures-1366');
  }, 120_000);

  it('lists the correction beside the reading and accepts it (1366 px)', async () => {
    await staff.goto(`${portal.url}/so/tong-hop`);
    const line = staff.locator(`#ky-${ROUND} .check-line`);
    expect(await line.innerText()).toMatch(/\d+ mục chờ kiểm tra/);
    await line.getByRole('link', { name: 'Kiểm tra trước khi ký' }).click();
    const corrected = item(staff, A.code, 'Đơn vị sửa thành');
    const text = await corrected.innerText();
    expect(text).toMatch(/Hệ thống đọc được\s+1\.234 máy/);
    expect(text).toMatch(/Đơn vị sửa thành\s+1\.500 máy/);
    expect(text).toContain('ketoan@nghiadan.example');
    await corrected.getByRole('button', { name: 'Chấp nhận', exact: true }).click();
    await staff.locator('.notice', { hasText: 'Đã ghi quyết định kiểm tra' }).waitFor();
    expect(await item(staff, A.code, 'Đơn vị sửa thành').locator('.decision').innerText()).toMatch(
      /^Đã chấp nhận so40@example\.vn/,
    );
    await looksRight(staff, 'sign-check-1366');
  }, 180_000);

  it('drops an item with a plain POST, without JavaScript (390 px)', async () => {
    const phone = await signedInPage(
      browser,
      portal,
      { ...STAFF, email: 'so40b@example.vn' },
      390,
      {
        javaScript: false,
      },
    );
    await phone.goto(portal.url + CHECK_PAGE);
    const rate = item(phone, B.code, 'Tỷ lệ hồ sơ TTHC được số hóa thành phần khi tiếp nhận');
    await rate.getByRole('button', { name: 'Bỏ khỏi báo cáo' }).click();
    await phone.locator('.notice', { hasText: 'Đã ghi quyết định kiểm tra' }).waitFor();
    expect(await item(phone, B.code, 'Tỷ lệ hồ sơ TTHC').locator('.decision').innerText()).toMatch(
      /^Đã bỏ so40b@example\.vn/,
    );
    await looksRight(phone, 'sign-check-390-nojs', false);
    // The list's part of the desk log says who decided what, newest first.
    const log = await phone.locator('ol.desk-log > li').allInnerTexts();
    expect(log[0]).toMatch(/^Kiểm tra trước khi ký · 2026-H1 — Bỏ: đơn vị 16681, Tỷ lệ hồ sơ TTHC/);
    expect(log[0]).toContain('so40b@example.vn');
    expect(log[1]).toMatch(
      /Chấp nhận: đơn vị 16941, Số máy vi tính .* đọc được 1234 máy, đơn vị sửa thành 1500/,
    );
  }, 180_000);

  it('builds the DOCX from the decisions: the unit’s value, the count of items checked', async () => {
    await staff.goto(portal.url + CHECK_PAGE);
    await staff.getByRole('button', { name: /Lập báo cáo tổng hợp \(DOCX để ký\)/ }).click();
    await staff.locator('.notice', { hasText: 'Đã lập lại' }).waitFor();
    const card = staff.locator(`#ky-${ROUND}`);
    for (const [label, ext] of [
      ['Word', 'docx'],
      ['Excel', 'xlsx'],
      ['JSON', 'json'],
    ] as const) {
      const [download] = await Promise.all([
        staff.waitForEvent('download'),
        card.locator('ul.files').first().getByRole('link', { name: label }).click(),
      ]);
      files[ext] = join(SHOTS, download.suggestedFilename());
      await download.saveAs(files[ext]);
    }
    // The unit's 1.500, not the 1.234 read: the province's total is 1.500 + 77.
    expect(await figureIn(files.docx!, STATED + B_COMPUTERS)).toBe(true);
    expect(await figureIn(files.docx!, READ + B_COMPUTERS)).toBe(false);
    const zip = await JSZip.loadAsync(readFileSync(files.docx!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Đã kiểm tra 2 mục trước khi ký (chấp nhận 1, sửa 0, bỏ 1)');
    const json = JSON.parse(readFileSync(files.json!, 'utf8'));
    const rate = json.indicators.find(
      (i: { key: string }) => i.key === 'tthc_digitized_input_rate',
    );
    expect(rate.values.map((v: { unitCode: string }) => v.unitCode)).toEqual([A.code]);
  }, 180_000);

  it('the XLSX says who confirmed each figure', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files.xlsx!);
    const sheet = book.getWorksheet('Nguồn số liệu')!;
    const rows: string[] = [];
    sheet.eachRow((r) => {
      rows.push((r.values as unknown[]).map((v) => String(v ?? '')).join(' | '));
    });
    const computers = rows.find((r) => r.includes(A.code) && r.includes('1500'));
    expect(computers).toMatch(/Đơn vị đã sửa \(đọc được 1234\): ketoan@nghiadan\.example lúc/);
    const other = rows.find((r) => r.includes(A.code) && r.includes('Đơn vị đã xác nhận'));
    expect(other).toContain('ketoan@nghiadan.example');
  }, 60_000);
});
