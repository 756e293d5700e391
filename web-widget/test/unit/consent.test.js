import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkConfig } from '../../src/core/config.js';
import { decodeConsent, encodeConsent, fingerprint, needsPrompt } from '../../src/core/consent.js';

const config = (categories, version = 'v1') =>
  checkConfig({
    version,
    consentLifetimeDays: 182,
    texts: { categories: {} },
    categories: [{ key: 'functional', required: true, cookies: [{ name: 'JSESSIONID' }] }, ...categories],
  });

const analytical = { key: 'analytical', required: false, cookies: [{ name: '_ga' }, { name: '_ga_*' }] };
const marketing = { key: 'marketing', required: false, cookies: [{ name: '_fbp' }] };

const decided = (base, overrides = {}) =>
  Object.assign({ _id: 'f'.repeat(32), _version: base.version, _granted: { analytical: true, marketing: false }, _time: Date.now(), _decided: true }, fingerprint(base), overrides);

test('the cookie value round-trips', () => {
  const consent = decided(config([analytical, marketing], 'v:1/ä'));
  const decoded = decodeConsent(encodeConsent(consent));
  assert.equal(decoded._id, consent._id);
  assert.equal(decoded._version, 'v:1/ä');
  assert.deepEqual(decoded._granted, { analytical: true, marketing: false });
  assert.equal(decoded._decided, true);
  assert.equal(decoded._shown, 'analytical.marketing');
  assert.equal(decoded._hashes, consent._hashes);
  assert.ok(Math.abs(decoded._time - consent._time) <= 1000);
  assert.match(encodeConsent(consent), /^[\w%.:~!*'()-]*$/, 'only characters a cookie value may hold');
});

test('a consent id is optional until the platform assigned one; anything malformed is no consent', () => {
  assert.equal(decodeConsent(encodeConsent(decided(config([analytical]), { _id: '' })))._id, '');
  assert.equal(decodeConsent('garbage'), null);
  assert.equal(decodeConsent('<script>:v:11:0:1::'), null);
  assert.equal(decodeConsent(undefined), null);
});

test('the fingerprint covers optional categories and their cookie names only', () => {
  const print = fingerprint(config([analytical, marketing]));
  assert.equal(print._shown, 'analytical.marketing');
  assert.equal(print._hashes.length, 12);
});

test('no decision, an undecided (GPC-only) record, or an expired one means asking', () => {
  const base = config([analytical]);
  assert.equal(needsPrompt(null, base), true);
  assert.equal(needsPrompt(decided(base, { _decided: false }), base), true);
  assert.equal(needsPrompt(decided(base, { _time: Date.now() - 183 * 864e5 }), base), true);
  assert.equal(needsPrompt(decided(base, { _time: Date.now() - 181 * 864e5 }), base), false);
});

test('a new version asks again only when it adds a category or a cookie name', () => {
  const before = config([analytical]);
  const consent = decided(before);
  assert.equal(needsPrompt(consent, config([analytical], 'v2')), false, 'new texts alone');
  assert.equal(needsPrompt(consent, config([{ key: 'analytical', cookies: [{ name: '_ga' }] }], 'v3')), false, 'a cookie removed');
  assert.equal(needsPrompt(consent, config([analytical, marketing], 'v4')), true, 'a category added');
  const more = { key: 'analytical', cookies: [...analytical.cookies, { name: '_gid' }] };
  assert.equal(needsPrompt(consent, config([more], 'v5')), true, 'a cookie added');
  const functionalOnly = checkConfig({ ...config([analytical], 'v6') });
  functionalOnly.categories[0].cookies.push({ name: 'csrf' });
  assert.equal(needsPrompt(consent, functionalOnly), false, 'a functional cookie needs no consent');
});

test('config checks reject unusable configs and fill in the ui defaults', () => {
  assert.throws(() => checkConfig(null));
  assert.throws(() => checkConfig({ version: 'x', texts: {}, categories: [] }));
  const checked = checkConfig({ version: 'x', texts: { categories: {} }, categories: [{ key: 'functional' }, 7], ui: { position: 'sideways' } });
  assert.deepEqual(checked.categories, [{ key: 'functional', cookies: [] }]);
  assert.equal(checked.ui.position, 'bottom');
  assert.equal(checked.ui.reloadOnWithdraw, true);
  assert.equal(checked.ui.floatingButton, true);
  assert.equal(checked.consentLifetimeDays, 182);
});
