// One consent across a site's domains: shop.example.test and pay.checkout-example.test share no cookies, yet a
// decision made on one follows a link to the other without a second banner, and a withdrawal on one reaches the other.
// Only the consent id travels, and only to the site's own domains.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, cookieList, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { awaitRecords, createSite, declareCookies } from './support/platform.mjs';
import { consentIdOf, ran, reloadAfter, settled, useSuite } from './support/suite.mjs';

const SHOP = 'shop.example.test';
const CHECKOUT = 'pay.checkout-example.test';
const ELSEWHERE = 'www.elsewhere.test';
/** A consent id someone else put into a link. */
const PLANTED = '0123456789abcdef0123456789abcdef';

let site;

const suite = useSuite(async () => {
  const port = suite.pages.port;
  site = await createSite({ domains: [SHOP + ':' + port, CHECKOUT + ':' + port] });
  await declareCookies(site.id, { analytical: ['_ga'], marketing: ['_fbp'] });
  const scripts =
    taggedScript('analytical', 'analytical', `document.cookie = '_ga=1; path=/';`) +
    taggedScript('marketing', 'marketing', `document.cookie = '_fbp=1; path=/';`);
  const links = `
    <p><a id="to-checkout" href="http://${CHECKOUT}:${port}/checkout?step=1">Checkout</a></p>
    <p><a id="to-shop" href="http://${SHOP}:${port}/shop">Shop</a></p>
    <p><a id="planted" href="http://${CHECKOUT}:${port}/checkout?akkoord_consent=${PLANTED}">A link someone posted</a></p>
    <p><a id="elsewhere" href="http://${ELSEWHERE}:${port}/partner">Partner</a></p>
    <form id="search" action="http://${CHECKOUT}:${port}/checkout"><input name="q" value="shoes"><button id="search-go">Search</button></form>
    <form id="pay" method="post" action="http://${CHECKOUT}:${port}/checkout?step=2"><button id="pay-go">Pay</button></form>
    <form id="partner" method="post" action="http://${ELSEWHERE}:${port}/partner"><button id="partner-go">Partner</button></form>`;
  suite.pages.page('/shop', bannerPage({ siteId: site.id, body: scripts + links }));
  suite.pages.page('/checkout', bannerPage({ siteId: site.id, body: scripts + links }));
});

/** The URL a click on `selector` navigates to, answered by the test so no other host is ever reached. */
const followedUrl = async (page, selector, host) => {
  await page.route(`http://${host}:*/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>away</p>' }));
  const [request] = await Promise.all([page.waitForRequest((request) => new URL(request.url()).hostname == host), page.click(selector)]);
  await page.unroute(`http://${host}:*/**`);
  return new URL(request.url());
};

const hostOf = (record) => new URL(record.pageUrl).hostname;

test('a decision follows a link to the other domain, and a withdrawal there is applied on the first', async () => {
  const { context, page } = await newPage(suite.browser);
  const shopUrl = suite.pages.url(SHOP, '/shop');

  // Before a decision there is no id to carry.
  await page.goto(shopUrl);
  await bannerShown(page);
  assert.equal((await followedUrl(page, '#elsewhere', ELSEWHERE)).searchParams.has('akkoord_consent'), false);

  await page.goto(shopUrl);
  await bannerShown(page);
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 2);
  const consentId = await consentIdOf(page);

  // A host that is not one of the site's domains never gets the id, whatever was decided.
  const away = await followedUrl(page, '#elsewhere', ELSEWHERE);
  assert.equal(away.searchParams.has('akkoord_consent'), false, 'no id to a foreign host: ' + away);
  await page.goto(shopUrl);
  await settled(page);

  // To the checkout domain: no banner, the same consent id, the decision in force, and the id off the address bar.
  const requested = page.waitForRequest((request) => new URL(request.url()).hostname == CHECKOUT && request.resourceType() == 'document');
  await page.click('#to-checkout');
  const arrival = new URL((await requested).url());
  assert.equal(arrival.searchParams.get('akkoord_consent'), consentId);
  assert.equal(arrival.searchParams.get('step'), '1', 'the link keeps its own query');
  await page.waitForURL((url) => url.hostname == CHECKOUT);
  await settled(page);
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0, 'no second banner');
  const onCheckout = await page.evaluate(() => akkoord.consent());
  assert.equal(onCheckout.consentId, consentId);
  assert.equal(onCheckout.analytical, true);
  assert.equal(onCheckout.marketing, true);
  await page.waitForFunction(() => (window.ran || []).length == 2);
  assert.equal(new URL(page.url()).search, '?step=1', 'the consent id is taken off the address bar');
  assert.ok((await cookieList(context)).includes('akkoord_consent@.checkout-example.test/'), 'the checkout domain keeps the decision as its own');

  // One record per domain, linked by the consent id.
  let records = await awaitRecords(consentId, 2);
  assert.deepEqual(
    records.map((record) => [record.action, hostOf(record), record.categories.analytical, record.categories.marketing]),
    [
      ['accept_all', SHOP, true, true],
      ['cross_domain', CHECKOUT, true, true],
    ]
  );

  // Withdrawal on the checkout domain.
  await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw()));
  await settled(page);
  records = await awaitRecords(consentId, 3);
  assert.deepEqual(records.map((record) => [record.action, hostOf(record)])[2], ['withdraw', CHECKOUT]);

  // Back on the shop, typed in (no link, no id): the page asks the platform, finds the withdrawal, deletes the
  // withdrawn categories' cookies and reloads without their scripts. The browser's last check is forgotten first, so
  // the check is due whatever happened during the first visit.
  await context.addInitScript(() => localStorage.removeItem('akkoord_domains_checked'));
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(shopUrl);
  records = await awaitRecords(consentId, 4);
  assert.deepEqual(
    records.map((record) => [record.action, hostOf(record), record.categories.analytical, record.categories.marketing])[3],
    ['cross_domain', SHOP, false, false]
  );
  await page.waitForFunction(() => akkoord.consent().analytical === false && akkoord.consent().marketing === false);
  await new Promise((resolve) => (function wait() { loads >= 2 ? resolve() : setTimeout(wait, 50); })());
  await page.waitForLoadState('load');
  await settled(page);
  assert.deepEqual(await ran(page), [], 'no withdrawn script runs on the shop');
  const left = await cookieList(context);
  assert.deepEqual(left.filter((cookie) => /^_(ga|fbp)@/.test(cookie)), [], 'withdrawn cookies are gone on both domains: ' + left);
  assert.equal(await page.evaluate(() => akkoord.consent().consentId), consentId);
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0, 'a withdrawal is a decision: no new question');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a page that checked a moment ago does not ask again, and its own latest decision changes nothing', async () => {
  const { context, page } = await newPage(suite.browser);
  const asked = [];
  page.on('request', (request) => request.url().includes('/latest?') && asked.push(request.url()));
  await page.goto(suite.pages.url(SHOP, '/shop'));
  await bannerShown(page);
  await bannerButton(page, 'Reject all').click();
  const consentId = await consentIdOf(page);
  await awaitRecords(consentId, 1);
  await page.reload();
  await settled(page);
  await page.waitForFunction(() => localStorage.getItem('akkoord_domains_checked'));
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/latest?')));
  assert.equal(asked.length, 1);
  await page.reload();
  await settled(page);
  await page.waitForFunction(() => document.readyState == 'complete');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })));
  assert.equal(asked.length, 1, 'no second question within minutes');
  assert.equal((await awaitRecords(consentId, 1)).length, 1, 'nothing recorded');
  await context.close();
});

