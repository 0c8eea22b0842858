import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, sidewaysOverflow, tablesCut } from './chromium.js';

// The "Done when" of the Department's desk, walked as a new user who reads only what `npm start`
// printed and the pages: sign in as the demo Department, open the review queue, resolve every
// file in it, rebuild the rollup and download it. Screenshots at 390 and 1366 px of the queue, a
// file page, the board and the rollups page.
//   npx tsx scripts/desk-walkthrough.ts <npm start's output> <folder for screenshots and files>

export interface StartOutput {
  url: string;
  email: string;
  password: string;
  /** The demo round's board, as npm start points the Department to it. */
  board: string;
}

/** The portal's address and the Department's sign-in, as `npm start` prints them. */
export function readStartOutput(text: string): StartOutput {
  const url = /đang chạy tại (http\S+)/.exec(text)?.[1];
  const line = text.split('\n').find((l) => /^\s+Sở .*mật khẩu tạm:/.test(l));
  const [, email, password] = /(\S+@\S+)\s+mật khẩu tạm: (\S+)/.exec(line ?? '') ?? [];
  if (!url || !email || !password)
    throw new Error('npm start did not print the Department sign-in');
  const board = /tình hình nộp kỳ mẫu [^:]+: (http\S+)/.exec(text)?.[1] ?? `${url}/so`;
  return { url: url.replace(/\/+$/, ''), email, password, board };
}

export interface Walk {
  page: Page;
  phone: Page;
  url: string;
  shots: string;
  log: (line: string) => void;
  seen: Seen;
  /** The demo round (the board link's `ky`): its rollup is the one built and downloaded. */
  round: string | null;
}

/** What the walk saw, for a test to check. */
export interface Seen {
  queueHeadings: string[];
  decisions: Array<{ name: string; action: string; notice: string; trail: string }>;
  queueEmpty: boolean;
  reported: { before: number; after: number };
  downloads: Array<{ name: string; zip: boolean }>;
  /** Pages wider than the 390 px phone, by screenshot name, in px. */
  phoneOverflow: Record<string, number>;
}

