import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canWithdraw, choiceLines } from '../../src/utils/choice.js';

const WORDS = { on: 'allowed', off: 'not allowed' };
const CONFIG = {
  texts: { categories: { functional: { title: 'Necessary' }, analytical: { title: 'Statistics' } } },
  categories: [{ key: 'functional', required: true }, { key: 'analytical' }, { key: 'marketing' }],
};
const snapshot = (analytical, marketing, decided = true) => ({ functional: true, analytical, marketing, decided });

test('one line per category of the site, titled by its texts (the key where it has none)', () => {
  assert.deepEqual(choiceLines(CONFIG, snapshot(true, false), WORDS), [
    { key: 'functional', text: 'Necessary: allowed' },
    { key: 'analytical', text: 'Statistics: allowed' },
    { key: 'marketing', text: 'marketing: not allowed' },
  ]);
});

test('the required category reads allowed even when the snapshot says otherwise', () => {
  const lines = choiceLines(CONFIG, { analytical: false, marketing: false, functional: false, decided: true }, WORDS);
  assert.equal(lines[0].text, 'Necessary: allowed');
});

test('withdrawing is offered only while an optional category is allowed', () => {
  assert.equal(canWithdraw(snapshot(true, false)), true);
  assert.equal(canWithdraw(snapshot(false, true)), true);
  assert.equal(canWithdraw(snapshot(false, false)), false, 'after a withdrawal or a rejection');
  assert.equal(canWithdraw(snapshot(true, true, false)), false, 'no decision yet (a GPC record is not one)');
  assert.equal(canWithdraw(null), false, 'no banner on the page');
});
