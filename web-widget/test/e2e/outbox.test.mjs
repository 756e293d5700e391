// The outbox: a decision made while the platform is unreachable is kept and sent on a later page view, whether the
// platform refuses the records (a proxy resets those connections) or is stopped altogether.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bannerButton } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { consentHistory, createSite } from './support/platform.mjs';
import { useSuite, openWithBanner, failedConsentPosts, ran, reloadAfter } from './support/suite.mjs';
import { startProxy } from './support/proxy.mjs';
import { startStoppablePlatform } from './support/stoppable.mjs';

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

  // Each decision is tried at once; the platform refuses every try (the page sees a network error).
  proxy.consentsDown = true;
  const failures = failedConsentPosts(page);
  await bannerButton(page, 'Accept all').click();
  await failures.reached(1);
  await page.waitForFunction(() => (window.ran || []).length == 1);
  assert.deepEqual((await outbox(page)).map((record) => record.action), ['accept_all']);
  // Rejecting revokes what was granted, so the banner reloads the page once its try has failed; the new
  // page view tries again. Only after that third try has ended may the platform come back, or that try
  // could deliver a record the page never hears of and then send it twice.
  const reloaded = page.waitForEvent('framenavigated');
  await page.evaluate(() => void akkoord.rejectAll());
  await failures.reached(2);
  await reloaded;
  await failures.reached(3);
  assert.ok(proxy.refused >= 3, 'the banner did try, each time');
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

test('records made while the platform is stopped wait in the outbox and reach it once it is started again', async () => {
  const platform = await startStoppablePlatform();
  try {
    const site = await createSite({ categories: ['functional', 'analytical'] }, platform.call);
    suite.pages.page('/outbox-stopped', bannerPage({ siteId: site.id, platform: platform.url, body: taggedScript('analytical', 'analytical') }));
    const { context, page } = await openWithBanner(suite, '/outbox-stopped');

    await platform.stop();
    const failures = failedConsentPosts(page);
    await bannerButton(page, 'Accept all').click();
    await failures.reached(1);
    assert.deepEqual(await ran(page), ['analytical'], 'the choice holds on the page while the platform is down');
    // Withdrawing reloads the page once its try has failed. The new page view has the banner, config inside, from
    // the browser's cache: it holds the withdrawal and tries the outbox again. Only after that third try has ended
    // may the platform come back, or that try could deliver a record the page never hears of.
    await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw('analytical')));
    await failures.reached(3);
    assert.equal(await page.evaluate(() => akkoord.consent().analytical), false);
    assert.deepEqual(await ran(page), [], 'the withdrawn category stays blocked while the platform is down');
    assert.deepEqual((await outbox(page)).map((record) => record.action), ['accept_all', 'withdraw']);

    // Started again: the next page view delivers both, oldest first, under one consent id, and honours the withdrawal.
    await platform.start();
    await page.reload();
    await page.waitForFunction(() => akkoord.consent().consentId && localStorage.getItem('akkoord_outbox') == '[]');
    const consentId = await page.evaluate(() => akkoord.consent().consentId);
    const { records } = await consentHistory(consentId, platform.url);
    assert.deepEqual(records.map((record) => record.action), ['accept_all', 'withdraw']);
    assert.deepEqual(records.map((record) => record.categories.analytical), [true, false]);
    assert.deepEqual(await ran(page), []);
    await context.close();
  } finally {
    await platform.close();
  }
});
