import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newPage } from '../../scripts/chromium.js';
import type { AccountSpec } from '../../shared/ports/accounts.js';
import type { PortalHarness } from './portal.js';

export {
  BROWSER_WAIT,
  launchChromium,
  newPage,
  sidewaysOverflow,
  tablesCut,
} from '../../scripts/chromium.js';

/** A page signed in as `spec`: signed in over HTTP, its session cookies handed to the browser. */
export async function signedInPage(
  browser: Browser,
  portal: PortalHarness,
  spec: AccountSpec,
  width: number,
  opts: { javaScript?: boolean } = {},
): Promise<Page> {
  const client = await portal.signIn(spec);
  const page = await newPage(browser, width, opts);
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

/**
 * The README's pictures: written only when TONGHOP_DOC_SCREENSHOTS names a folder (the docs
 * images are regenerated on purpose, so a test run never leaves the work tree changed).
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.TONGHOP_DOC_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The page's serious and critical accessibility violations by axe-core (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> };
      }
    ).axe;
    return axe.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}
