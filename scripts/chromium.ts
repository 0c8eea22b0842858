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

/**
 * A fresh page `width` px wide; `javaScript: false` reads the portal as a browser without scripts
 * does. bypassCSP only so that tests can inject axe-core.
 */
export async function newPage(
  browser: Browser,
  width: number,
  opts: { javaScript?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    javaScriptEnabled: opts.javaScript ?? true,
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

/**
 * The tables of the page that do not show every column in the window: a cell past its right
 * edge, or a table scrolled sideways inside its box (a column cut off with no hint). Each as
 * "caption or class: what" ; none expected at 390 px, where wide tables turn rows into cards.
 */
export function tablesCut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      innerWidth: number;
      document: { querySelectorAll(s: string): ArrayLike<Element> };
    };
    type Element = {
      className: string;
      scrollWidth: number;
      clientWidth: number;
      parentElement: Element | null;
      querySelector(s: string): { textContent: string | null } | null;
      querySelectorAll(s: string): ArrayLike<Element>;
      getBoundingClientRect(): { right: number; width: number };
    };
    const out: string[] = [];
    for (const table of Array.from(g.document.querySelectorAll('table'))) {
      const name = table.querySelector('caption')?.textContent?.trim() || table.className;
      const cells = Array.from(table.querySelectorAll('td, th')).filter(
        (c) => c.getBoundingClientRect().width > 0,
      );
      const past = cells.filter((c) => c.getBoundingClientRect().right > g.innerWidth + 0.5);
      if (past.length) out.push(`${name}: ${past.length} ô vượt quá mép phải`);
      for (let box = table.parentElement; box; box = box.parentElement)
        if (box.scrollWidth > box.clientWidth + 1) {
          out.push(`${name}: cuộn ngang trong khung ${box.className || 'không tên'}`);
          break;
        }
    }
    return out;
  });
}
