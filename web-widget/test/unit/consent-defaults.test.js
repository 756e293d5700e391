import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import vm from 'node:vm';
import { build } from 'esbuild';
import { encodeConsent } from '../../src/core/consent.js';
import { DEFAULTS_SET, setConsentDefaults } from '../../src/core/consent-defaults.js';
import { installBrowser } from './support/browser.js';

const stored = (granted, decided = true) =>
  encodeConsent({ _id: '0123456789abcdef0123456789abcdef', _version: 'v1', _granted: granted, _time: Date.now(), _decided: decided, _shown: 'analytical.marketing', _hashes: '' });

/** The dataLayer entries as plain arrays: [command, type, signals]. */
const pushed = () => (globalThis.dataLayer || []).map((entry) => [...entry]);

beforeEach(() => {
  installBrowser('https://shop.example.co.uk/products');
  delete globalThis.dataLayer;
  delete globalThis.gtag;
  delete globalThis[DEFAULTS_SET];
});

test('without a stored choice only the all-denied default goes out', () => {
  assert.equal(setConsentDefaults(), null);
  const entries = pushed();
  assert.equal(entries.length, 1);
  assert.deepEqual(entries[0].slice(0, 2), ['consent', 'default']);
  assert.equal(entries[0][2].analytics_storage, 'denied');
  assert.equal(entries[0][2].ad_storage, 'denied');
  assert.equal(entries[0][2].functionality_storage, 'granted');
});

test('a stored decision follows the default at once, so a returning visitor is never denied first', () => {
  document.cookie = 'akkoord_consent=' + stored({ analytical: true, marketing: false }) + ';path=/;domain=example.co.uk';
  const consent = setConsentDefaults();
  assert.equal(consent._granted.analytical, true);
  const entries = pushed();
  assert.deepEqual(entries.map((entry) => entry[1]), ['default', 'update']);
  assert.deepEqual(entries[1][2], { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
});

test('a record made from the GPC signal alone (not decided) restores nothing', () => {
  document.cookie = 'akkoord_consent=' + stored({ analytical: false, marketing: false }, false) + ';path=/';
  setConsentDefaults();
  assert.deepEqual(pushed().map((entry) => entry[1]), ['default']);
});

test('a malformed cookie is treated as no choice', () => {
  document.cookie = 'akkoord_consent=granted:all;path=/';
  assert.equal(setConsentDefaults(), null);
  assert.deepEqual(pushed().map((entry) => entry[1]), ['default']);
});

test('after the stub, the banner sends nothing again but still reads the stored choice', () => {
  document.cookie = 'akkoord_consent=' + stored({ analytical: false, marketing: true }) + ';path=/';
  globalThis[DEFAULTS_SET] = true;
  const consent = setConsentDefaults();
  assert.equal(consent._granted.marketing, true);
  assert.deepEqual(pushed(), []);
});

test('the built stub runs alone in a page, before any gtag exists, and marks that it ran', async () => {
  const bundle = await build({
    entryPoints: [new URL('../../src/defaults.js', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    minify: true,
    mangleProps: /^_/,
    write: false,
  });
  const jar = { value: 'theme=dark; akkoord_consent=' + stored({ analytical: true, marketing: true }) };
  const page = { document: { get cookie() { return jar.value; } } };
  page.window = page;
  vm.runInNewContext(bundle.outputFiles[0].text, page);
  assert.equal(page[DEFAULTS_SET], true);
  const entries = Array.from(page.dataLayer, (entry) => Array.from(entry)); // arrays of this realm, for deepEqual
  assert.deepEqual(entries.map((entry) => entry[1]), ['default', 'update']);
  assert.equal(Object.prototype.toString.call(page.dataLayer[0]), '[object Arguments]', 'gtag.js only reads Arguments objects');
  assert.deepEqual({ ...entries[1][2] }, { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
  // A page that defined gtag before the stub gets the calls through it instead.
  const calls = [];
  const withGtag = { document: { cookie: '' }, gtag: (...args) => calls.push(args) };
  withGtag.window = withGtag;
  vm.runInNewContext(bundle.outputFiles[0].text, withGtag);
  assert.deepEqual(calls.map((call) => call[1]), ['default']);
  assert.equal(withGtag.dataLayer, undefined);
});
