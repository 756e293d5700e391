// The contract for browser consent tools ("For consent tools" in the README): detect the banner by its marker, reject
// through window.akkoord or the marked button, and check that the decision holds and was recorded.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerShown, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { createSite } from './support/platform.mjs';
import { consentPosts, ran, recordsOf, settled, useSuite } from './support/suite.mjs';

let site;

const suite = useSuite(async () => {
  site = await createSite();
  suite.pages.page('/tools', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') + taggedScript('marketing', 'marketing') }));
});

/** What a consent tool finds on the page, by the marker and the layer and action names only. */
const detect = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-akkoord-banner]');
    const root = host && host.shadowRoot;
    const layer = root && root.querySelector('[data-akkoord-layer="banner"]');
    return {
      api: typeof (window.akkoord && window.akkoord.rejectAll),
      version: host && host.getAttribute('data-akkoord-banner'),
      asking: !!layer && !layer.hidden && layer.checkVisibility(),
      actions: layer ? [...layer.querySelectorAll('[data-akkoord-action]')].map((button) => [button.getAttribute('data-akkoord-action'), button.textContent]) : [],
    };
  });

/** What a tool checks after rejecting. */
const rejected = (page) =>
  page.evaluate(() => {
    const { decided, functional, analytical, marketing } = akkoord.consent();
    return { decided, functional, analytical, marketing };
  });

const REJECTED = { decided: true, functional: true, analytical: false, marketing: false };

test('a tool detects the banner by its marker, rejects through window.akkoord, and the decision is recorded', async () => {
  const { context, page } = await newPage(suite.browser);
  await page.goto(suite.pages.url('www.example.test', '/tools'));
  await bannerShown(page);
  assert.deepEqual(await detect(page), {
    api: 'function',
    version: '1',
    asking: true,
    actions: [
      ['accept-all', 'Accept all'],
      ['reject-all', 'Reject all'],
      ['preferences', 'Preferences'],
    ],
  });

  const events = await page.evaluate(async () => {
    const seen = [];
    window.addEventListener('akkoord:consent', (event) => seen.push(event.detail.action));
    await akkoord.rejectAll();
    return seen;
  });
  assert.deepEqual(events, ['reject_all']);
  assert.deepEqual(await rejected(page), REJECTED);
  assert.equal((await detect(page)).asking, false, 'the first layer is hidden');
  const [record] = await recordsOf(page);
  assert.equal(record.action, 'reject_all');
  assert.deepEqual([record.categories.analytical, record.categories.marketing], [false, false]);

  // The next page view does not ask again, and nothing optional ran.
  await page.reload();
  await settled(page);
  assert.equal((await detect(page)).asking, false);
  assert.deepEqual(await rejected(page), REJECTED);
  assert.deepEqual(await ran(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a tool that clicks rejects by the marked button, in the first layer or in the preferences', async () => {
  for (const where of ['banner', 'preferences']) {
    const { context, page } = await newPage(suite.browser);
    const posts = consentPosts(page);
    await page.goto(suite.pages.url('www.example.test', '/tools'));
    await bannerShown(page);
    const banner = page.locator('[data-akkoord-banner] [data-akkoord-layer="banner"]');
    if (where == 'preferences') {
      await banner.locator('[data-akkoord-action="preferences"]').click();
      const dialog = page.locator('[data-akkoord-banner] [data-akkoord-layer="preferences"]');
      assert.deepEqual(
        await dialog.locator('[data-akkoord-action]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-akkoord-action'))),
        ['close', 'save', 'accept-all', 'reject-all']
      );
      await dialog.locator('[data-akkoord-action="reject-all"]').click();
    } else {
      await banner.locator('[data-akkoord-action="reject-all"]').click();
    }
    await page.waitForFunction(() => akkoord.consent().decided);
    assert.deepEqual(await rejected(page), REJECTED, where);
    const [record] = await recordsOf(page);
    assert.equal(record.action, 'reject_all', where);
    assert.deepEqual(posts, ['reject_all'], where);
    await context.close();
  }
});
