// The blocking Consent Mode stub (/akkoord-defaults.js) with the banner loaded async after it: the form for a page
// whose own gtag call must find the Consent Mode defaults already set.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, newPage } from './support/browser.mjs';
import { bannerPage } from './support/pages.mjs';
import { createSite, PLATFORM } from './support/platform.mjs';
import { recordsOf, useSuite } from './support/suite.mjs';

const suite = useSuite();

// What the page's own Google tag found in the dataLayer when it ran: the inline snippet and an external script each
// take a copy (gtag.js reads Arguments objects; the copies are plain arrays).
const snapshot = (name) =>
  `(window.seen = window.seen || {})[${JSON.stringify(name)}] = (window.dataLayer || []).map((entry) => Array.from(entry));`;
const gtagSnippet = `<script>window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); }
${snapshot('inline')} gtag('js', new Date()); gtag('config', 'G-TEST');</script>`;

const consentCalls = (entries) => entries.filter((entry) => entry[0] == 'consent').map((entry) => [entry[1], entry[2]]);

test('the stub sets the defaults before the page\'s own gtag runs, and the async banner then shows and records consent', async () => {
  const site = await createSite({ categories: ['functional', 'analytical', 'marketing'] });
  suite.pages.script('/gtag.js', snapshot('external'));
  const tag = `<script src="${PLATFORM}/akkoord-defaults.js"></script>
<script src="${PLATFORM}/akkoord/site/${site.id}.js" async></script>`;
  suite.pages.page('/stub', bannerPage({ tag, head: gtagSnippet + `<script src="/gtag.js"></script>` }));
  const { context, page } = await newPage(suite.browser);
  // The banner arrives only well after the page's scripts have run: whatever they find is the stub's doing.
  await page.route(`${PLATFORM}/akkoord/site/**`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  // DOMContentLoaded does not wait for an async script (the load event would).
  await page.goto(suite.pages.url('www.example.test', '/stub'), { waitUntil: 'domcontentloaded' });
  const first = await page.evaluate(() => ({ seen: window.seen, bannerLoaded: !!window.akkoord }));
  const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', personalization_storage: 'denied' };
  for (const name of ['inline', 'external']) {
    const calls = consentCalls(first.seen[name]);
    assert.equal(calls.length, 1, `${name}: ${JSON.stringify(calls)}`);
    assert.equal(calls[0][0], 'default');
    assert.deepEqual({ ...calls[0][1], functionality_storage: undefined, security_storage: undefined, wait_for_update: undefined }, { ...denied, functionality_storage: undefined, security_storage: undefined, wait_for_update: undefined });
    assert.equal(calls[0][1].functionality_storage, 'granted');
    assert.equal(calls[0][1].security_storage, 'granted');
  }

  await bannerShown(page);
  await bannerButton(page, 'Accept all').click();
  const [record] = await recordsOf(page);
  assert.equal(record.siteId, site.id);
  assert.equal(record.action, 'accept_all');
  const afterChoice = consentCalls(await page.evaluate(() => window.dataLayer.map((entry) => Array.from(entry))));
  assert.deepEqual(afterChoice.map((call) => call[0]), ['default', 'update'], 'the banner sends no second default after the stub');
  assert.equal(afterChoice[1][1].analytics_storage, 'granted');
  assert.equal(afterChoice[1][1].ad_storage, 'granted');

  // The returning visitor's tags see the stored choice at once, still before the banner has loaded.
  await page.reload({ waitUntil: 'domcontentloaded' });
  const again = await page.evaluate(() => window.seen);
  for (const name of ['inline', 'external']) {
    const calls = consentCalls(again[name]);
    assert.deepEqual(calls.map((call) => call[0]), ['default', 'update'], name);
    assert.equal(calls[1][1].analytics_storage, 'granted', name);
    assert.equal(calls[1][1].ad_user_data, 'granted', name);
  }
  assert.equal(first.bannerLoaded, false, 'the banner was still loading when the page\'s tags ran');
  await context.close();
});
