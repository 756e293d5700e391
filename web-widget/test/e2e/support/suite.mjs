// What every browser test file shares: one Chromium and one page server per file, and the steps that
// read what the banner did.

import { after, before } from 'node:test';
import { bannerShown, launch, newPage } from './browser.mjs';
import { startPages } from './pages.mjs';
import { awaitRecords, DEADLINE_MS } from './platform.mjs';

/**
 * Starts Chromium and the page server before the file's tests (then runs `setup`, e.g. to create the
 * file's site and pages) and stops both after them. `hosts`: more host names Chromium maps to 127.0.0.1.
 */
export const useSuite = (setup, hosts) => {
  const suite = {};
  before(async () => {
    suite.browser = await launch(hosts);
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

/** Runs `action`, which makes the banner reload the page, and waits until the new page has loaded. */
export const reloadAfter = async (page, action) => {
  await Promise.all([page.waitForEvent('framenavigated'), action()]);
  await page.waitForLoadState('load');
};

/** For a page view with a stored decision: the config has arrived (and been acted on) once the floating button shows. */
export const settled = (page) => page.locator('akkoord-banner .float').waitFor({ state: 'visible' });

/** Names of the tagged scripts that ran, in order (each test script pushes its name). */
export const ran = (page) => page.evaluate(() => window.ran || []);

/** The consent id, once the platform has assigned it. */
export const consentIdOf = async (page) => (await page.waitForFunction(() => akkoord.consent().consentId)).jsonValue();

/** The platform's records of this visitor, oldest first, once it holds at least `count` of them. */
export const recordsOf = async (page, count = 1) => awaitRecords(await consentIdOf(page), count);

const isConsentPost = (request) => request.method() == 'POST' && new URL(request.url()).pathname == '/api/v1/consents';

/**
 * Counts the consent posts of `page` (across its reloads) that fail at the network level. Chromium reports a
 * failure to the test from the same renderer task that fails the page's fetch, so once `reached(n)` resolves
 * the banner's n-th attempt has ended in the page too. Rejects at the deadline.
 */
export const failedConsentPosts = (page) => {
  let count = 0;
  const waiting = [];
  page.on('requestfailed', (request) => {
    if (!isConsentPost(request)) return;
    count++;
    waiting.filter((wait) => wait.count <= count).forEach((wait) => wait.resolve());
  });
  return {
    reached: (wanted) =>
      new Promise((resolve, reject) => {
        if (count >= wanted) return resolve();
        waiting.push({ count: wanted, resolve });
        setTimeout(() => reject(new Error(`only ${count} of ${wanted} consent posts failed within ${DEADLINE_MS} ms`)), DEADLINE_MS).unref();
      }),
  };
};

/** Collects the action of every consent record `page` posts (whatever the answer), to check that none was sent. */
export const consentPosts = (page) => {
  const posts = [];
  page.on('request', (request) => isConsentPost(request) && posts.push(JSON.parse(request.postData()).action));
  return posts;
};
