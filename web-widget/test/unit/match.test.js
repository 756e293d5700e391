import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOfHost, matchesHost, matchesName, shortHash } from '../../src/utils/match.js';

test('exact names match only themselves', () => {
  assert.equal(matchesName('_ga', '_ga'), true);
  assert.equal(matchesName('_ga', '_gat'), false);
  assert.equal(matchesName('_ga', '_g'), false);
});

test('a * pattern matches any run of characters, including none', () => {
  assert.equal(matchesName('_ga_*', '_ga_ABC123'), true);
  assert.equal(matchesName('_ga_*', '_ga_'), true);
  assert.equal(matchesName('_ga_*', '_ga'), false);
  assert.equal(matchesName('*_session', 'shop_session'), true);
  assert.equal(matchesName('a*b*c', 'a-x-b-y-c'), true);
  assert.equal(matchesName('a*b*c', 'a-c-b'), false);
  assert.equal(matchesName('ab*ba', 'aba'), false, 'prefix and suffix must not overlap');
  assert.equal(matchesName('*', 'anything'), true);
});

test('tracker host patterns cover the domain and everything below it', () => {
  assert.equal(matchesHost('connect.facebook.net', 'connect.facebook.net'), true);
  assert.equal(matchesHost('connect.facebook.net', 'facebook.net'), false);
  assert.equal(matchesHost('*.doubleclick.net', 'stats.g.doubleclick.net'), true);
  assert.equal(matchesHost('*.doubleclick.net', 'doubleclick.net'), true);
  assert.equal(matchesHost('*.doubleclick.net', 'notdoubleclick.net'), false);
  assert.equal(matchesHost('WWW.Google-Analytics.com', 'www.google-analytics.com'), true);
});

test('the category of a host comes from the tracker lists', () => {
  const hosts = { analytical: ['www.google-analytics.com'], marketing: ['connect.facebook.net', '*.doubleclick.net'] };
  assert.equal(categoryOfHost(hosts, 'www.google-analytics.com'), 'analytical');
  assert.equal(categoryOfHost(hosts, 'ad.doubleclick.net'), 'marketing');
  assert.equal(categoryOfHost(hosts, 'cdn.example.test'), undefined);
});

test('short hashes are 4 hex digits and differ for different names', () => {
  assert.match(shortHash('analytical:_ga'), /^[0-9a-f]{4}$/);
  assert.equal(shortHash('analytical:_ga'), shortHash('analytical:_ga'));
  assert.notEqual(shortHash('analytical:_ga'), shortHash('marketing:_ga'));
});
