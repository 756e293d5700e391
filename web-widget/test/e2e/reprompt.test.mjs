// Asking again: a new banner version that adds a category or a cookie name asks again; one that only changes
// texts or drops a cookie does not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { createSite, declareCookies, undeclareCookie, updateSite } from './support/platform.mjs';
import { useSuite, openWithBanner } from './support/suite.mjs';

const suite = useSuite();

/** A returning visitor: a fresh browser context (so no cached banner config) with the old cookies. */
const returning = async (context) => {
  const cookies = await context.cookies();
  await context.close();
  const next = await newPage(suite.browser);
  await next.context.addCookies(cookies);
  return next;
};

test('a version that adds a category asks again; one with new texts only does not', async () => {
  const site = await createSite({ categories: ['functional', 'analytical'] });
  suite.pages.page('/reprompt', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') }));
  let { context, page } = await openWithBanner(suite, '/reprompt');
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => akkoord.consent().consentId);

  const retitled = await updateSite(site.id, { texts: { en: { title: 'Cookies, explained' } } });
  assert.notEqual(retitled.bannerVersion, site.bannerVersion, 'new texts make a new version');
  ({ context, page } = await returning(context));
  await page.goto(suite.pages.url('www.example.test', '/reprompt'));
  await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0, 'no new question for new wording');
  assert.deepEqual(await page.evaluate(() => window.ran), ['analytical']);

  await updateSite(site.id, { categories: ['functional', 'analytical', 'marketing'] });
  ({ context, page } = await returning(context));
  await page.goto(suite.pages.url('www.example.test', '/reprompt'));
  await bannerShown(page);
  assert.equal(await page.locator('akkoord-banner h2').first().textContent(), 'Cookies, explained');
  // The earlier grant holds until the visitor answers again.
  assert.deepEqual(await page.evaluate(() => window.ran), ['analytical']);
  await bannerButton(page, 'Reject all').click();
  await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });
  await context.close();
});

test('a version that only adds a cookie name asks again; one that only drops a cookie does not', async () => {
  const site = await createSite({ categories: ['functional', 'analytical'] });
  await declareCookies(site.id, { analytical: ['_ga'] });
  suite.pages.page('/names', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') }));
  let { context, page } = await openWithBanner(suite, '/names');
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => akkoord.consent().consentId);

  // The owner declares one more analytical cookie: same categories, one name more.
  await declareCookies(site.id, { analytical: ['_gid'] });
  ({ context, page } = await returning(context));
  await page.goto(suite.pages.url('www.example.test', '/names'));
  await bannerShown(page);
  assert.deepEqual(await page.evaluate(() => window.ran), ['analytical'], 'the earlier grant holds until the visitor answers');
  await bannerButton(page, 'Preferences').click();
  assert.equal(await dialog(page).getByRole('cell', { name: '_gid', exact: true }).count(), 1, 'the new cookie is listed');
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });

  await undeclareCookie(site.id, '_gid');
  ({ context, page } = await returning(context));
  await page.goto(suite.pages.url('www.example.test', '/names'));
  await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0, 'a cookie less is no reason to ask');
  assert.deepEqual(await page.evaluate(() => window.ran), ['analytical']);
  await context.close();
});

test('an expired decision asks again', async () => {
  const site = await createSite({ consentLifetimeDays: 30 });
  suite.pages.page('/expiry', bannerPage({ siteId: site.id }));
  let { context, page } = await openWithBanner(suite, '/expiry');
  await bannerButton(page, 'Reject all').click();
  // The platform's answer rewrites the cookie with the consent id: edit it only after that.
  await page.waitForFunction(() => akkoord.consent().consentId);
  const stored = (await context.cookies()).find((cookie) => cookie.name == 'akkoord_consent');
  assert.ok(Math.abs(stored.expires - (Date.now() / 1000 + 30 * 86400)) < 120, 'the cookie lives for the site lifetime');
  // The same cookie, its decision time moved 31 days back: the visitor must be asked again.
  const parts = stored.value.split(':');
  parts[3] = (Math.round(Date.now() / 1000) - 31 * 86400).toString(36);
  await context.addCookies([{ ...stored, value: parts.join(':') }]);
  ({ context, page } = await returning(context));
  await page.goto(suite.pages.url('www.example.test', '/expiry'));
  await bannerShown(page);
  await context.close();
});
