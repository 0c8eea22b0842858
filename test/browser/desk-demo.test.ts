import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../bin/commands/demo.js';
import { demoSignInText, type Serving, servePortal } from '../../bin/commands/serve.js';
import { type LocalTarget, openLocalTarget } from '../../bin/target.js';
import { receivedMail } from '../../local/saved-mail.js';
import { readStartOutput, type Seen, walk } from '../../scripts/desk-walkthrough.js';
import { launchChromium } from '../helpers/browser.js';

// The "Done when" of the Department's desk over the demo data, as `npm start` leaves it: a new
// user reads what it prints, signs in as the demo Department, resolves every file in the review
// queue, rebuilds the rollup and downloads it (scripts/desk-walkthrough.ts, the same walk a person
// can run against a live `npm start`). Screenshots at 390 and 1366 px go to TONGHOP_SCREENSHOTS/demo.
const SHOTS = process.env.TONGHOP_SCREENSHOTS
  ? join(process.env.TONGHOP_SCREENSHOTS, 'demo')
  : mkdtempSync(join(tmpdir(), 'tonghop-walk-'));

let target: LocalTarget;
let serving: Serving;
let browser: Browser;
let printed: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  process.env.TONGHOP_HOME = mkdtempSync(join(tmpdir(), 'tonghop-demo-'));
  target = await openLocalTarget();
  await demo(target, new Writable({ write: (_chunk, _enc, done) => done() }));
  serving = await servePortal(target, 0);
  printed = await demoSignInText(target, serving.url);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await serving?.stop();
  await target?.close();
});

const count = (headings: string[], what: RegExp) =>
  Number(/\((\d+)\)/.exec(headings.find((h) => what.test(h)) ?? '')?.[1] ?? 0);

describe('npm start, walked by the demo Department', () => {
  let seen: Seen;

  it('prints where the Department signs in and where its desk is', () => {
    const start = readStartOutput(printed);
    expect(start.url).toBe(serving.url);
    expect(start.board).toBe(`${serving.url}/so?ky=2026-H1`);
    expect(printed).toContain(`${serving.url}/so/xem-xet`);
  });

  it('resolves every file of the review queue, and the board counts the ones that count', async () => {
    seen = await walk(browser, readStartOutput(printed), SHOTS, () => {});
    const unmatched = count(seen.queueHeadings, /chưa xác định được đơn vị/);
    const review = count(seen.queueHeadings, /cần xem lại/);
    expect(unmatched).toBeGreaterThan(0);
    expect(review).toBeGreaterThan(0);
    expect(seen.decisions).toHaveLength(unmatched + review);
    for (const d of seen.decisions) {
      expect(d.notice, d.name).toMatch(/^Đã /);
      expect(d.trail, d.name).toMatch(/Duyệt|Gán cho đơn vị|Không phải báo cáo/);
    }
    expect(seen.queueEmpty).toBe(true);
    const counted = seen.decisions.filter((d) => d.action !== 'not_report').length;
    expect(counted).toBeGreaterThan(0);
    expect(seen.reported.after).toBe(seen.reported.before + counted);
  }, 300_000);

  it('rebuilds the rollup and downloads it as Word and Excel', () => {
    expect(seen.downloads.map((d) => d.name).sort()).toEqual([
      'tong-hop-40-2026-H1.docx',
      'tong-hop-40-2026-H1.xlsx',
    ]);
    expect(seen.downloads.every((d) => d.zip)).toBe(true);
  });

  it('fits every page walked on a 390 px phone', () => {
    expect(seen.phoneOverflow).toEqual({});
  });

  it('sent no mail with a pre-signed address or a storage path, of any kind', async () => {
    // Invitations, receipts, reminders, the digest, the rollup and the desk's decisions alike.
    const mails = await receivedMail(target.stack.endpoints.ses);
    expect(mails.length).toBeGreaterThan(100);
    const leaking = mails.filter((m) =>
      /X-Amz-|Signature=|\binbox\/|s3:\/\//.test(`${m.body.text ?? ''}${m.body.html ?? ''}`),
    );
    expect(leaking.map((m) => m.subject)).toEqual([]);
    expect(mails.some((m) => /https?:\/\/\S+\/so\/tong-hop/.test(m.body.text ?? ''))).toBe(true);
  });
});
