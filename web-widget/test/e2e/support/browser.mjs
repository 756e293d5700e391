// Headless Debian Chromium driven by playwright-core, with *.example.test and *.checkout-example.test mapped to 127.0.0.1.

import { chromium } from 'playwright-core';
import { DEADLINE_MS } from './platform.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * `hosts` are more names to map to 127.0.0.1 (an embed provider's, say); with them every other name fails to
 * resolve, so a page that names a real provider can reach nothing but the test's own servers.
 */
export const launch = (hosts = []) =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      // *.checkout-example.test: a second registrable domain, for a site whose domains share no cookies.
      '--host-resolver-rules=' + ['*.example.test', '*.checkout-example.test', ...hosts].map((host) => 'MAP ' + host + ' 127.0.0.1').join(',') +
        (hosts.length ? ',MAP * ~NOTFOUND,EXCLUDE 127.0.0.1' : ''),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium 15x builds its omnibox popup (a WebUI page with some 30 scripts) for every new context, even
      // headless, where no one can see it: on two cores it took the CPU from the page under test for about
      // 100 ms of every page load. A visitor's browser has its omnibox long loaded.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
    ],
  });

/** A fresh context (own cookies, storage and cache) with page errors collected into `errors`. */
export const newPage = async (browser, options = {}) => {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(DEADLINE_MS);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return { context, page };
};

/** Waits until the banner's first layer is visible. */
export const bannerShown = (page) => page.locator('akkoord-banner .bar').waitFor({ state: 'visible' });

export const bannerButton = (page, name) => page.locator('akkoord-banner .bar').getByRole('button', { name, exact: true });

export const dialog = (page) => page.locator('akkoord-banner').getByRole('dialog');

/** Every cookie of the context as "name@domain path", sorted: easy to compare. */
export const cookieList = async (context) =>
  (await context.cookies()).map((cookie) => `${cookie.name}@${cookie.domain}${cookie.path}`).sort();
