import { type Browser, chromium, type Page } from 'playwright-core';
import type { AccountSpec } from '../../shared/ports/accounts.js';
import type { PortalHarness } from './portal.js';

// Debian's chromium driven by playwright-core, for the browser tests and the walkthrough script.
export const BROWSER_WAIT = { timeout: 90_000 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page `width` px wide. bypassCSP only so that tests can inject axe-core. */
export async function newPage(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(BROWSER_WAIT.timeout);
  return context.newPage();
}

/** A page signed in as `spec`: signed in over HTTP, its session cookies handed to the browser. */
export async function signedInPage(
  browser: Browser,
  portal: PortalHarness,
  spec: AccountSpec,
  width: number,
): Promise<Page> {
  const client = await portal.signIn(spec);
  const page = await newPage(browser, width);
  const { hostname } = new URL(portal.url);
  await page.context().addCookies(
    ['tonghop_session', 'tonghop_csrf'].map((name) => ({
      name,
      value: client.cookie(name) ?? '',
      domain: hostname,
      path: '/',
    })),
  );
  return page;
}

/** How many px the page is wider than its window (0: no sideways scrolling). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return g.document.documentElement.scrollWidth - g.innerWidth;
  });
}
