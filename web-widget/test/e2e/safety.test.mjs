// Site texts are shown as text, never run as HTML; the banner works under a strict nonce-based CSP;
// scripts other scripts add are blocked by tracker host until their category is granted.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { createSite, declareTrackerHosts, PLATFORM } from './support/platform.mjs';
import { useSuite } from './support/suite.mjs';

const NONCE = 'r4nd0mN0nce';
const HOSTILE = {
  title: '<img src=x onerror="window.xss=1">',
  description: '<script>window.xss=2</script>& &amp;',
  acceptAll: '<b onmouseover="window.xss=3">Yes</b>',
  categories: { analytical: { title: '<svg onload="window.xss=4">', description: '"><iframe src="javascript:window.xss=5">' } },
};

const suite = useSuite();

test('texts with markup are shown literally and nothing in them runs', async () => {
  const site = await createSite({ texts: { en: HOSTILE } });
  suite.pages.page('/xss', bannerPage({ siteId: site.id }));
  const { context, page } = await newPage(suite.browser);
  // A javascript: privacy URL must not become a link, whatever the platform lets through.
  await page.route(PLATFORM + '/api/v1/sites/*/banner*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), privacyPolicyUrl: 'javascript:window.xss=6' } });
  });
  await page.goto(suite.pages.url('www.example.test', '/xss'));
  await bannerShown(page);
  const bar = page.locator('akkoord-banner .bar');
  assert.equal(await bar.locator('h2').textContent(), HOSTILE.title);
  assert.ok((await bar.locator('p').first().textContent()).startsWith(HOSTILE.description));
  await bar.getByRole('button', { name: HOSTILE.acceptAll }).hover();
  await bannerButton(page, 'Preferences').click();
  await dialog(page).getByText(HOSTILE.categories.analytical.title).waitFor();
  assert.equal(await dialog(page).getByText(HOSTILE.categories.analytical.description).count(), 1);
  const injected = await page.evaluate(() => document.querySelector('akkoord-banner').shadowRoot.querySelectorAll('img,script,svg,iframe,b,a').length);
  assert.equal(injected, 0, 'no element came from the texts, and no javascript: link');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.xss), undefined);
  await page.unrouteAll({ behavior: 'wait' });
  await context.close();
});

const CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'none'; img-src 'none'; connect-src ${PLATFORM}; base-uri 'none'; form-action 'none'`;

const recordViolations = (context) =>
  context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
  });

test('under a strict nonce CSP the banner is styled, works, and raises no violation', async () => {
  const site = await createSite();
  const body = taggedScript('analytical', 'analytical', '', NONCE);
  suite.pages.page('/csp', bannerPage({ siteId: site.id, nonce: NONCE, body }), { 'content-security-policy': CSP });
  const { context, page } = await newPage(suite.browser);
  await recordViolations(context);
  await page.goto(suite.pages.url('www.example.test', '/csp'));
  await bannerShown(page);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('akkoord-banner').shadowRoot.querySelector('.bar')).position);
  assert.equal(styled, 'fixed', 'styles apply without unsafe-inline');
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => (window.ran || []).length == 1);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});

test('scripts added by scripts are held by tracker host, keep their nonce, and run once granted', async () => {
  const site = await createSite();
  await declareTrackerHosts(site.id, { marketing: ['tracker.example.test'] });
  const trackerUrl = suite.pages.url('tracker.example.test', '/pixel.js');
  const libraryUrl = suite.pages.url('cdn.example.test', '/lib.js');
  suite.pages.script('/pixel.js', 'window.trackerRan = (window.trackerRan || 0) + 1;');
  suite.pages.script('/lib.js', 'window.libraryRan = 1;');
  const loader = `<script nonce="${NONCE}">
    for (const url of [${JSON.stringify(trackerUrl)}, ${JSON.stringify(libraryUrl)}]) {
      const script = document.createElement('script');
      script.src = url;
      script.nonce = ${JSON.stringify(NONCE)};
      script.type = 'text/javascript';
      document.head.appendChild(script);
    }
  </script>`;
  suite.pages.page('/dynamic', bannerPage({ siteId: site.id, nonce: NONCE, body: loader }), { 'content-security-policy': CSP });
  // A page whose own markup names the tracker: held from the second page view on, once the host list is known.
  suite.pages.page('/markup', bannerPage({ siteId: site.id, nonce: NONCE, body: `<script src="${trackerUrl}" nonce="${NONCE}"></script>` }), { 'content-security-policy': CSP });

  const { context, page } = await newPage(suite.browser);
  await recordViolations(context);
  await page.goto(suite.pages.url('www.example.test', '/dynamic'));
  await bannerShown(page);
  await page.waitForFunction(() => window.libraryRan == 1);
  const held = await page.evaluate((url) => {
    const script = [...document.scripts].find((element) => element.src == url);
    return { type: script.type, category: script.getAttribute('data-category'), nonce: script.nonce };
  }, trackerUrl);
  assert.deepEqual(held, { type: 'text/plain', category: 'marketing', nonce: NONCE });
  assert.equal(await page.evaluate(() => window.trackerRan), undefined);

  await page.goto(suite.pages.url('www.example.test', '/markup'));
  await bannerShown(page);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.trackerRan), undefined, 'the markup tracker is held too');

  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => window.trackerRan == 1);
  await page.goto(suite.pages.url('www.example.test', '/dynamic'));
  await page.waitForFunction(() => window.trackerRan == 1 && window.libraryRan == 1);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
