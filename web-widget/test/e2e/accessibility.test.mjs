// Keyboard-only use, focus handling, and axe-core in the browser.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { dialog } from './support/browser.mjs';
import { bannerPage, taggedScript } from './support/pages.mjs';
import { consentHistory, createSite } from './support/platform.mjs';
import { useSuite, openWithBanner, consentIdOf } from './support/suite.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let site;

const suite = useSuite(async () => {
  site = await createSite({ privacyPolicyUrl: 'https://www.example.test/privacy' });
  suite.pages.page('/a11y', bannerPage({ siteId: site.id, body: taggedScript('analytical', 'analytical') }));
});


/** The accessible name (or text) of the focused element, looking inside the banner's shadow root. */
const focused = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    return element ? element.getAttribute('aria-label') || element.textContent.trim() || element.id : null;
  });

const focusOutline = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

test('the whole flow works by keyboard, with visible focus and a trapped, Escape-closable dialog', async () => {
  const { context, page } = await openWithBanner(suite, '/a11y');

  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Privacy policy', 'the banner comes first in the tab order');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Accept all');
  const outline = await focusOutline(page);
  assert.equal(outline.style, 'solid');
  assert.ok(outline.width >= 2, 'visible focus ring');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Reject all');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Preferences');
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'visible' });
  assert.equal(await focused(page), 'Close', 'focus moves into the dialog');

  // Tab cycles inside the dialog: forwards past the last control back to the first, and backwards.
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  assert.ok(seen.includes('Close'), 'Tab wraps to the first control: ' + seen.join(', '));
  assert.ok(seen.every((name) => name != 'Cookie settings' && name != 'Skip to content'), 'focus never leaves the dialog: ' + seen.join(', '));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'Preferences', 'focus returns to where it was');

  // Choose analytics only, by keyboard.
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'visible' });
  for (let i = 0; i < 12 && (await focused(page)) != 'ak-analytical'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'ak-analytical');
  await page.keyboard.press('Space');
  for (let i = 0; i < 12 && (await focused(page)) != 'Save my choices'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window.ran || []).length == 1);
  const consentId = await consentIdOf(page);
  const { records } = await consentHistory(consentId);
  assert.deepEqual(records.map((record) => [record.action, record.categories.analytical, record.categories.marketing]), [['custom', true, false]]);
  await context.close();
});

const axe = async (page) => {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, WCAG_AA);
};

test('axe-core finds no WCAG 2.1 AA or best-practice violations in either layer', async () => {
  const { context, page } = await openWithBanner(suite, '/a11y', 'www.example.test', { reducedMotion: 'reduce' });
  assert.deepEqual(await axe(page), [], 'first layer');
  await page.locator('akkoord-banner .bar').getByRole('button', { name: 'Preferences' }).click();
  await dialog(page).waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), [], 'preferences dialog');
  await context.close();
});

test('the first layer takes no room in the page and honours reduced motion', async () => {
  const { context, page } = await openWithBanner(suite, '/a11y', 'www.example.test', { reducedMotion: 'reduce' });
  const layout = await page.evaluate(() => {
    const host = document.querySelector('akkoord-banner');
    const bar = host.shadowRoot.querySelector('.bar');
    return { position: getComputedStyle(bar).position, animation: getComputedStyle(bar).animationName, hostHeight: host.getBoundingClientRect().height };
  });
  assert.deepEqual(layout, { position: 'fixed', animation: 'none', hostHeight: 0 });
  await context.close();
});
