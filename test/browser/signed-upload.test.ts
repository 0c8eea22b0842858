import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_FONT } from '../../scripts/report-file-damage.js';
import { pdfFromText } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import { signPdf } from '../../scripts/sign-pdf.js';
import { type Issued, makeTestPki, type TestPki } from '../../scripts/test-pki.js';
import {
  BROWSER_WAIT,
  docScreenshot,
  launchChromium,
  seriousViolations,
  sidewaysOverflow,
  signedInPage,
  tablesCut,
} from '../helpers/browser.js';
import { edxmlPackage } from '../helpers/edxml-package.js';
import { registry2025 } from '../helpers/fixtures.js';
import { communeOf, type PortalHarness, staffOf, startPortal } from '../helpers/portal.js';

// A commune uploads its signed PDF and its e-office package in a real browser and sees who signed
// each and that revocation is not checked; the Department imports its trust list on the desk and
// the files already received then show their chain to it; on a 1366 px desktop and a 390 px phone.
const A = { ...registry2025().byCode('16941')!, emails: ['vanphong@nghiadan.example'] };
const ROUND = '2026-H1';
const SHOTS = process.env.TONGHOP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tonghop-signed-'));
const WAIT = BROWSER_WAIT;
const ROUND_PAGE = `/don-vi/${A.code}/ky/${ROUND}`;

let portal: PortalHarness;
let browser: Browser;
let pki: TestPki;
let org: Issued;
let signed: Buffer;
let commune: Page;
let desk: Page;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal(['40']);
  await portal.target.ports.units.put([A]);
  browser = await launchChromium();
  pki = await makeTestPki();
  org = await pki.organization('UỶ BAN NHÂN DÂN XÃ NGHĨA ĐÀN', 'Nghệ An');
  const pdf = await pdfFromText(reportText(A), { fontPath: PDF_FONT });
  signed = await signPdf(pdf, org, { chain: [pki.intermediate] });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.locator('input[type=file]').setInputFiles([{ name, buffer, mimeType }]);
  await page.getByRole('button', { name: 'Nộp tệp' }).click();
  await page.waitForURL((u) => !u.search.includes('tep='), WAIT);
}

const signatureText = (page: Page) => page.locator('ul.signatures').first().textContent();

describe('signed files in the browser', () => {
  it('a commune sees who signed its PDF and package; staff import the trust list, the files follow', async () => {
    commune = await signedInPage(browser, portal, communeOf(A, A.emails[0]!), 1366);
    await commune.goto(`${portal.url}${ROUND_PAGE}`);
    await upload(commune, 'bao-cao-ky-so.pdf', signed, 'application/pdf');
    await expect
      .poll(() => signatureText(commune), WAIT)
      .toMatch(/Ký số: UỶ BAN NHÂN DÂN XÃ NGHĨA ĐÀN/);
    const before = (await signatureText(commune)) ?? '';
    expect(before).toMatch(/hợp lệ/);
    expect(before).toMatch(/không thuộc danh sách tin cậy/);
    expect(before).toMatch(/chưa kiểm tra thu hồi chứng thư/);

    const pkg = edxmlPackage(
      { organName: 'UBND xã Nghĩa Đàn', typeName: 'Báo cáo', subject: 'Kết quả chuyển đổi số' },
      [{ name: 'Báo cáo (bản ký số), 6 tháng.pdf', bytes: signed }],
    );
    await upload(commune, 'goi-van-ban.edxml', pkg, 'application/xml');
    await expect.poll(() => commune.locator('table.history tbody tr').count(), WAIT).toBe(2);
    await expect
      .poll(async () => (await commune.locator('ul.signatures').allTextContents()).join(' '), WAIT)
      .toMatch(/\(tệp Báo cáo \(bản ký số\), 6 tháng\.pdf\)/);
    await shot(commune, 'commune-signed-1366');

    desk = await signedInPage(browser, portal, staffOf('40'), 1366);
    await desk.goto(`${portal.url}/so/tin-cay`);
    expect(await desk.locator('h1').textContent()).toMatch(/Danh sách chứng thư tin cậy/);
    await desk
      .locator('input[type=file]')
      .setInputFiles([
        { name: 'goc.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pki.root.pem) },
      ]);
    await desk.getByRole('button', { name: 'Nhập chứng thư' }).click();
    await desk.getByText('Đã nhập 1 chứng thư').waitFor();
    expect(await desk.locator('.notice.ok').textContent()).toMatch(
      /kiểm tra lại 2 tệp .* 2 tệp đổi kết quả/,
    );
    expect(await desk.locator('table.trust').textContent()).toMatch(/Test Root CA Chính phủ/);
    expect(await seriousViolations(desk)).toEqual([]);
    await shot(desk, 'desk-trust-1366');
    await docScreenshot(desk, 'desk-trust-1366');

    await commune.reload();
    const after = (await signatureText(commune)) ?? '';
    expect(after).toMatch(/chứng thư thuộc danh sách tin cậy của Sở/);
    expect(after).toMatch(/chưa kiểm tra thu hồi chứng thư/);

    // The desk's file page shows the same lines.
    await desk.goto(`${portal.url}/so/xem-xet`);
    const submissions = await portal.target.ports.submissions.listRound('40', ROUND);
    const pdfFile = submissions.find((s) => s.file.name === 'bao-cao-ky-so.pdf')!;
    await desk.goto(`${portal.url}/so/ho-so/${ROUND}/${A.code}/${pdfFile.submissionId}`);
    expect(await desk.locator('ul.signatures').textContent()).toMatch(
      /Ký số: UỶ BAN NHÂN DÂN XÃ NGHĨA ĐÀN.*hợp lệ; chứng thư thuộc danh sách tin cậy của Sở; chưa kiểm tra thu hồi/,
    );
    await shot(desk, 'desk-file-signed-1366');
  }, 300_000);

  it('on a 390 px phone: the commune page and the trust list fit, nothing cut', async () => {
    await commune.setViewportSize({ width: 390, height: 844 });
    await commune.goto(`${portal.url}${ROUND_PAGE}`);
    await expect.poll(() => signatureText(commune), WAIT).toMatch(/Ký số.*chưa kiểm tra thu hồi/);
    expect(await sidewaysOverflow(commune)).toBeLessThanOrEqual(0);
    await shot(commune, 'commune-signed-390');
    await docScreenshot(commune, 'commune-signed-390');

    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.goto(`${portal.url}/so/tin-cay`);
    expect(await sidewaysOverflow(desk)).toBeLessThanOrEqual(0);
    expect(await tablesCut(desk)).toEqual([]);
    await shot(desk, 'desk-trust-390');
    expect(await seriousViolations(desk)).toEqual([]);
  }, 300_000);
});
