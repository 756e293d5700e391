// Consent signals to the vendors on the page besides Google: Microsoft UET, Meta Pixel, TikTok Pixel and Microsoft
// Clarity hear every decision through their own consent APIs, a withdrawal too, and a returning visitor's choice at
// start-up. The page stubs each vendor's global the way its base code leaves it and logs every call in order.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage } from './support/pages.mjs';
import { createSite } from './support/platform.mjs';
import { openWithBanner, reloadAfter, settled, useSuite } from './support/suite.mjs';

// The vendors' snippets come after the banner's tag, as on a site. The log also goes to sessionStorage, so that what
// a page sent before the banner reloaded it can still be read.
const VENDOR_STUBS = `<script>
window.calls = [];
window.before = JSON.parse(sessionStorage.getItem('calls') || '[]');
const log = (name) => (...args) => {
  calls.push([name, ...args]);
  sessionStorage.setItem('calls', JSON.stringify(calls));
};
window.dataLayer = window.dataLayer || [];
window.gtag = log('gtag');
window.uetq = { push: log('uetq') };
window.fbq = log('fbq');
window.ttq = { grantConsent: log('ttq.grantConsent'), revokeConsent: log('ttq.revokeConsent') };
window.clarity = log('clarity');
</script>`;

const state = (granted) => (granted ? 'granted' : 'denied');

/** Every call a decision of `analytical` and `marketing` must make, in the banner's order. */
const decisionCalls = (analytical, marketing) => [
  ['gtag', 'consent', 'update', { analytics_storage: state(analytical), ad_storage: state(marketing), ad_user_data: state(marketing), ad_personalization: state(marketing) }],
  ...vendorCalls(analytical, marketing),
];

/** The calls to the vendors other than Google (a returning visitor's Google signals go out before the page's gtag). */
const vendorCalls = (analytical, marketing) => [
  ['uetq', 'consent', 'update', { ad_storage: state(marketing) }],
  ['fbq', 'consent', marketing ? 'grant' : 'revoke'],
  [marketing ? 'ttq.grantConsent' : 'ttq.revokeConsent'],
  ['clarity', 'consentv2', { ad_Storage: state(marketing), analytics_Storage: state(analytical) }],
];

const calls = (page) => page.evaluate(() => window.calls);

/** The calls of this page view once there are `count` of them. */
const awaitCalls = async (page, count) => {
  await page.waitForFunction((wanted) => window.calls.length >= wanted, count);
  return calls(page);
};

let site;

const suite = useSuite(async () => {
  site = await createSite();
  suite.pages.page('/vendors', bannerPage({ siteId: site.id, head: VENDOR_STUBS }));
  suite.pages.page('/no-vendors', bannerPage({ siteId: site.id }));
});

test('accept all grants every vendor, and a returning visitor\'s choice reaches them at start-up', async () => {
  const { context, page } = await openWithBanner(suite, '/vendors');
  assert.deepEqual(await calls(page), [], 'nothing before a decision');
  await bannerButton(page, 'Accept all').click();
  assert.deepEqual(await awaitCalls(page, 5), decisionCalls(true, true));

  await page.reload();
  await settled(page);
  assert.deepEqual(await awaitCalls(page, 4), vendorCalls(true, true));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('reject all revokes every vendor', async () => {
  const { context, page } = await openWithBanner(suite, '/vendors');
  await bannerButton(page, 'Reject all').click();
  assert.deepEqual(await awaitCalls(page, 5), decisionCalls(false, false));
  await page.reload();
  await settled(page);
  assert.deepEqual(await awaitCalls(page, 4), vendorCalls(false, false));
  await context.close();
});

test('a custom choice of analytics only grants Clarity\'s analytics and revokes the advertising vendors', async () => {
  const { context, page } = await openWithBanner(suite, '/vendors');
  await bannerButton(page, 'Preferences').click();
  const prefs = dialog(page);
  await prefs.getByRole('switch', { name: 'Analytical' }).check();
  await prefs.getByRole('button', { name: 'Save my choices' }).click();
  assert.deepEqual(await awaitCalls(page, 5), decisionCalls(true, false));
  await context.close();
});

test('a withdrawal sends the revoke signals before the page reloads, and the next page view repeats them', async () => {
  const { context, page } = await openWithBanner(suite, '/vendors');
  await bannerButton(page, 'Accept all').click();
  await awaitCalls(page, 5);
  // Not awaited in the page: the withdrawal ends with a reload, which would end the evaluation.
  await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw()));
  await settled(page);
  assert.deepEqual(await page.evaluate(() => window.before), [...decisionCalls(true, true), ...decisionCalls(false, false)]);
  assert.deepEqual(await awaitCalls(page, 4), vendorCalls(false, false));
  await context.close();
});

test('withdrawing marketing alone revokes the advertising vendors and keeps Clarity\'s analytics', async () => {
  const { context, page } = await openWithBanner(suite, '/vendors');
  await bannerButton(page, 'Accept all').click();
  await awaitCalls(page, 5);
  await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw('marketing')));
  assert.deepEqual((await page.evaluate(() => window.before)).slice(5), decisionCalls(true, false));
  await context.close();
});

test('vendors that are not on the page get no globals from the banner', async () => {
  const { context, page } = await newPage(suite.browser);
  await page.goto(suite.pages.url('www.example.test', '/no-vendors'));
  await bannerShown(page);
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => akkoord.consent().decided);
  assert.deepEqual(await page.evaluate(() => ['uetq', 'fbq', 'ttq', 'clarity'].filter((name) => name in window)), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
