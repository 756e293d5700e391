// Phones and pages wider than the screen: on a phone, a page with a 1,200 px wide table makes the browser lay fixed
// elements out against a layout viewport as wide as the page. The banner must still fit the screen, every one of its
// buttons on it and clickable, and in the preferences the choice buttons must show without scrolling.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerShown, dialog, newPage } from './support/browser.mjs';
import { bannerPage } from './support/pages.mjs';
import { createSite, declareCookies } from './support/platform.mjs';
import { useSuite } from './support/suite.mjs';

const WIDE_TABLE = `<table style="width: 1200px; border-collapse: collapse"><tr>${Array.from({ length: 8 }, (_, i) => `<td>Column ${i + 1} of a price list</td>`).join('')}</tr></table>`;

// Enough cookies that the preferences are taller than a phone screen.
const COOKIES = {
  analytical: ['_ga', '_ga_*', '_gid', '_pk_id.*', '_pk_ses.*', '_hjSessionUser_*'],
  marketing: ['_fbp', '_fbc', '_gcl_au', 'IDE', 'test_cookie', '_ttp', '_uetsid', '_uetvid'],
};

const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];

let site;

const suite = useSuite(async () => {
  site = await createSite();
  await declareCookies(site.id, COOKIES);
  suite.pages.page(
    '/wide',
    bannerPage({ siteId: site.id, head: '<meta name="viewport" content="width=device-width, initial-scale=1">', body: WIDE_TABLE })
  );
});

const phone = (viewport) => newPage(suite.browser, { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/**
 * Where `selector` (inside the banner's shadow root) lies against what the visitor sees, and whether the element at
 * its centre there is the element itself: nothing covers it, and it is on the screen. The visual viewport is the
 * screen: innerWidth and innerHeight measure the stretched layout viewport (1,208 × 2,416 at 320 × 640).
 */
const placement = (page, selector) =>
  page.evaluate(async (selector) => {
    const root = document.querySelector('akkoord-banner').shadowRoot;
    // The layers slide in: measure where they come to rest.
    await Promise.all(root.getAnimations().map((animation) => animation.finished));
    const screen = { width: Math.min(innerWidth, visualViewport.width), height: Math.min(innerHeight, visualViewport.height) };
    return [...root.querySelectorAll(selector)].map((element) => {
      const box = element.getBoundingClientRect();
      const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        text: element.textContent,
        box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        screen,
        inside: box.left >= 0 && box.top >= 0 && box.right <= screen.width && box.bottom <= screen.height && box.width > 0,
        reachable: hit == element || element.contains(hit),
      };
    });
  }, selector);

/** Taps the centre of `placed` where the visitor sees it, not where a scroll into view would move it. */
const tap = (page, placed) => page.touchscreen.tap((placed.box.left + placed.box.right) / 2, (placed.box.top + placed.box.bottom) / 2);

for (const viewport of PHONES) {
  test(`${viewport.width}×${viewport.height} on a page with a 1,200 px table: the banner and its buttons fit the screen`, async () => {
    const { context, page } = await phone(viewport);
    await page.goto(suite.pages.url('www.example.test', '/wide'));
    await bannerShown(page);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth >= 1200), 'the page is wider than the screen');

    const [bar] = await placement(page, '.bar');
    assert.ok(bar.box.left >= 0 && bar.box.right <= bar.screen.width, `banner ${JSON.stringify(bar)}`);
    assert.ok(bar.box.bottom <= bar.screen.height, `banner ${JSON.stringify(bar)}`);
    const buttons = await placement(page, '.bar button');
    assert.equal(buttons.length, 3);
    for (const button of buttons) assert.ok(button.inside && button.reachable, JSON.stringify(button));

    // The preferences button, tapped where it shows, opens the preferences with their choices in sight.
    await tap(page, buttons.find((button) => button.text == 'Preferences'));
    await dialog(page).waitFor({ state: 'visible' });
    const [dlg] = await placement(page, '.dlg');
    assert.ok(dlg.inside, `preferences ${JSON.stringify(dlg)}`);
    assert.ok(await page.evaluate(() => {
      const dlg = document.querySelector('akkoord-banner').shadowRoot.querySelector('.dlg');
      return dlg.scrollHeight > dlg.clientHeight;
    }), 'the preferences are taller than the screen');
    const choices = await placement(page, '.dlg .btns button');
    assert.deepEqual(choices.map((button) => button.text), ['Save my choices', 'Accept all', 'Reject all']);
    for (const button of choices) assert.ok(button.inside && button.reachable, JSON.stringify(button));

    // And they work from there: reject, tapped where it shows, closes the layers.
    await tap(page, choices[2]);
    await page.waitForFunction(() => akkoord.consent().decided);
    assert.equal(await dialog(page).count(), 0);
    await page.locator('akkoord-banner .float').waitFor({ state: 'visible' });
    const [floating] = await placement(page, '.float');
    assert.ok(floating.inside && floating.reachable, `floating button ${JSON.stringify(floating)}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('320×640 on the same page: the centred and corner positions fit the screen too', async () => {
  for (const position of ['center', 'bottom-right', 'bottom-left', 'top']) {
    const placed = await createSite({ ui: { position, floatingButton: true, reloadOnWithdraw: true, colors: { background: '#ffffff', text: '#1b1b1b', accent: '#1d4ed8', accentText: '#ffffff' } } });
    suite.pages.page('/wide-' + position, bannerPage({ siteId: placed.id, head: '<meta name="viewport" content="width=device-width, initial-scale=1">', body: WIDE_TABLE }));
    const { context, page } = await phone(PHONES[0]);
    await page.goto(suite.pages.url('www.example.test', '/wide-' + position));
    await bannerShown(page);
    const [bar] = await placement(page, '.bar');
    assert.ok(bar.inside, `${position}: ${JSON.stringify(bar)}`);
    for (const button of await placement(page, '.bar button')) assert.ok(button.inside && button.reachable, `${position}: ${JSON.stringify(button)}`);
    await context.close();
  }
});
