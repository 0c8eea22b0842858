import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../bin/commands/invite.js';
import { receivedMail } from '../../local/saved-mail.js';
import { docxFromText } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import {
  BROWSER_WAIT,
  docScreenshot,
  launchChromium,
  newPage as openPage,
  seriousViolations,
  tablesCut,
} from '../helpers/browser.js';
import { registry2025 } from '../helpers/fixtures.js';
import { FINAL_PASSWORD, type PortalHarness, startPortal } from '../helpers/portal.js';

// A commune in a real browser (Debian's chromium, driven by playwright-core): signs in with the
// invitation that arrived in the SES emulator, uploads, waits for what was read, corrects it.
const registry = registry2025();
const A = { ...registry.byCode('16941')!, emails: ['vanphong@nghiadan.example'] };
const B = { ...registry.byCode('16681')!, emails: ['vanphong@thanhvinh.example'] };
const ROUND = '2026-H1';
const SHOTS = process.env.TONGHOP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tonghop-shots-'));
const WAIT = BROWSER_WAIT;

let portal: PortalHarness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal(['40']);
  await invite([A, B], []);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const newPage = (width: number) => openPage(browser, width);

/** First sign-in: the temporary password from the invitation mail, then a password of one's own. */
async function signInFirstTime(page: Page, email: string): Promise<void> {
  const password = await portal.invitationPassword(email);
  expect(password, `invitation for ${email}`).toBeTruthy();
  await page.goto(`${portal.url}/`);
  await page.getByLabel('Địa chỉ thư').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(FINAL_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(FINAL_PASSWORD);
  await page.getByRole('button', { name: /Lưu mật khẩu/ }).click();
  await page.waitForURL(/\/don-vi\/\d{5}$/);
}

async function upload(
  page: Page,
  files: Array<{ name: string; buffer: Buffer; mimeType: string }>,
) {
  await page.locator('input[type=file]').setInputFiles(files);
  await page.getByRole('button', { name: 'Nộp tệp' }).click();
  // The live view: the page waits for the record, then shows what was read.
  await page.waitForURL((u) => !u.search.includes('tep='), WAIT);
}

const docx = async (unit: typeof A, computers: number, name: string) => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer: await docxFromText(reportText(unit, { computers })),
});

describe('a commune on the portal', () => {
  it('signs in from the invitation, uploads two files, reads the figures, a correction counts', async () => {
    const page = await newPage(1366);
    await signInFirstTime(page, A.emails[0]!);
    await page.screenshot({ path: join(SHOTS, 'unit-1366.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${portal.url}/don-vi/${A.code}/ky/${ROUND}`);
    const notes = {
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(reportText(A, { computers: 40 })),
    };
    await upload(page, [await docx(A, 40, 'bao-cao-6-thang.docx'), notes]);
    await expect.poll(() => page.locator('table.history tbody tr').count(), WAIT).toBe(2);
    await expect.poll(() => page.locator('.reading').textContent()).toMatch(/Số, ký hiệu/);
    const figures = await page.locator('table.figures').textContent();
    expect(figures).toMatch(/40/);
    await page.screenshot({ path: join(SHOTS, 'round-1366.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await upload(page, [await docx(A, 57, 'bao-cao-sua.docx')]);
    await expect.poll(() => page.locator('table.history tbody tr').count(), WAIT).toBe(3);
    const newest = page.locator('table.history tbody tr').first();
    await expect.poll(() => newest.textContent()).toMatch(/3\s+được tính/);
    expect(await page.locator('table.figures').textContent()).toMatch(/57/);

    // Unit B, signed in, cannot see A's page.
    const other = await newPage(1366);
    await signInFirstTime(other, B.emails[0]!);
    const res = await other.goto(`${portal.url}/don-vi/${A.code}/ky/${ROUND}`);
    expect(res?.status()).toBe(403);
    expect(await other.locator('h1').textContent()).toMatch(/Không có quyền/);
  }, 300_000);

  it('works the same on a 390 px phone, without sideways scrolling', async () => {
    const page = await newPage(390);
    await page.goto(`${portal.url}/dang-nhap`);
    await page.getByLabel('Địa chỉ thư').fill(B.emails[0]!);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(FINAL_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/don-vi\/16681$/);
    await page.goto(`${portal.url}/don-vi/${B.code}/ky/${ROUND}`);
    await upload(page, [await docx(B, 12, 'bao-cao.docx')]);
    await expect.poll(() => page.locator('table.history tbody tr').count(), WAIT).toBe(1);
    expect(await page.locator('table.figures').textContent()).toMatch(/12/);
    const overflow = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }
      ).document;
      return doc.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(390);
    // The figures and the history show every column on the phone (as cards), none cut off.
    await page.locator('.reading details summary').click();
    expect(await tablesCut(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'round-390.png'), fullPage: true });
    await docScreenshot(page, 'commune-round-390');
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);

  it('"Quên mật khẩu?": a code by mail, a new password, then signing in with it (390 px)', async () => {
    const email = B.emails[0]!;
    const page = await newPage(390);
    await page.goto(`${portal.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByLabel('Địa chỉ thư').fill(email);
    await page.getByRole('button', { name: 'Gửi mã đặt lại mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
    // The code arrives through the SES emulator, in a mail that links to this very page.
    const mail = await expect
      .poll(async () => (await codeMails(email)).at(-1), WAIT)
      .toBeTruthy()
      .then(async () => (await codeMails(email)).at(-1)!);
    const code = /: (\d{6})/.exec(mail.body.text ?? '')![1]!;
    expect(mail.body.text).toContain(`${portal.url}/quen-mat-khau/dat-lai`);
    await page.screenshot({ path: join(SHOTS, 'reset-390.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // A wrong code and a weak password are each refused in one line; the right ones set it.
    const NEW_PASSWORD = 'Mat-Khau-Moi-2027';
    const attempt = async (c: string, password: string) => {
      await page.getByLabel('Mã trong thư (6 chữ số)').fill(c);
      await page.getByLabel(/^Mật khẩu mới/).fill(password);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(password);
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    };
    await attempt(code === '000000' ? '111111' : '000000', NEW_PASSWORD);
    expect(await page.locator('.notice.error').innerText()).toMatch(/^Mã không đúng/);
    await attempt(code, 'matkhaumoi2027');
    expect(await page.locator('.notice.error').innerText()).toMatch(
      /^Mật khẩu mới chưa đạt yêu cầu/,
    );
    await attempt(code, NEW_PASSWORD);
    expect(await page.locator('.notice.ok').innerText()).toMatch(/Đã đặt mật khẩu mới/);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/don-vi\/16681$/);
    // Asking again and again is limited: the fourth code in an hour is refused, in one line.
    for (let i = 0; i < 3; i++) {
      await page.goto(`${portal.url}/quen-mat-khau`);
      await page.getByLabel('Địa chỉ thư').fill(email);
      await page.getByRole('button', { name: 'Gửi mã đặt lại mật khẩu' }).click();
    }
    expect(await page.locator('.notice.error').innerText()).toMatch(/quá nhiều lần/);
  }, 300_000);
});

/** The reset-code mails the SES emulator holds for `email`, oldest first. */
async function codeMails(email: string) {
  const mails = await receivedMail(portal.target.stack.endpoints.ses);
  return mails.filter(
    (m) => m.destination.to.includes(email) && /Mã đặt lại mật khẩu/.test(m.subject),
  );
}
