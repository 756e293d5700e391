// Reopening and withdrawal: every listed cookie goes, wherever it was set (host, parent domain, no
// Path, a sub-path), matching storage keys go, and withdrawn scripts do not run after the reload.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, cookieList, dialog, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { awaitRecords, createSite, declareCookies } from './support/platform.mjs';
import { useSuite, openWithBanner, ran, reloadAfter, settled } from './support/suite.mjs';

// What the site's owner declares (the banner config lists these, and withdrawal deletes what they name).
const COOKIES = {
  analytical: ['_ga', '_ga_*', '_gid'],
  marketing: ['_fbp', '_fbc'],
};

// Each script sets its cookies in every way a real tracker or backend might.
const ANALYTICAL = `
  document.cookie = '_ga=1; path=/';
  document.cookie = '_ga_AB12=1; domain=.example.test; path=/';
  document.cookie = '_gid=1';
  document.cookie = '_gid=2; domain=www.example.test; path=/';
  document.cookie = '_ga_SUB=1; path=/shop';
  localStorage.setItem('_ga_store', '1');
  sessionStorage.setItem('_gid', '1');`;
const MARKETING = `
  document.cookie = '_fbp=1; domain=.example.test; path=/';
  document.cookie = '_fbc=1; path=/shop/cart/';
  localStorage.setItem('_fbp', '1');`;
const FUNCTIONAL = `<script>document.cookie = 'JSESSIONID=abc; path=/'; document.cookie = 'theme=dark; path=/';</script>`;

let site;

const suite = useSuite(async () => {
  site = await createSite();
  await declareCookies(site.id, COOKIES);
  suite.pages.page(
    '/shop/cart/view',
    bannerPage({ siteId: site.id, body: FUNCTIONAL + taggedScript('analytical', 'analytical', ANALYTICAL) + taggedScript('marketing', 'marketing', MARKETING) })
  );
});


const storageKeys = (page) => page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage).map((key) => 'session:' + key)].sort());

test('withdrawal deletes cookies on every domain and path level, clears storage, and stops the scripts', async () => {
  const { context, page } = await newPage(suite.browser);
  await page.goto(suite.pages.url('www.example.test', '/shop/cart/view'));
  await bannerShown(page);
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 2);
  assert.deepEqual(await cookieList(context), [
    'JSESSIONID@www.example.test/',
    '_fbc@www.example.test/shop/cart/',
    '_fbp@.example.test/',
    '_ga@www.example.test/',
    '_ga_AB12@.example.test/',
    '_ga_SUB@www.example.test/shop',
    '_gid@.www.example.test/',
    '_gid@www.example.test/shop/cart',
    'akkoord_consent@.example.test/',
    'theme@www.example.test/',
  ]);
  assert.ok((await storageKeys(page)).includes('_fbp'));

  // Reopen from the page's own link, switch marketing off: its traces go, analytics stays.
  await page.getByRole('link', { name: 'Cookie settings' }).click();
  const prefs = dialog(page);
  await prefs.waitFor({ state: 'visible' });
  assert.equal(await prefs.getByRole('switch', { name: 'Analytical' }).isChecked(), true);
  await prefs.getByRole('switch', { name: 'Marketing' }).uncheck();
  await reloadAfter(page, () => prefs.getByRole('button', { name: 'Save my choices' }).click());
  await page.waitForFunction(() => (window.ran || []).length == 1);
  assert.deepEqual(await ran(page), ['analytical'], 'the marketing script no longer runs');
  const afterMarketing = await cookieList(context);
  assert.deepEqual(afterMarketing.filter((cookie) => cookie.startsWith('_fb')), []);
  assert.ok(afterMarketing.includes('_ga@www.example.test/'));
  assert.deepEqual((await storageKeys(page)).filter((key) => key.includes('_fbp')), []);

  // Withdraw everything through the API: all listed cookies and keys go, functional and unlisted ones stay.
  // Not awaited in the page: the withdrawal ends with a reload, which would end the evaluation.
  await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw()));
  await settled(page);
  assert.deepEqual(await ran(page), [], 'no withdrawn script runs after the reload');
  assert.deepEqual(await cookieList(context), ['JSESSIONID@www.example.test/', 'akkoord_consent@.example.test/', 'theme@www.example.test/']);
  assert.deepEqual(
    (await storageKeys(page)).filter((key) => !key.startsWith('akkoord_')),
    [],
    'no _ga/_gid/_fbp storage keys'
  );
  assert.equal(await page.locator('akkoord-banner .bar').count(), 0, 'a withdrawal is a decision: no new question');

  // The reload waits at most 3 s for a record to leave; a slower one goes out from the outbox after it.
  const consentId = await page.evaluate(() => akkoord.consent().consentId);
  const records = await awaitRecords(consentId, 3);
  assert.deepEqual(
    records.map((record) => [record.action, record.categories.analytical, record.categories.marketing]),
    [
      ['accept_all', true, true],
      ['custom', true, false],
      ['withdraw', false, false],
    ]
  );
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('withdrawing one category keeps the other, and reload can be switched off', async () => {
  const quiet = await createSite({ ui: { position: 'bottom', floatingButton: true, reloadOnWithdraw: false, colors: { background: '#ffffff', text: '#1b1b1b', accent: '#1d4ed8', accentText: '#ffffff' } } });
  await declareCookies(quiet.id, COOKIES);
  suite.pages.page('/shop/cart/quiet', bannerPage({ siteId: quiet.id, body: taggedScript('analytical', 'analytical', ANALYTICAL) + taggedScript('marketing', 'marketing', MARKETING) }));
  const { context, page } = await newPage(suite.browser);
  await page.goto(suite.pages.url('www.example.test', '/shop/cart/quiet'));
  await bannerShown(page);
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 2);
  // The withdrawal's promise settles only after it would have called location.reload(), which fires the
  // Navigation API's navigate event synchronously: no timing guess is needed to know that none happened.
  const { detail, reloaded } = await page.evaluate(async () => {
    let detail;
    let reloaded = false;
    navigation.addEventListener('navigate', () => (reloaded = true));
    akkoord.on('change', (changed) => (detail = changed));
    await akkoord.withdraw('analytical');
    return { detail, reloaded };
  });
  assert.equal(detail.action, 'withdraw');
  assert.equal(detail.analytical, false);
  assert.equal(detail.marketing, true);
  assert.deepEqual(detail.remaining, [], 'nothing the sweep could not reach');
  assert.equal(reloaded, false, 'no reload happened');
  assert.deepEqual(await ran(page), ['analytical', 'marketing'], 'no reload happened');
  const left = await cookieList(context);
  assert.deepEqual(left.filter((cookie) => /^_g/.test(cookie)), []);
  assert.ok(left.includes('_fbp@.example.test/'));
  await context.close();
});

test('the floating button reopens the preferences', async () => {
  const { context, page } = await openWithBanner(suite, '/shop/cart/view');
  await bannerButton(page, 'Reject all').click();
  const floating = page.locator('akkoord-banner .float');
  await floating.waitFor({ state: 'visible' });
  assert.equal(await floating.textContent(), 'Cookie settings');
  await floating.click();
  await dialog(page).waitFor({ state: 'visible' });
  await context.close();
});
