import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsPage, takePreloaded } from '../../src/core/config.js';
import { installBrowser } from './support/browser.js';

const pageIn = (lang) => {
  installBrowser('https://www.example.test/');
  globalThis.document.documentElement = { lang };
};

test('the per-site script hands its config over once and takes it off the page', () => {
  pageIn('en');
  globalThis.akkoordSiteConfig = { siteId: 's', language: 'en', languages: ['en'] };
  assert.deepEqual(takePreloaded(), { siteId: 's', language: 'en', languages: ['en'] });
  assert.equal('akkoordSiteConfig' in globalThis, false);
  assert.equal(takePreloaded(), null, 'nothing the second time');
  globalThis.akkoordSiteConfig = 'not a config';
  assert.equal(takePreloaded(), null);
});

test('a carried config is used where the page would have asked for it, else the page fetches its own', () => {
  const carried = { language: 'nl', languages: ['nl', 'fr'] };
  pageIn('nl-BE');
  assert.equal(fitsPage(carried), true, 'the page language');
  pageIn('fr');
  assert.equal(fitsPage(carried), false, 'another language of the site');
  pageIn('de');
  assert.equal(fitsPage(carried), true, 'a language the site lacks gets its default, which this is');
  pageIn('de');
  assert.equal(fitsPage({ language: 'fr', languages: ['nl', 'fr'] }), false, 'but not another of its languages');
});

test("a carried config of another site than the tag's is not used", () => {
  pageIn('en');
  const carried = { siteId: 'a', language: 'en', languages: ['en'] };
  assert.equal(fitsPage(carried, 'a'), true);
  assert.equal(fitsPage(carried, 'b'), false, 'the shared script brought the config of the site that claims the host');
  assert.equal(fitsPage(carried, null), true, 'the per-site script has no data-site');
});
