import type { Browser, Page } from 'playwright-core';
import { newPage } from '../../scripts/chromium.js';
import type { AccountSpec } from '../../shared/ports/accounts.js';
import type { PortalHarness } from './portal.js';

export { BROWSER_WAIT, launchChromium, newPage, sidewaysOverflow } from '../../scripts/chromium.js';

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
