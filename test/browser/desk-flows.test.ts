import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFromText } from '../../scripts/report-files.js';
import { reportText } from '../../scripts/report-text.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Unit } from '../../shared/schemas/unit.js';
import {
  BROWSER_WAIT,
  launchChromium,
  sidewaysOverflow,
  signedInPage,
  tablesCut,
} from '../helpers/browser.js';
import { figureIn, isZip, untilRecorded } from '../helpers/desk-files.js';
import { registry2025 } from '../helpers/fixtures.js';
import { type PortalHarness, startPortal } from '../helpers/portal.js';

// The Department's desk in a real browser (Debian's chromium): a reviewer returns a file with a
// message, the commune reads it and uploads a correction, the reviewer approves it; a file no
// unit could be matched to is assigned; the board and the rollup change; the rollup is built and
// downloaded. The audit trail on the file's page is read after every decision.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn
const B = registry.byCode('16681')!; // phường Thành Vinh
const NEIGHBOUR = registry.byCode('16744')!; // xã Thông Thụ
const ROUND = '2026-H1';
const SHOTS = process.env.TONGHOP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tonghop-desk-'));
const STAFF = { email: 'so40@example.vn', role: 'staff', provinceCode: '40' } as const;
const COMMUNE = {
  email: 'vanphong@nghiadan.example',
  role: 'commune',
  provinceCode: '40',
} as const;
// Figures no other file of this test gives, to find in the rollup.
const CORRECTED_COMPUTERS = 1234;
const STRAY_COMPUTERS = 77;

let portal: PortalHarness;
let browser: Browser;
let staff: Page;
let firstFile: Submission;

const docx = async (unit: Unit, opts: Parameters<typeof reportText>[1]) =>
  docxFromText(reportText(unit, opts));
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const stat = async (page: Page, label: string) =>
  Number(await page.locator('.stat', { hasText: label }).locator('b').innerText());
const trail = (page: Page) => page.locator('ol.audit > li').allInnerTexts();

async function builtRollupStatus(): Promise<{ reported: number; approvedByStaff: number }> {
  await staff.goto(`${portal.url}/so/tong-hop`);
  await staff
    .locator(`#ky-${ROUND}`)
    .getByRole('button', { name: /Lập báo cáo tổng hợp/ })
    .click();
  await staff.locator('.notice', { hasText: 'Đã lập lại' }).waitFor();
  const json = staff.locator(`#ky-${ROUND} a`, { hasText: 'JSON' }).first();
  const res = await staff.request.get(new URL((await json.getAttribute('href'))!, portal.url).href);
  expect(res.status()).toBe(200);
  return (await res.json()).status;
}

