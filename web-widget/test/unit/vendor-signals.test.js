import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { signalVendors } from '../../src/core/vendor-signals.js';

const VENDORS = ['uetq', 'fbq', 'ttq', 'clarity'];

/** Each vendor's global as its base code leaves it, logging every call into `calls`. */
const stubVendors = (calls) => {
  globalThis.uetq = { push: (...args) => calls.push(['uetq', ...args]) };
  globalThis.fbq = (...args) => calls.push(['fbq', ...args]);
  globalThis.ttq = { grantConsent: () => calls.push(['ttq', 'grantConsent']), revokeConsent: () => calls.push(['ttq', 'revokeConsent']) };
  globalThis.clarity = (...args) => calls.push(['clarity', ...args]);
};

beforeEach(() => {
  globalThis.window = globalThis;
  VENDORS.forEach((name) => delete globalThis[name]);
});

test('a grant of everything reaches every vendor through its own consent call', () => {
  const calls = [];
  stubVendors(calls);
  signalVendors({ analytical: true, marketing: true });
  assert.deepEqual(calls, [
    ['uetq', 'consent', 'update', { ad_storage: 'granted' }],
    ['fbq', 'consent', 'grant'],
    ['ttq', 'grantConsent'],
    ['clarity', 'consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
  ]);
});

test('marketing denied revokes the advertising vendors while Clarity keeps analytics', () => {
  const calls = [];
  stubVendors(calls);
  signalVendors({ analytical: true, marketing: false });
  assert.deepEqual(calls, [
    ['uetq', 'consent', 'update', { ad_storage: 'denied' }],
    ['fbq', 'consent', 'revoke'],
    ['ttq', 'revokeConsent'],
    ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
  ]);
});

test('a vendor that is not on the page gets no call and no global', () => {
  const calls = [];
  globalThis.fbq = (...args) => calls.push(['fbq', ...args]);
  signalVendors({ analytical: false, marketing: false });
  assert.deepEqual(calls, [['fbq', 'consent', 'revoke']]);
  for (const name of ['uetq', 'ttq', 'clarity']) assert.equal(name in globalThis, false, name);
});

test('a vendor whose call throws does not keep the others from hearing the decision', (context) => {
  const calls = [];
  stubVendors(calls);
  // A page element with id="ttq" is a global of that name, without the consent methods.
  globalThis.ttq = {};
  const warned = context.mock.method(console, 'warn', () => {});
  signalVendors({ analytical: false, marketing: false });
  assert.deepEqual(calls.map((call) => call[0]), ['uetq', 'fbq', 'clarity']);
  assert.equal(warned.mock.callCount(), 1);
});
