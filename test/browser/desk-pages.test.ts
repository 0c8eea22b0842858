import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderJob } from '../../shared/reminders/jobs.js';
import { ictDate } from '../../shared/rounds/deadline.js';
import { roundById } from '../../shared/rounds/rounds.js';
import type { MailJob } from '../../shared/schemas/mail.js';
import {
  docScreenshot,
  launchChromium,
  newPage,
  seriousViolations,
  sidewaysOverflow,
  signedInPage,
  tablesCut,
} from '../helpers/browser.js';
import { registry2025 } from '../helpers/fixtures.js';
import { type PortalHarness, startPortal } from '../helpers/portal.js';
import { submissionOf } from '../helpers/rollup-fixtures.js';

// The desk's rounds, contacts and unit pages in a real browser (Debian's chromium): a round
// opened from a letter is planned by the reminder job; a contact list is imported, its new
// address invited, the account revoked and refused at sign-in; every page looked at on a
// 390 px phone and a 1366 px desktop.
const registry = registry2025();
const units40 = registry.unitsOf('40');
const A = registry.byCode('16941')!; // xã Nghĩa Đàn
const B = registry.byCode('16681')!; // phường Thành Vinh
const SHOTS = process.env.TONGHOP_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'tonghop-desk-pages-'));
const STAFF = { email: 'so40@example.vn', role: 'staff', provinceCode: '40' } as const;
const NEW_ADDRESS = 'vanphong.moi@nghiadan.example';
const BOUNCING = 'sai-dia-chi@thanhvinh.example';

let portal: PortalHarness;
let browser: Browser;
let staff: Page;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const dayFromNow = (days: number) => ictDate(new Date(Date.now() + days * 86_400_000));

/** Unit A's reports of three rounds, with figures that change, for its page across rounds. */
async function historyOfA(): Promise<void> {
  const rounds: Array<[string, number, string]> = [
    ['2025-H1', 20, '2025-06-05T02:00:00.000Z'],
    ['2025-FY', 31, '2025-11-18T02:00:00.000Z'],
    ['2026-H1', 44, '2026-06-12T02:00:00.000Z'],
  ];
  for (const [roundId, computers, uploadedAt] of rounds) {
    const { version: _, ...s } = submissionOf(A, { computers, uploadedAt });
    await portal.target.ports.submissions.record({
      ...s,
      roundId,
      file: { ...s.file, key: `inbox/40/${roundId}/${A.code}/${s.file.name}` },
    });
  }
}

/** A reminder to B's old address that bounced: the contacts page lists it. */
async function bouncedMail(): Promise<void> {
  const job: MailJob = {
    kind: 'reminder',
    ledgerKey: `REMIND#2026-FY#${B.code}#0`,
    provinceCode: '40',
    roundId: '2026-FY',
    unitCode: B.code,
    offsetDays: 0,
    to: [BOUNCING],
    subject: 'Nhắc hạn',
    text: 'x',
    html: 'x',
  };
  const ledger = portal.target.ports.ledger;
  await ledger.claim(job, new Date(), 60_000);
  await ledger.markSent(job, 'm-1', new Date());
  const ref = { provinceCode: '40', roundId: '2026-FY', ledgerKey: job.ledgerKey };
  await ledger.markUndeliverable(
    ref,
    { state: 'bounced', recipients: [BOUNCING], reason: '550' },
    new Date(),
  );
}

