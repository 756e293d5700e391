// Accept all, reject all and a custom choice: what runs, what is stored, what is recorded, what
// Google Consent Mode hears.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { createSite } from './support/platform.mjs';
import { useSuite, openWithBanner, ran, consentIdOf, recordsOf } from './support/suite.mjs';

let site;

const suite = useSuite(async () => {
  site = await createSite();
  const body =
    // An untagged page script sees the Consent Mode default already in the dataLayer.
    `<script>window.dataLayerAtParse = (window.dataLayer || []).map((entry) => [...entry]);</script>` +
    taggedScript('analytical', 'analytical-1') +
    taggedScript('marketing', 'marketing-1') +
    taggedScript('analytical', 'analytical-2');
  suite.pages.page('/shop', bannerPage({ siteId: site.id, body }));
});


const dataLayer = (page) => page.evaluate(() => (window.dataLayer || []).map((entry) => [...entry]));

test('before any choice nothing tagged runs and Consent Mode defaults to denied', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  assert.deepEqual(await ran(page), []);
  const [first] = await page.evaluate(() => window.dataLayerAtParse);
  assert.deepEqual(first, [
    'consent',
    'default',
    {
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      personalization_storage: 'denied',
      functionality_storage: 'granted',
      security_storage: 'granted',
      wait_for_update: 500,
    },
  ]);
  assert.equal((await context.cookies()).filter((cookie) => cookie.name == 'akkoord_consent').length, 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the three first-layer choices are equal in size and style, and the layer is not modal', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  const bar = page.locator('akkoord-banner .bar');
  assert.equal(await bar.getAttribute('role'), 'region');
  assert.equal(await bar.getAttribute('aria-modal'), null);
  const looks = [];
  for (const name of ['Accept all', 'Reject all', 'Preferences']) {
    const button = bannerButton(page, name);
    const box = await button.boundingBox();
    const style = await button.evaluate((element) => {
      const css = getComputedStyle(element);
      return [css.backgroundColor, css.color, css.fontSize, css.fontWeight, css.borderRadius, css.padding].join('|');
    });
    looks.push({ width: Math.round(box.width), height: Math.round(box.height), style });
  }
  assert.equal(new Set(looks.map((look) => JSON.stringify(look))).size, 1, JSON.stringify(looks));
  await context.close();
});

test('the first layer works in the first frame it is drawn in', async () => {
  const { context, page } = await newPage(suite.browser);
  // In the animation frame in which the first layer is first visible, before that frame is painted: press Reject all.
  await context.addInitScript(() => {
    const watch = () => {
      const bar = document.querySelector('akkoord-banner')?.shadowRoot?.querySelector('.bar');
      if (!bar || bar.hidden) return requestAnimationFrame(watch);
      const reject = [...bar.querySelectorAll('button')].find((button) => button.textContent == 'Reject all');
      window.pressedInFirstFrame = !!reject;
      reject?.click();
    };
    requestAnimationFrame(watch);
  });
  await page.goto(suite.pages.url('www.example.test', '/shop'));
  await page.waitForFunction(() => window.pressedInFirstFrame === true);
  const [record] = await recordsOf(page);
  assert.equal(record.action, 'reject_all');
  assert.equal(await page.locator('akkoord-banner .bar').isVisible(), false, 'the press closed the first layer');
  await context.close();
});

