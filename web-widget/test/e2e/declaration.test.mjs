// The cookie declaration on a site's privacy page and the visitor's history page (/privacy/consent) in headless
// Chromium, on a phone (390×844) and a desktop (1280×800): nothing wider than the screen, the consent id shown as
// soon as the platform assigns it, a withdrawal shown in place, the visitor's colour scheme, no floating button over
// the declaration, no axe violations. Against the packaged platform (./mvnw -B package -DskipTests first), or
// AKKOORD_DASHBOARD_URL + AKKOORD_ADMIN_TOKEN of a running one. Run: node --test test/e2e/declaration.test.mjs

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN, axeViolations, launchBrowser, startPlatform, startSitePages } from './support/dashboard-platform.mjs';
import { operatorCalls } from './support/operator.mjs';

const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];
const SITE_BACKGROUND = '#fffdf5';
const LONG_WORD = 'utm_campaign_' + 'a'.repeat(120);

let platform;
let sitePages;
let browser;
let siteId;
let privacyUrl;

const paragraphs = (count) => Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} of what we do with your data.</p>`).join('');

/** A privacy page as a site writes it: its own text around the declaration's placeholder. */
const privacyPage = () => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy</title><script src="${platform.url}/akkoord.js" data-site="${siteId}"></script></head>
<body><main><h1>Privacy</h1>${paragraphs(3)}<h2>Cookies we use</h2><div data-akkoord-declaration></div>${paragraphs(2)}</main></body></html>`;

before(async () => {
  platform = await startPlatform();
  const api = operatorCalls(platform.url, ADMIN_TOKEN);
  sitePages = await startSitePages({ '/privacy': privacyPage });
  // Withdrawal without a reload, so the test sees the declaration follow it in place.
  const site = await api('POST', '/api/v1/sites', {
    name: 'Declaration shop',
    domains: ['*.example.test:' + sitePages.port],
    ui: { position: 'bottom', floatingButton: true, reloadOnWithdraw: false,
      colors: { background: SITE_BACKGROUND, text: '#1b1b1b', accent: '#1d4ed8', accentText: '#ffffff' } },
  });
  siteId = site.id;
  // A long name, provider and purpose: the table must wrap them, not widen the page.
  await api('PUT', `/api/v1/sites/${siteId}/cookies/_ga`, { category: 'analytical', vendor: 'Google Analytics', purpose: 'Counts visits. ' + LONG_WORD, retention: '13 months' });
  await api('PUT', `/api/v1/sites/${siteId}/cookies/${'session_' + 'x'.repeat(60)}`, { category: 'functional', purpose: 'Keeps you signed in', retention: 'Session' });
  privacyUrl = 'http://www.example.test:' + sitePages.port + '/privacy?' + LONG_WORD;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sitePages?.stop();
  await platform?.stop();
});

/** bypassCSP lets axe-core in; the pages' own scripts are unaffected. */
const open = async (viewport, colorScheme = 'light') => {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true, reducedMotion: 'reduce' });
  return context.newPage();
};

const expectNoAxeViolations = async (page, what) => {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], what + ' has accessibility violations: ' + JSON.stringify(violations, null, 1));
};

/** How far the page is wider than its viewport (0 when it fits), and the widest element that sticks out. */
const overflow = (page) =>
  page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    const culprit = [...document.querySelectorAll('body *')].find((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5);
    return { excess, culprit: culprit ? culprit.tagName + '.' + culprit.className : null };
  });

const expectNoOverflow = async (page, what) => assert.deepEqual(await overflow(page), { excess: 0, culprit: null }, what + ' is wider than the screen');

const declaration = (page) => page.locator('.akkoord-declaration');

/**
 * Scrolls each text element of the declaration to the bottom of the screen, where a floating button sits, and
 * answers those the floating button, when it is shown, covers (their bounding boxes overlap).
 */
