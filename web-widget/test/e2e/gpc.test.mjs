// Global Privacy Control: marketing starts denied, a `gpc` record is posted once, and the banner says so.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { awaitRecords, bannerConfig, consentHistory, createSite } from './support/platform.mjs';
import { useSuite, consentIdOf, consentPosts } from './support/suite.mjs';

let site;

const suite = useSuite(async () => {
  site = await createSite();
  suite.pages.page('/gpc', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') + taggedScript('marketing', 'marketing') }));
});


/** Chromium does not send GPC; this gives the page what a GPC browser exposes. */
const gpcPage = async () => {
  const opened = await newPage(suite.browser);
  await opened.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  return opened;
};

test('with GPC a gpc record is posted once, the notice shown, and accept all leaves marketing off', async () => {
  const { gpcNotice } = (await bannerConfig(site.id)).texts;
  const { context, page } = await gpcPage();
  await page.goto(suite.pages.url('www.example.test', '/gpc'));
  await bannerShown(page);
  assert.equal(await page.locator('akkoord-banner .bar .gpc').textContent(), gpcNotice);

  const consentId = await consentIdOf(page);
  let { records } = await consentHistory(consentId);
  assert.deepEqual(records.map((record) => [record.action, record.gpc, record.categories.analytical, record.categories.marketing]), [['gpc', true, false, false]]);

  // A second page view does not record the signal again; the visitor is still asked.
  await page.reload();
  await bannerShown(page);
  await bannerButton(page, 'Preferences').click();
  assert.equal(await dialog(page).getByRole('switch', { name: 'Marketing' }).isChecked(), false);
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await page.waitForFunction(() => (window.ran || []).length == 1);
  assert.deepEqual(await page.evaluate(() => window.ran), ['analytical']);

  // The choice is stored after the click: wait until the platform holds a second record.
  records = await awaitRecords(consentId, 2);
  assert.deepEqual(
    records.map((record) => [record.action, record.gpc, record.categories.analytical, record.categories.marketing]),
    [
      ['gpc', true, false, false],
      ['accept_all', true, true, false],
    ]
  );
  const update = await page.evaluate(() => [...window.dataLayer.find((entry) => entry[1] == 'update')]);
  assert.equal(update[2].ad_storage, 'denied');
  await context.close();
});

test('with GPC the visitor can still switch marketing on explicitly', async () => {
  const { context, page } = await gpcPage();
  await page.goto(suite.pages.url('www.example.test', '/gpc'));
  await bannerShown(page);
  await bannerButton(page, 'Preferences').click();
  await dialog(page).getByRole('switch', { name: 'Marketing' }).check();
  await dialog(page).getByRole('button', { name: 'Save my choices' }).click();
  await page.waitForFunction(() => (window.ran || []).length == 1);
  assert.deepEqual(await page.evaluate(() => window.ran), ['marketing']);
  await context.close();
});

test('without GPC no notice is shown and no gpc record is made', async () => {
  const { context, page } = await newPage(suite.browser);
  const posts = consentPosts(page);
  await page.goto(suite.pages.url('www.example.test', '/gpc'));
  await bannerShown(page);
  assert.equal(await page.locator('akkoord-banner .gpc').count(), 0);
  // A gpc record is sent as soon as the config arrives, before the banner is shown: by now it would have gone.
  assert.deepEqual(posts, []);
  assert.equal(await page.evaluate(() => akkoord.consent().consentId), null);
  await context.close();
});