/** First sign-in with the temporary password, then a password of one's own. */
export async function signInFirstTime(page: Page, start: StartOutput, password: string) {
  await page.goto(start.board);
  await page.getByLabel('Địa chỉ thư').fill(start.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(start.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(password);
  await page.getByRole('button', { name: /Lưu mật khẩu/ }).click();
  await page.waitForURL((u) => !/dang-nhap|doi-mat-khau/.test(u.pathname));
}

/** The same page on the desktop and the phone, both saved; the phone's sideways overflow logged. */
export async function shoot(w: Walk, name: string): Promise<number> {
  await w.page.screenshot({ path: join(w.shots, `${name}-1366.png`), fullPage: true });
  await w.phone.goto(w.page.url());
  await w.phone.screenshot({ path: join(w.shots, `${name}-390.png`), fullPage: true });
  const overflow = (await sidewaysOverflow(w.phone)) || (await tablesCut(w.phone)).length;
  if (overflow > 0) w.seen.phoneOverflow[name] = overflow;
  w.log(
    `  screenshot ${name}: 1366 and 390 px${overflow > 0 ? `, phone ${overflow} px too wide` : ''}`,
  );
  return overflow;
}

type Decision = { action: 'approve' | 'not_report' | 'assign'; reason: string; unit?: string };

/** What a reviewer decides from the file's page: what was read, the diagnostics, the forms. */
export async function decisionFor(page: Page): Promise<Decision> {
  const reading = await page.locator('.reading').innerText();
  const forms = await page.locator('form.action').evaluateAll((f) => f.map((x) => x.className));
  if (forms.some((c) => c.includes('assign'))) {
    const issuer = /Đơn vị ban hành\s+([^\n(]+?)\s*(\(|\n)/.exec(reading)?.[1]?.trim() ?? '';
    const options = await page.locator('#unitCode option').allInnerTexts();
    const match = issuer && issuer !== '—' ? options.find((o) => o.includes(issuer)) : undefined;
    if (match) return { action: 'assign', unit: match, reason: `Văn bản ghi ${issuer}.` };
    return { action: 'not_report', reason: 'Không xác định được đơn vị của tỉnh gửi tệp này.' };
  }
  if (/kế hoạch|công văn/i.test(reading))
    return {
      action: 'not_report',
      reason: 'Không phải báo cáo kết quả; đã báo đơn vị gửi báo cáo.',
    };
  return { action: 'approve', reason: 'Đã đối chiếu với bản gốc.' };
}

/** Opens the first file of the queue, decides, and returns its name (null: the queue is empty). */
export async function resolveOne(w: Walk, first: boolean): Promise<string | null> {
  await w.page.goto(`${w.url}/so/xem-xet`);
  const link = w.page.locator('ul.queue a').first();
  if (!(await link.count())) return null;
  const name = await link.innerText();
  await link.click();
  if (first) await shoot(w, 'file');
  const d = await decisionFor(w.page);
  const form = w.page.locator(`form.action.${d.action}`);
  if (d.unit) await form.locator('#unitCode').selectOption({ label: d.unit });
  await form.locator('textarea').fill(d.reason);
  await form.getByRole('button').click();
  const notice = await w.page.locator('.notice').first().innerText();
  const trail = await w.page.locator('ol.audit > li').last().innerText();
  w.seen.decisions.push({ name, action: d.action, notice, trail });
  w.log(
    `  ${name}: ${d.action}${d.unit ? ` → ${d.unit}` : ''} · "${notice}" · ${trail.split('\n')[0]}`,
  );
  return name;
}

async function buildAndDownload(w: Walk): Promise<void> {
  await w.page.getByRole('navigation').getByRole('link', { name: 'Tổng hợp' }).click();
  // Rounds are listed newest first: the demo round's card, by its id, else the first.
  const card = w.round
    ? w.page.locator(`section.rollup#ky-${w.round}`)
    : w.page.locator('section.rollup').first();
  w.log(`  round on the page: ${(await card.locator('h2').innerText()).split('\n')[0]}`);
  await card.getByRole('button', { name: /Lập báo cáo tổng hợp/ }).click();
  w.log(`  ${await w.page.locator('.notice').first().innerText()}`);
  await shoot(w, 'rollups');
  for (const label of ['Word', 'Excel']) {
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      card.getByRole('link', { name: label }).first().click(),
    ]);
    const path = join(w.shots, download.suggestedFilename());
    await download.saveAs(path);
    const zip = readFileSync(path).subarray(0, 4).equals(Buffer.from('PK\x03\x04'));
    w.seen.downloads.push({ name: download.suggestedFilename(), zip });
    w.log(
      `  downloaded ${download.suggestedFilename()}: ${zip ? 'a ZIP (Office) file' : 'NOT a ZIP'}`,
    );
  }
}

const reportedOn = async (page: Page) =>
  Number(await page.locator('.stat', { hasText: 'Đã nộp hợp lệ' }).locator('b').innerText());

async function signedIn(browser: Browser, start: StartOutput, shots: string, log: Walk['log']) {
  const page = await newPage(browser, 1366);
  await signInFirstTime(page, start, 'Mat-Khau-So-2026!');
  log(`signed in as ${start.email}: ${page.url()} · ${await page.locator('h1').innerText()}`);
  const phone = await newPage(browser, 390);
  await phone.context().addCookies(await page.context().cookies());
  const seen: Seen = {
    queueHeadings: [],
    decisions: [],
    queueEmpty: false,
    reported: { before: 0, after: 0 },
    downloads: [],
    phoneOverflow: {},
  };
  const round = new URL(start.board).searchParams.get('ky');
  return { page, phone, url: start.url, shots, log, seen, round } satisfies Walk;
}

/** The whole walk: sign in, the queue resolved file by file, the board, the rollup built and downloaded. */
export async function walk(
  browser: Browser,
  start: StartOutput,
  shots: string,
  log: Walk['log'] = (line) => process.stdout.write(`${line}\n`),
): Promise<Seen> {
  const w = await signedIn(browser, start, shots, log);
  const { page, seen } = w;
  seen.reported.before = await reportedOn(page);
  log(`board: ${seen.reported.before} reported`);
  await shoot(w, 'board-before');
  await page.getByRole('navigation').getByRole('link', { name: 'Cần xem xét' }).click();
  seen.queueHeadings = await page.locator('main h2').allInnerTexts();
  log(`queue: ${seen.queueHeadings.join(' · ')}`);
  await shoot(w, 'queue');
  for (let i = 0; (await resolveOne(w, i === 0)) && i < 20; i++);
  await page.goto(`${start.url}/so/xem-xet`);
  seen.queueEmpty = (await page.locator('ul.queue a').count()) === 0;
  log(
    `queue after: ${(await page.locator('main').innerText()).split('\n').slice(1, 3).join(' · ')}`,
  );
  await page.goto(start.board);
  seen.reported.after = await reportedOn(page);
  log(`board after: ${seen.reported.after} reported`);
  await shoot(w, 'board');
  await buildAndDownload(w);
  return seen;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [logFile, shots = 'walkthrough'] = process.argv.slice(2);
  if (!logFile)
    throw new Error('usage: tsx scripts/desk-walkthrough.ts <npm start output> [folder]');
  mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    await walk(browser, readStartOutput(readFileSync(logFile, 'utf8')), shots);
  } finally {
    await browser.close();
  }
}
