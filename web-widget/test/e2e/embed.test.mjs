// The per-site script (/akkoord/site/<id>.js): the banner with its site's config inside, one request instead of two.
// And the shared script (/akkoord.js), which brings the same along for a page whose host a site claims most narrowly.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { bannerConfig, createSite, PLATFORM } from './support/platform.mjs';
import { ran, recordsOf, useSuite } from './support/suite.mjs';

const suite = useSuite();

const siteScriptTag = (siteId) => `<script src="${PLATFORM}/akkoord/site/${siteId}.js" async></script>`;

/** Opens `path` and collects the requests the page sends to the platform until the banner shows. */
const openCountingRequests = async (path, host = 'www.example.test') => {
  const opened = await newPage(suite.browser);
  const requests = [];
  opened.page.on('request', (request) => request.url().startsWith(PLATFORM) && requests.push(request.url()));
  await opened.page.goto(suite.pages.url(host, path));
  await bannerShown(opened.page);
  return { ...opened, requests: [...requests] };
};

test('loaded async, the per-site script needs no second request, and the banner works as with the shared one', async () => {
  const site = await createSite({ categories: ['functional', 'analytical'] });
  suite.pages.page('/site-script', bannerPage({ tag: siteScriptTag(site.id), body: taggedScript('analytical', 'analytical') }));
  const { context, page, requests } = await openCountingRequests('/site-script');
  assert.deepEqual(requests, [`${PLATFORM}/akkoord/site/${site.id}.js`]);
  assert.deepEqual(await ran(page), [], 'nothing tagged runs before a choice');

  await bannerButton(page, 'Accept all').click();
  const [record] = await recordsOf(page);
  assert.equal(record.siteId, site.id);
  assert.equal(record.bannerVersion, site.bannerVersion);
  assert.equal(record.action, 'accept_all');
  assert.deepEqual(await ran(page), ['analytical']);
  await context.close();
});

test("a page in another of the site's languages fetches the config in its own", async () => {
  const site = await createSite({ languages: ['en', 'nl'] });
  suite.pages.page('/site-script-nl', bannerPage({ tag: siteScriptTag(site.id), lang: 'nl' }));
  const { context, page, requests } = await openCountingRequests('/site-script-nl');
  assert.equal(requests.length, 2, requests.join(', '));
  assert.match(requests[1], /\/banner\?lang=nl$/);
  const dutch = await bannerConfig(site.id, 'nl');
  assert.equal(await page.locator('akkoord-banner h2').first().textContent(), dutch.texts.title);
  await context.close();
});

test('the shared tag on a host that one site claims most narrowly needs no second request either', async () => {
  // Every other test's site claims *.example.test alike, and the demo site 127.0.0.1 on any port: this site's
  // claim on the test server's address and port is the narrowest.
  const host = '127.0.0.1';
  const site = await createSite({ domains: [`${host}:${suite.pages.port}`], categories: ['functional', 'analytical'] });
  suite.pages.page('/shared-claimed', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') }));
  const { context, page, requests } = await openCountingRequests('/shared-claimed', host);
  assert.deepEqual(requests, [`${PLATFORM}/akkoord.js`]);

  await bannerButton(page, 'Accept all').click();
  const [record] = await recordsOf(page);
  assert.equal(record.siteId, site.id);
  assert.equal(record.bannerVersion, site.bannerVersion);
  assert.deepEqual(await ran(page), ['analytical']);
  await context.close();
});

test('with its config carried, the banner reaches a frame before the page first touches localStorage', async () => {
  const site = await createSite();
  suite.pages.page('/storage-after-frame', bannerPage({ tag: siteScriptTag(site.id) }));
  const { context, page } = await newPage(suite.browser);
  // Notes each storage call, and whether a frame with the banner's first layer had been prepared before it.
  await context.addInitScript(() => {
    window.storageCalls = [];
    let bannerFramed = false;
    const watch = () => {
      const bar = document.querySelector('akkoord-banner')?.shadowRoot?.querySelector('.bar');
      if (bar && !bar.hidden) bannerFramed = true;
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    for (const name of ['getItem', 'setItem', 'removeItem', 'key']) {
      const original = Storage.prototype[name];
      Storage.prototype[name] = function (...args) {
        window.storageCalls.push(`${name} ${bannerFramed ? 'after' : 'before'} the banner's frame`);
        return original.apply(this, args);
      };
    }
  });
  await page.goto(suite.pages.url('www.example.test', '/storage-after-frame'));
  await bannerShown(page);
  // The banner keeps the tracker hosts for the next page view once it is on screen.
  await page.waitForFunction(() => window.storageCalls.some((call) => call.startsWith('setItem')));
  const calls = await page.evaluate(() => window.storageCalls);
  assert.deepEqual(calls.filter((call) => call.includes('before')), [], calls.join(', '));
  await context.close();
});
