import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deleteCookies, domainLevels, pathLevels, readCookie, registrableDomain, writeCookie } from '../../src/utils/cookies.js';
import { installBrowser } from './support/browser.js';

test('the registrable domain is the broadest one the browser accepts', () => {
  installBrowser('https://a.shop.example.co.uk/x');
  assert.equal(registrableDomain('a.shop.example.co.uk'), 'example.co.uk');
  assert.equal(document.cookie, '', 'the probe cookie is removed again');
  installBrowser('http://www.example.test/');
  assert.equal(registrableDomain('www.example.test'), 'example.test');
});

test('IP addresses and single-label hosts only have host-only cookies', () => {
  installBrowser('http://127.0.0.1:8080/');
  assert.equal(registrableDomain('127.0.0.1'), '');
  installBrowser('http://localhost/');
  assert.equal(registrableDomain('localhost'), '');
});

test('domain levels run from the host up to the registrable domain, never above it', () => {
  assert.deepEqual(domainLevels('a.shop.example.co.uk', 'example.co.uk'), ['a.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk']);
  assert.deepEqual(domainLevels('example.test', 'example.test'), ['example.test']);
  assert.deepEqual(domainLevels('localhost', ''), []);
});

test('path levels are every prefix of the path, with and without a trailing slash', () => {
  assert.deepEqual(pathLevels('/shop/cart/item.html'), ['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/', '/shop/cart/item.html', '/shop/cart/item.html/']);
  assert.deepEqual(pathLevels('/'), ['/']);
});

test('written cookies can be read back', () => {
  installBrowser('https://www.example.test/');
  writeCookie('akkoord_consent', 'a:b', 100, 'example.test');
  assert.equal(readCookie('akkoord_consent'), 'a:b');
  assert.equal(readCookie('missing'), undefined);
});

test('withdrawal deletes cookies on every domain level and every path level', () => {
  const jar = installBrowser('https://shop.example.test/shop/cart/view');
  jar.set('_ga=host; path=/');
  jar.set('_ga=parent; domain=.example.test; path=/');
  jar.set('_ga=shop; domain=shop.example.test; path=/');
  jar.set('_ga_XYZ=sub; path=/shop/cart');
  jar.set('_ga_XYZ=defaultpath'); // no Path: defaults to /shop/cart
  jar.set('_ga_ABC=slash; domain=example.test; path=/shop/');
  jar.set('_fbp=keep; domain=example.test; path=/');
  const remaining = deleteCookies(['_ga', '_ga_*'], 'shop.example.test', 'example.test', '/shop/cart/view');
  assert.deepEqual(remaining, []);
  assert.deepEqual(jar.cookies.map((cookie) => cookie.name + '=' + cookie.value), ['_fbp=keep']);
});

test('withdrawal reports names it could not remove', () => {
  const jar = installBrowser('https://shop.example.test/');
  jar.set('_ga=1; path=/');
  // Like an HttpOnly cookie: the jar ignores script writes to it, so it must be reported as remaining.
  const originalSet = jar.set.bind(jar);
  jar.set = (header) => (header.startsWith('_ga=;') ? undefined : originalSet(header));
  assert.deepEqual(deleteCookies(['_ga'], 'shop.example.test', 'example.test', '/'), ['_ga']);
});