/** Fills the rounds page's letter form and sends it. */
async function openRound(letter: string, title: string, roundId: string, days: number) {
  await staff.getByLabel('Số hiệu công văn').fill(letter);
  await staff.getByLabel('Ngày công văn').fill(dayFromNow(0));
  await staff.getByLabel('Cơ quan ban hành').fill('Sở Khoa học và Công nghệ tỉnh Nghệ An');
  await staff.getByLabel('Tên kỳ báo cáo').fill(title);
  await staff.getByLabel('Mã kỳ', { exact: true }).fill(roundId);
  await staff.getByLabel('Hạn nộp').fill(dayFromNow(days));
  await staff.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal(['40']);
  await portal.target.ports.units.put([
    {
      ...A,
      emails: ['vanphong@nghiadan.example'],
      contactName: 'Nguyễn Thị Hoa',
      phone: '0238 3844 123',
    },
    { ...B, emails: [BOUNCING] },
  ]);
  await historyOfA();
  await bouncedMail();
  browser = await launchChromium();
  staff = await signedInPage(browser, portal, STAFF, 1366);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the desk’s rounds, contacts and unit pages', () => {
  it('opens a round from a letter; the reminder job then plans its reminders', async () => {
    await staff.goto(`${portal.url}/so/ky`);
    await openRound('1464/SKHCN-KH&ĐMST', 'Báo cáo nhanh chuyển đổi số <quý IV>', '2026-q4', 10);
    await staff.locator('.notice', { hasText: 'Đã mở kỳ báo cáo' }).waitFor();
    const card = staff.locator('#ky-2026-Q4');
    expect(await card.locator('h3').innerText()).toContain('Báo cáo nhanh chuyển đổi số <quý IV>');
    expect(await card.innerText()).toMatch(/Lần nhắc tới/);
    await shot(staff, 'rounds-1366');
    expect(await seriousViolations(staff)).toEqual([]);

    const run = await runReminderJob('40', new Date(), portal.target.ports, { dryRun: true });
    expect(run.rounds).toContain('2026-Q4');
    const mine = run.jobs.filter((j) => j.roundId === '2026-Q4');
    expect(mine.map((j) => j.unitCode).sort()).toEqual([B.code, A.code].sort());
    expect(mine[0]?.offsetDays).toBe(-14);

    // The same id again is refused, in Vietnamese, and the first round stays as it was.
    await openRound('1500/SKHCN', 'Báo cáo khác', '2026-Q4', 20);
    await staff.locator('.notice.error', { hasText: 'Kỳ báo cáo 2026-Q4 đã có' }).waitFor();
    expect((await roundById(portal.target.ports.rounds, '40', '2026-Q4'))?.requests).toEqual([
      '1464/SKHCN-KH&ĐMST',
    ]);
  }, 180_000);

  it('imports contacts, invites the new address, revokes it: that account cannot sign in', async () => {
    await staff.goto(`${portal.url}/so/lien-he`);
    const csv = `unit_code,email,name,phone\n${A.code},${NEW_ADDRESS};khong-phai-thu,Lê Văn Nam,0912 345 678\n`;
    await staff.locator('input[type=file]').setInputFiles({
      name: 'lien-he.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await staff.getByRole('button', { name: 'Nhập danh sách' }).click();
    await staff.getByRole('heading', { name: /Kết quả nhập/ }).waitFor();
    const outcome = await staff.locator('section', { hasText: 'Kết quả nhập' }).innerText();
    expect(outcome).toContain('khong-phai-thu');
    expect(outcome).toContain('Đã mời 1 địa chỉ mới');
    expect(await staff.locator('.bounced-list').innerText()).toContain(BOUNCING);
    await shot(staff, 'contacts-1366');
    expect(await seriousViolations(staff)).toEqual([]);

    const password = await portal.invitationPassword(NEW_ADDRESS);
    expect(password).toBeTruthy();
    await staff.getByRole('button', { name: `Thu hồi tài khoản ${NEW_ADDRESS}` }).click();
    await staff.locator('.notice', { hasText: 'Đã thu hồi tài khoản' }).waitFor();
    expect(await staff.locator('tr', { hasText: NEW_ADDRESS }).innerText()).toContain('Đã thu hồi');

    const commune = await newPage(browser, 390);
    await commune.goto(`${portal.url}/dang-nhap`);
    await commune.getByLabel('Địa chỉ thư').fill(NEW_ADDRESS);
    await commune.getByLabel('Mật khẩu', { exact: true }).fill(password!);
    await commune.getByRole('button', { name: 'Đăng nhập' }).click();
    await commune.locator('.notice.error', { hasText: 'mật khẩu không đúng' }).waitFor();
    expect(new URL(commune.url()).pathname).toBe('/dang-nhap');
  }, 180_000);

  it('shows one unit across rounds, each figure against the round before', async () => {
    await staff.goto(`${portal.url}/so`);
    await staff
      .locator('table.board')
      .getByRole('link', { name: /Nghĩa Đàn/ })
      .first()
      .click();
    await staff.waitForURL(/\/so\/don-vi\/16941$/);
    const trend = await staff.locator('table.trend').innerText();
    expect(trend).toMatch(/▲ \+11 so với 2025-H1/);
    expect(trend).toMatch(/▲ \+13 so với 2025-FY/);
    await shot(staff, 'unit-1366');
    expect(await seriousViolations(staff)).toEqual([]);
  }, 180_000);

  it('pages the 130 units of the board', async () => {
    await staff.goto(`${portal.url}/so?ky=2026-H1&trang-thai=missing`);
    expect(await staff.locator('table.board tbody tr').count()).toBe(50);
    await staff.locator('nav.pager').getByRole('link', { name: '3' }).click();
    const rows = await staff.locator('table.board tbody tr').count();
    expect(rows).toBe(units40.length - 1 - 100); // A reported (late); the rest are missing
    expect(new URL(staff.url()).searchParams.get('trang-thai')).toBe('missing');
    await staff.goto(`${portal.url}/so?ky=2026-H1`);
    await shot(staff, 'board-paged-1366');
    await docScreenshot(staff, 'desk-board-1366');
  }, 180_000);

  it('reads on a 390 px phone without sideways scrolling', async () => {
    const phone = await signedInPage(browser, portal, { ...STAFF, email: 'so40c@example.vn' }, 390);
    for (const [path, name] of [
      ['/so/ky', 'rounds-390'],
      ['/so/lien-he', 'contacts-390'],
      ['/so/cai-dat', 'settings-390'],
      [`/so/don-vi/${A.code}`, 'unit-390'],
      ['/so?ky=2026-H1', 'board-paged-390'],
    ] as const) {
      await phone.goto(portal.url + path);
      await shot(phone, name);
      expect(await sidewaysOverflow(phone), path).toBeLessThanOrEqual(0);
      expect(await tablesCut(phone), path).toEqual([]);
      expect(await seriousViolations(phone), path).toEqual([]);
    }
    // On a phone a unit's row is a card: the column's name stands before each value.
    const cell = phone.locator('table.board tbody tr').first().locator('td').first();
    const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"Đơn vị"');
  }, 180_000);
});
