import { type Browser, chromium, type Page } from 'playwright-core';

// Debian's chromium driven by playwright-core, for the browser tests and the desk walkthrough.
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
