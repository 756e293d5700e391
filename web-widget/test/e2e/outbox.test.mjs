// The outbox: a decision made while the platform is unreachable is kept and sent on the next page view.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bannerButton } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { consentHistory, createSite } from './support/platform.mjs';
import { useSuite, openWithBanner } from './support/suite.mjs';
import { startProxy } from './support/proxy.mjs';

let proxy;

const suite = useSuite(async () => {
  proxy = await startProxy();
});

after(async () => {
  await proxy.close();
});

const outbox = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('akkoord_outbox') || '[]'));

test('records made while the platform is unreachable are sent, in order, on the next page view', async () => {
  const site = await createSite();
  suite.pages.page('/outbox', bannerPage({ siteId: site.id, platform: proxy.url, body: taggedScript('analytical', 'analytical') }));
  const { context, page } = await openWithBanner(suite, '/outbox');

  proxy.consentsDown = true;
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 1);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('akkoord_outbox') || '[]').length == 1);
  await page.evaluate(() => akkoord.rejectAll());
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('akkoord_outbox') || '[]').length == 2);
  assert.ok(proxy.refused >= 2, 'the banner did try');
  assert.deepEqual((await outbox(page)).map((record) => record.action), ['accept_all', 'reject_all']);
  assert.equal(await page.evaluate(() => akkoord.consent().consentId), null, 'no id until the platform answers');

  // The platform is back: the next page view delivers both, oldest first, under one consent id.
  proxy.consentsDown = false;
  await page.reload();
  await page.waitForFunction(() => akkoord.consent().consentId && localStorage.getItem('akkoord_outbox') == '[]');
  const consentId = await page.evaluate(() => akkoord.consent().consentId);
  const { records } = await consentHistory(consentId);
  assert.deepEqual(records.map((record) => record.action), ['accept_all', 'reject_all']);
  assert.ok(records.every((record) => record.siteId == site.id));
  await context.close();
});
