// The demo shop the platform serves at /demo: its tagged samples wait for consent, and withdrawing deletes the
// cookies they set (demo_stats, demo_ads), which the demo site declares like any site owner.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, newPage } from './support/browser.mjs';
import { awaitRecords, PLATFORM } from './support/platform.mjs';
import { consentIdOf, reloadAfter, settled, useSuite } from './support/suite.mjs';

const suite = useSuite();

const demoCookies = async (context) =>
  (await context.cookies()).map((cookie) => cookie.name).filter((name) => name.startsWith('demo_')).sort();

test('on /demo accepting runs both samples, and withdrawing deletes their cookies and records it', async () => {
  const { context, page } = await newPage(suite.browser);
  await page.goto(PLATFORM + '/demo');
  await bannerShown(page);
  assert.deepEqual(await page.evaluate(() => [window.demoStatsRan, window.demoAdsRan]), [undefined, undefined]);

  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => window.demoStatsRan && window.demoAdsRan);
  assert.deepEqual(await demoCookies(context), ['demo_ads', 'demo_stats']);
  const consentId = await consentIdOf(page);

  await reloadAfter(page, () => page.getByRole('button', { name: 'Withdraw all consent' }).click());
  await settled(page);
  assert.deepEqual(await demoCookies(context), [], 'both sample cookies are gone');
  assert.deepEqual(await page.evaluate(() => [window.demoStatsRan, window.demoAdsRan]), [undefined, undefined]);
  assert.equal(await page.locator('#stats-status').textContent(), 'waiting for consent');

  const records = await awaitRecords(consentId, 2);
  assert.deepEqual(records.map((record) => [record.action, record.categories.analytical, record.categories.marketing]), [
    ['accept_all', true, true],
    ['withdraw', false, false],
  ]);
  assert.deepEqual(page.errors, []);
  await context.close();
});
