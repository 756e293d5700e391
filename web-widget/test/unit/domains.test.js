import assert from 'node:assert/strict';
import { test } from 'node:test';

// The build defines the fingerprint of the banner's property names; here it is set by hand.
globalThis.AKKOORD_STATE_NAMES = 'names-of-this-build';
const listened = [];
globalThis.window = globalThis;
globalThis.document = { addEventListener: (type) => listened.push(type), readyState: 'complete' };
await import('../../src/domains.js');

test('a banner of another build gets nothing done to its state, only its wait ended', () => {
  let done = 0;
  const state = { _config: { domains: ['shop.example.test'] }, _consent: null };
  const decide = () => assert.fail('no decision from a part that does not fit the banner');
  window.akkoordDomains('names-of-another-build', state, decide, () => done++);
  assert.equal(done, 1);
  assert.deepEqual(listened, [], 'no link is decorated');
  assert.equal(state._consent, null);
});