async function decide(action: string, fill: () => Promise<void>, notice: string) {
  await fill();
  await staff.locator(`form.action.${action}`).getByRole('button').click();
  await staff.locator('.notice', { hasText: notice }).waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal(['40']);
  await portal.target.ports.units.put([
    { ...A, emails: [COMMUNE.email], contactName: 'Nguyễn Thị Hoa', phone: '0238 3844 123' },
    { ...B, emails: ['vanphong@thanhvinh.example'] },
  ]);
  // Nghĩa Đàn sends a report written on its neighbour's template: the header names another xã.
  const key = `inbox/40/${ROUND}/${A.code}/bao-cao-6-thang.docx`;
  await portal.target.ports.objects.put(key, await docx(A, { headerUnit: NEIGHBOUR }));
  // A file sent to the province's inbox whose header names no unit of the registry.
  const strayHeader = { ...NEIGHBOUR, name: 'Khe Bố Lầy', code: '99999' };
  const strayKey = `inbox/40/${ROUND}/_/van-ban-khong-ro-don-vi.docx`;
  await portal.target.ports.objects.put(
    strayKey,
    await docx(B, { headerUnit: strayHeader, computers: STRAY_COMPUTERS }),
  );
  firstFile = await untilRecorded(portal, A.code, 'bao-cao-6-thang.docx');
  await untilRecorded(portal, '_', 'van-ban-khong-ro-don-vi.docx');
  browser = await launchChromium();
  staff = await signedInPage(browser, portal, STAFF, 1366);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the Department’s desk in a browser', () => {
  let before: { board: number; rollup: number };

  it('returns a file that needs review; the commune reads why and sends a correction', async () => {
    expect(firstFile.status).toBe('needs_review');
    await staff.goto(`${portal.url}/so?ky=${ROUND}`);
    before = {
      board: await stat(staff, 'Đã nộp hợp lệ'),
      rollup: (await builtRollupStatus()).reported,
    };
    expect(before.rollup).toBe(before.board);

    await staff.goto(`${portal.url}/so`);
    await staff.locator('nav.desk').getByRole('link', { name: 'Cần xem xét' }).click();
    await staff.getByRole('link', { name: 'bao-cao-6-thang.docx' }).click();
    await expect.poll(() => staff.locator('h1').innerText()).toContain('bao-cao-6-thang.docx');
    expect(await staff.locator('.reading').innerText()).toMatch(/khác đơn vị nộp/);
    expect(await trail(staff)).toEqual([]);
    const message = 'Văn bản ghi tên xã khác: sửa phần đầu văn bản, ký và nộp lại.';
    await decide('return', () => staff.fill('#r-return', message), 'Đã trả lại');
    const returned = await trail(staff);
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatch(/Trả lại để sửa[\s\S]*Cần xem lại → Bị Sở trả lại để sửa/);
    expect(returned[0]).toContain(STAFF.email);
    expect(returned[0]).toContain(message);

    const commune = await signedInPage(browser, portal, { ...COMMUNE, unitCode: A.code }, 390);
    await commune.goto(`${portal.url}/don-vi/${A.code}/ky/${ROUND}`);
    const sentBack = commune.locator('.notice', { hasText: 'trả lại báo cáo để sửa' });
    expect(await sentBack.innerText()).toContain(message);
    await shot(commune, 'commune-returned-390');
    // The correction has the right header, but its date was typed wrong: it needs a person again.
    await commune.locator('input[type=file]').setInputFiles({
      name: 'bao-cao-da-sua.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await docx(A, {
        computers: CORRECTED_COMPUTERS,
        date: { day: 30, month: 12, year: 2026 },
      }),
    });
    await commune.getByRole('button', { name: 'Nộp tệp' }).click();
    // Sent: the page waits for what was read (?tep=…), then shows it.
    await commune.waitForURL((u) => u.search.includes('tep='), BROWSER_WAIT);
    await commune.waitForURL((u) => !u.search.includes('tep='), BROWSER_WAIT);
    const newest = commune.locator('table.history tbody tr').first();
    expect(await newest.innerText()).toMatch(/bao-cao-da-sua\.docx[\s\S]*Cần xem lại/);
    // One line first, the figures folded below it: the commune opens the details to read them.
    expect(await commune.locator('.reading .first-line').innerText()).toMatch(/Việc cần làm/);
    await commune.locator('.reading details summary').click();
    expect(await commune.locator('table.figures').innerText()).toContain('1.234');
  }, 300_000);

  it('approves the correction: it counts on the board and in the rollup', async () => {
    await staff.goto(`${portal.url}/so/xem-xet`);
    // The returned version left the queue; the correction took its place, under its own name.
    await expect(staff.getByRole('link', { name: 'bao-cao-6-thang.docx' }).count()).resolves.toBe(
      0,
    );
    await staff.getByRole('link', { name: 'bao-cao-da-sua.docx', exact: true }).click();
    expect(await staff.locator('.reading').innerText()).toMatch(/ở sau ngày nộp/);
    await shot(staff, 'file-1366');
    const note = 'Ngày ghi nhầm năm; số liệu đúng.';
    await decide('approve', () => staff.fill('#r-approve', note), 'Đã duyệt');
    const approved = await trail(staff);
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatch(/Duyệt[\s\S]*Cần xem lại → Đã tiếp nhận/);
    expect(approved[0]).toContain(note);

    await staff.goto(`${portal.url}/so?ky=${ROUND}`);
    expect(await stat(staff, 'Đã nộp hợp lệ')).toBe(before.board + 1);
    const rollup = await builtRollupStatus();
    expect(rollup.reported).toBe(before.rollup + 1);
    expect(rollup.approvedByStaff).toBe(1);
  }, 180_000);

  it('assigns a file no unit was matched to: the unit is counted', async () => {
    await staff.goto(`${portal.url}/so/xem-xet`);
    await shot(staff, 'queue-1366');
    expect(await staff.locator('h2', { hasText: 'chưa xác định được đơn vị' }).count()).toBe(1);
    await staff.getByRole('link', { name: 'van-ban-khong-ro-don-vi.docx' }).click();
    const note = 'Đã gọi điện xác nhận với văn phòng phường.';
    await decide(
      'assign',
      async () => {
        await staff.selectOption('#unitCode', B.code);
        await staff.selectOption('#roundId', ROUND);
        await staff.fill('#r-assign', note);
      },
      'Đã gán',
    );
    // The page now shows the unit's new submission; the original file keeps the decision too.
    expect(await staff.locator('h1').innerText()).toContain('Thành Vinh');
    const assigned = (await trail(staff)).join('\n');
    expect(assigned).toMatch(/Gán cho đơn vị/);
    expect(assigned).toContain(`đơn vị ${B.code}, kỳ ${ROUND}`);
    await staff.goto(`${portal.url}/so?ky=${ROUND}`);
    expect(await stat(staff, 'Đã nộp hợp lệ')).toBe(before.board + 2);
    await shot(staff, 'board-1366');
    await staff.goto(`${portal.url}/so/xem-xet`);
    expect(await staff.getByRole('link', { name: 'van-ban-khong-ro-don-vi.docx' }).count()).toBe(0);
  }, 180_000);

  it('builds the rollup and downloads it as Word and Excel with the figures in it', async () => {
    expect((await builtRollupStatus()).reported).toBe(before.rollup + 2);
    await shot(staff, 'rollups-1366');
    const card = staff.locator(`#ky-${ROUND}`);
    for (const [label, ext] of [
      ['Word', 'docx'],
      ['Excel', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([
        staff.waitForEvent('download'),
        card.locator('ul.files').first().getByRole('link', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`tong-hop-40-${ROUND}.${ext}`);
      const path = join(SHOTS, download.suggestedFilename());
      await download.saveAs(path);
      expect(isZip(path)).toBe(true);
      expect(await figureIn(path, CORRECTED_COMPUTERS + STRAY_COMPUTERS)).toBe(true);
    }
  }, 180_000);

  it('shows the desk on a 390 px phone without sideways scrolling', async () => {
    const phone = await signedInPage(browser, portal, { ...STAFF, email: 'so40b@example.vn' }, 390);
    for (const [path, name] of [
      [`/so?ky=${ROUND}`, 'board-390'],
      ['/so/xem-xet', 'queue-390'],
      [`/so/ho-so/${ROUND}/${firstFile.unitCode}/${firstFile.submissionId}`, 'file-390'],
      ['/so/tong-hop', 'rollups-390'],
    ] as const) {
      await phone.goto(portal.url + path);
      await shot(phone, name);
      expect(await sidewaysOverflow(phone), path).toBeLessThanOrEqual(0);
      // Every table shows its columns or turns its rows into cards: no column cut off.
      expect(await tablesCut(phone), path).toEqual([]);
    }
  }, 180_000);
});