test('accept all runs tagged scripts in document order, stores and records the choice', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 3);
  assert.deepEqual(await ran(page), ['analytical-1', 'marketing-1', 'analytical-2']);
  await assert.rejects(page.locator('akkoord-banner .bar').waitFor({ state: 'visible', timeout: 300 }));

  const stored = (await context.cookies()).find((cookie) => cookie.name == 'akkoord_consent');
  assert.equal(stored.domain, '.example.test', 'on the registrable domain');
  assert.equal(stored.sameSite, 'Lax');
  assert.ok(stored.expires * 1000 > Date.now() + 181 * 864e5, 'for the consent lifetime');

  const [record] = await recordsOf(page);
  assert.equal(record.action, 'accept_all');
  assert.deepEqual(record.categories, { functional: true, analytical: true, marketing: true });
  assert.equal(record.siteId, site.id);
  assert.equal(record.gpc, false);

  const update = (await dataLayer(page)).find((entry) => entry[1] == 'update');
  assert.deepEqual(update, ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }]);

  // The next page view runs them at once, shows no banner but the floating button.
  await page.reload();
  await page.waitForFunction(() => (window.ran || []).length == 3);
  await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0);
  const dataLayerAfterReload = await page.evaluate(() => window.dataLayerAtParse);
  assert.equal(dataLayerAfterReload[1][1], 'update', 'the stored choice is signalled before page scripts run');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('reject all runs nothing, records the rejection, and holds on every subdomain', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  await bannerButton(page, 'Reject all').click();
  const [record] = await recordsOf(page);
  assert.equal(record.action, 'reject_all');
  assert.deepEqual(record.categories, { functional: true, analytical: false, marketing: false });
  assert.deepEqual(await ran(page), []);
  const update = (await dataLayer(page)).find((entry) => entry[1] == 'update');
  assert.deepEqual(update[2], { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });

  const shop = await context.newPage();
  await shop.goto(suite.pages.url('shop.example.test', '/shop'));
  await shop.locator('akkoord-banner .float').waitFor({ state: 'visible' });
  assert.equal(await shop.locator('akkoord-banner .bar').count(), 0, 'no second question on a sibling subdomain');
  assert.deepEqual(await shop.evaluate(() => window.ran || []), []);
  await context.close();
});

test('a custom choice grants only the switched-on category; functional is locked on', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  await bannerButton(page, 'Preferences').click();
  const prefs = dialog(page);
  await prefs.waitFor({ state: 'visible' });
  assert.equal(await prefs.getAttribute('aria-modal'), 'true');
  const functional = prefs.getByRole('switch', { name: 'Functional' });
  assert.equal(await functional.isChecked(), true);
  assert.equal(await functional.isDisabled(), true);
  const analytical = prefs.getByRole('switch', { name: 'Analytical' });
  const marketing = prefs.getByRole('switch', { name: 'Marketing' });
  assert.equal(await analytical.isChecked(), false, 'nothing pre-ticked');
  assert.equal(await marketing.isChecked(), false, 'nothing pre-ticked');
  await analytical.check();
  await prefs.getByRole('button', { name: 'Save my choices' }).click();
  await page.waitForFunction(() => (window.ran || []).length == 2);
  assert.deepEqual(await ran(page), ['analytical-1', 'analytical-2']);
  const [record] = await recordsOf(page);
  assert.equal(record.action, 'custom');
  assert.deepEqual(record.categories, { functional: true, analytical: true, marketing: false });
  const update = (await dataLayer(page)).find((entry) => entry[1] == 'update');
  assert.deepEqual(update[2], { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
  const id = await consentIdOf(page);
  assert.deepEqual(await page.evaluate(() => akkoord.consent()), {
    consentId: id,
    decided: true,
    gpc: false,
    functional: true,
    analytical: true,
    marketing: false,
  });
  await context.close();
});

test('the API and DOM events report decisions', async () => {
  const { context, page } = await openWithBanner(suite, '/shop');
  await page.evaluate(() => {
    window.seen = [];
    akkoord.on('consent', (detail) => window.seen.push(['on:consent', detail.action, detail.analytical]));
    window.addEventListener('akkoord:change', (event) => window.seen.push(['dom:change', event.detail.action, event.detail.marketing]));
  });
  await page.evaluate(() => akkoord.rejectAll());
  await page.evaluate(() => akkoord.acceptAll());
  await page.waitForFunction(() => window.seen.length == 3);
  assert.deepEqual(await page.evaluate(() => window.seen), [
    ['on:consent', 'reject_all', false],
    ['on:consent', 'accept_all', true],
    ['dom:change', 'accept_all', true],
  ]);
  await page.evaluate(() => akkoord.show());
  await bannerShown(page);
  await page.evaluate(() => akkoord.hide());
  await page.locator('akkoord-banner .bar').waitFor({ state: 'hidden' });
  await context.close();
});
