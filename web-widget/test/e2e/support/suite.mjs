// What every browser test file shares: one Chromium and one page server per file, and the steps that
// read what the banner did.

import { after, before } from 'node:test';
import { bannerShown, launch, newPage } from './browser.mjs';
import { startPages } from './pages.mjs';
import { consentHistory } from './platform.mjs';

/**
 * Starts Chromium and the page server before the file's tests (then runs `setup`, e.g. to create the
 * file's site and pages) and stops both after them.
 */
export const useSuite = (setup) => {
  const suite = {};
  before(async () => {
    suite.browser = await launch();
    suite.pages = await startPages();
    if (setup) await setup(suite);
  });
  after(async () => {
    await suite.browser.close();
    await suite.pages.close();
  });
  return suite;
};

/** A fresh context on `path` of `host`, once the first layer is visible. */
export const openWithBanner = async (suite, path, host = 'www.example.test', options) => {
  const opened = await newPage(suite.browser, options);
  await opened.page.goto(suite.pages.url(host, path));
  await bannerShown(opened.page);
  return opened;
};

/** Names of the tagged scripts that ran, in order (each test script pushes its name). */
export const ran = (page) => page.evaluate(() => window.ran || []);

/** The consent id, once the platform has assigned it. */
export const consentIdOf = async (page) => (await page.waitForFunction(() => akkoord.consent().consentId)).jsonValue();

/** The platform's records of this visitor, oldest first. */
export const recordsOf = async (page) => (await consentHistory(await consentIdOf(page))).records;
