import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The platform ships these as the texts of every site that has not written its own (see the API contract).
const texts = JSON.parse(readFileSync(new URL('../../../src/main/resources/banner/default-texts.json', import.meta.url), 'utf8'));

const KEYS = [
  'title', 'description', 'acceptAll', 'rejectAll', 'preferences', 'save', 'close', 'gpcNotice', 'reopen',
  'alwaysOn', 'privacyPolicy', 'cookieName', 'cookieProvider', 'cookiePurpose', 'cookieLifetime', 'categories',
];
const CATEGORIES = ['functional', 'analytical', 'marketing'];

test('default texts exist for English, Dutch, French and German', () => {
  assert.deepEqual(Object.keys(texts).sort(), ['de', 'en', 'fr', 'nl']);
});

for (const [language, words] of Object.entries(texts)) {
  test(`${language}: every text the banner shows is there, non-empty, and plain text`, () => {
    assert.deepEqual(Object.keys(words).sort(), [...KEYS].sort());
    for (const key of KEYS.filter((key) => key != 'categories')) {
      assert.equal(typeof words[key], 'string', key);
      assert.ok(words[key].trim().length > 0, key);
      assert.doesNotMatch(words[key], /[<>]/, key);
    }
    assert.deepEqual(Object.keys(words.categories).sort(), [...CATEGORIES].sort());
    for (const category of CATEGORIES) {
      assert.ok(words.categories[category].title.trim(), category + ' title');
      assert.ok(words.categories[category].description.trim(), category + ' description');
    }
  });
}

test('accept and reject are worded as the same kind of choice in every language', () => {
  for (const [language, words] of Object.entries(texts)) {
    assert.notEqual(words.acceptAll, words.rejectAll, language);
    assert.ok(Math.abs(words.acceptAll.length - words.rejectAll.length) <= 4, language + ': similar length');
  }
});
