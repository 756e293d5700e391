import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { consentModeDefault, consentModeUpdate } from '../../src/core/consent-mode.js';

beforeEach(() => {
  globalThis.window = globalThis;
  delete globalThis.dataLayer;
  delete globalThis.gtag;
});

test('the default denies everything but functionality and security storage, as gtag arguments', () => {
  consentModeDefault();
  const [entry] = globalThis.dataLayer;
  assert.equal(Object.prototype.toString.call(entry), '[object Arguments]', 'gtag.js only reads Arguments objects');
  const [command, type, signals] = entry;
  assert.equal(command, 'consent');
  assert.equal(type, 'default');
  for (const key of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'personalization_storage']) {
    assert.equal(signals[key], 'denied', key);
  }
  assert.equal(signals.functionality_storage, 'granted');
  assert.equal(signals.security_storage, 'granted');
});

test('an update maps analytical and marketing onto the v2 signals, through the page gtag if there is one', () => {
  const calls = [];
  globalThis.gtag = (...args) => calls.push(args);
  consentModeUpdate({ analytical: true, marketing: false });
  assert.deepEqual(calls, [
    ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
  ]);
  consentModeUpdate({ analytical: false, marketing: true });
  assert.deepEqual(calls[1][2], { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
});