const coveredByFloatingButton = (page) =>
  page.evaluate(() => {
    const floating = () => {
      const button = document.querySelector('akkoord-banner')?.shadowRoot.querySelector('.float');
      const box = button && button.getBoundingClientRect();
      return box && box.width && box.height ? box : null;
    };
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return [...document.querySelectorAll('.akkoord-declaration :is(h3, p, li, th, td, button)')].filter((text) => {
      text.scrollIntoView({ block: 'end' });
      const button = floating();
      return button && overlap(button, text.getBoundingClientRect());
    }).map((text) => text.textContent);
  });

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: the declaration fits, shows the consent id right after the first choice and follows a withdrawal`, async () => {
    const page = await open(viewport);
    await page.goto(privacyUrl);
    await page.locator('akkoord-banner .bar').waitFor({ state: 'visible' });
    await declaration(page).locator('.akkoord-declaration-undecided').waitFor();
    assert.equal(await page.locator('.akkoord-consent-id').count(), 0, 'no id before a choice');
    await expectNoOverflow(page, 'the privacy page with the banner open');

    // The first choice: the id comes from the platform's answer, and appears without a reload.
    await page.evaluate(() => (window.sameDocument = true));
    await page.locator('akkoord-banner .bar').getByRole('button', { name: 'Accept all', exact: true }).click();
    const shownId = await page.locator('.akkoord-consent-id').textContent();
    assert.match(shownId, /^[0-9a-f]{32}$/);
    assert.equal(shownId, await page.evaluate(() => akkoord.consent().consentId));
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'shown without a reload');
    assert.match(await declaration(page).locator('.akkoord-declaration-choice').textContent(), /Analytical: allowed/);
    assert.equal(await page.locator('.akkoord-declaration-history').getAttribute('href'), platform.url + '/privacy/consent?id=' + shownId);
    await expectNoOverflow(page, 'the privacy page after the choice');
    await expectNoAxeViolations(page, 'the privacy page with the declaration');
    assert.deepEqual(await coveredByFloatingButton(page), [], 'declaration text under the floating button');

    // Withdrawal from the declaration's own button: recorded, and shown in place.
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/consents') && response.request().method() == 'POST'),
      declaration(page).getByRole('button', { name: 'Withdraw your consent' }).click(),
    ]);
    await page.waitForFunction(() => /Analytical: not allowed/.test(document.querySelector('.akkoord-declaration-choice').textContent));
    assert.equal(await declaration(page).getByRole('button', { name: 'Withdraw your consent' }).isDisabled(), true, 'nothing left to withdraw');
    assert.equal(await page.locator('.akkoord-consent-id').textContent(), shownId, 'the same id keeps the withdrawal');
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'followed without a reload');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'akkoord-declaration-change',
      'focus stays in the declaration, on the button still usable');

    // The visitor's history page, reached from the declaration's link.
    await page.goto(platform.url + '/privacy/consent?id=' + shownId);
    await page.getByRole('heading', { name: 'Declaration shop' }).first().waitFor();
    assert.equal(await page.locator('table.history tbody tr').count(), 2);
    await expectNoOverflow(page, '/privacy/consent with a history');
    await expectNoAxeViolations(page, '/privacy/consent with a history');
    await page.context().close();
  });
}

test('the declaration takes the site\'s banner colours in a light scheme and a dark palette in a dark one; so does /privacy/consent', async () => {
  const backgrounds = {};
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(VIEWPORTS[0], colorScheme);
    await page.goto(privacyUrl);
    await declaration(page).waitFor();
    backgrounds[colorScheme] = {
      declaration: await declaration(page).evaluate((element) => getComputedStyle(element).backgroundColor),
      host: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    };
    await page.locator('akkoord-banner .bar').getByRole('button', { name: 'Reject all', exact: true }).click();
    await page.locator('.akkoord-consent-id').waitFor();
    await expectNoAxeViolations(page, `the privacy page in a ${colorScheme} scheme`);

    await page.goto(platform.url + '/privacy/consent');
    backgrounds[colorScheme].history = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expectNoOverflow(page, `/privacy/consent in a ${colorScheme} scheme`);
    await expectNoAxeViolations(page, `/privacy/consent in a ${colorScheme} scheme`);
    await page.context().close();
  }
  assert.deepEqual(backgrounds, {
    light: { declaration: 'rgb(255, 253, 245)', host: 'rgba(0, 0, 0, 0)', history: 'rgb(255, 255, 255)' },
    dark: { declaration: 'rgb(28, 28, 30)', host: 'rgba(0, 0, 0, 0)', history: 'rgb(22, 22, 24)' },
  }, 'the host page keeps its own (transparent) background: the declaration\'s styles stay inside it');
});

test('on a phone the cookie tables become one card per cookie, each value under its column\'s name', async () => {
  const page = await open(VIEWPORTS[0]);
  await page.goto(privacyUrl);
  const purpose = declaration(page).locator('table[data-category=analytical] td').nth(1);
  await purpose.waitFor();
  const layout = await purpose.evaluate((cell) => ({
    display: getComputedStyle(cell).display,
    label: getComputedStyle(cell, '::before').content,
    header: cell.closest('table').querySelector('thead').getBoundingClientRect().height,
    caption: cell.closest('table').querySelector('caption').getBoundingClientRect().height,
  }));
  assert.deepEqual(layout, { display: 'block', label: '"Purpose: "', header: 1, caption: 1 }, 'headers and caption for screen readers only');
  await page.context().close();
});