test('forms to the other domain carry the id, as a field of a GET form or in the address of a POST form; to another host not', async () => {
  const { context, page } = await newPage(suite.browser);
  const shopUrl = suite.pages.url(SHOP, '/shop');
  await page.goto(shopUrl);
  await bannerShown(page);
  await bannerButton(page, 'Reject all').click();
  const consentId = await consentIdOf(page);

  const search = await followedUrl(page, '#search-go', CHECKOUT);
  assert.equal(search.searchParams.get('q'), 'shoes');
  assert.equal(search.searchParams.get('akkoord_consent'), consentId);
  await page.goto(shopUrl);
  await settled(page);
  const pay = await followedUrl(page, '#pay-go', CHECKOUT);
  assert.equal(pay.searchParams.get('step'), '2');
  assert.equal(pay.searchParams.get('akkoord_consent'), consentId);
  await page.goto(shopUrl);
  await settled(page);
  const partner = await followedUrl(page, '#partner-go', ELSEWHERE);
  assert.equal(partner.searchParams.has('akkoord_consent'), false);
  await context.close();
});

test("someone else's consent id is never taken over: not from a link on another site, not from a link written into the site", async () => {
  // A real id of this site, as someone who decided on the shop could copy it into links.
  const other = await newPage(suite.browser);
  await other.page.goto(suite.pages.url(SHOP, '/shop'));
  await bannerShown(other.page);
  await bannerButton(other.page, 'Accept all').click();
  const theirs = await consentIdOf(other.page);
  await awaitRecords(theirs, 1);
  await other.context.close();

  // Typed in, or followed from a page that is not the site's: the banner asks as for any new visitor.
  const { context, page } = await newPage(suite.browser);
  await page.goto(suite.pages.url(CHECKOUT, '/checkout?step=1&akkoord_consent=' + theirs));
  await bannerShown(page);
  assert.equal(new URL(page.url()).search, '?step=1', 'the id is taken off the address bar all the same');
  assert.equal(await page.evaluate(() => akkoord.consent().decided), false);
  assert.deepEqual(await ran(page), []);

  // A link on the site that already carries an id leaves without it while this visitor has not decided.
  await page.goto(suite.pages.url(SHOP, '/shop'));
  await bannerShown(page);
  const planted = await followedUrl(page, '#planted', CHECKOUT);
  assert.equal(planted.searchParams.has('akkoord_consent'), false, String(planted));
  assert.equal((await awaitRecords(theirs, 1)).length, 1, 'nothing was recorded under their id');
  await context.close();
});
