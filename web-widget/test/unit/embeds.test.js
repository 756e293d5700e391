import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cssLength, ownImage, placeholderTexts, providerOf, WORDS } from '../../src/utils/embeds.js';

const PAGE = 'https://www.shop.example/products/1';

test('known embed addresses name their provider and what they show', () => {
  const cases = {
    'https://www.youtube.com/embed/abc': ['YouTube', 'video'],
    'https://youtube.com/embed/abc': ['YouTube', 'video'],
    'https://www.youtube-nocookie.com/embed/abc?start=3': ['YouTube', 'video'],
    'https://player.vimeo.com/video/123': ['Vimeo', 'video'],
    'https://www.google.com/maps/embed?pb=x': ['Google Maps', 'map'],
    'https://maps.google.com/maps?q=Utrecht&output=embed': ['Google Maps', 'map'],
    'https://platform.twitter.com/embed/Tweet.html?id=1': ['X (Twitter)', 'post'],
    'https://www.instagram.com/p/xyz/embed': ['Instagram', 'post'],
    'https://open.spotify.com/embed/track/1': ['Spotify', 'audio'],
    'http://WWW.YOUTUBE.COM:8080/embed/abc': ['YouTube', 'video'],
  };
  for (const [url, [name, kind]] of Object.entries(cases)) assert.deepEqual(providerOf(url, PAGE), { name, kind }, url);
});

test('look-alike hosts and other Google pages are not taken for a provider', () => {
  assert.deepEqual(providerOf('https://notyoutube.com/embed/abc', PAGE), { name: 'notyoutube.com', kind: 'content' });
  assert.deepEqual(providerOf('https://youtube.com.evil.example/embed', PAGE), { name: 'youtube.com.evil.example', kind: 'content' });
  assert.deepEqual(providerOf('https://www.google.com/search?q=maps', PAGE), { name: 'www.google.com', kind: 'content' });
  assert.deepEqual(providerOf('https://vimeo.com/123', PAGE), { name: 'vimeo.com', kind: 'content' }, 'only the player host embeds');
});

test('the owner\'s own presets come before the built-in ones and say the category their iframes wait for', () => {
  const own = [['video.example.test', '/videos/embed', 'PeerTube', 'video', 'analytical'], ['.maps.example.test', '', 'Our maps', 'map', 'marketing']];
  assert.deepEqual(providerOf('https://video.example.test/videos/embed/9', PAGE, own), { name: 'PeerTube', kind: 'video', category: 'analytical' });
  assert.deepEqual(providerOf('https://video.example.test/about', PAGE, own), { name: 'video.example.test', kind: 'content' }, 'outside its path');
  assert.deepEqual(providerOf('https://eu.maps.example.test/x', PAGE, own), { name: 'Our maps', kind: 'map', category: 'marketing' });
  assert.deepEqual(providerOf('https://www.youtube.com/embed/abc', PAGE, own), { name: 'YouTube', kind: 'video' });
  const shadowing = [['.youtube.com', '', 'Our channel', 'video', 'analytical']];
  assert.equal(providerOf('https://www.youtube.com/embed/abc', PAGE, shadowing).name, 'Our channel', 'the owner\'s word first');
});

test('a relative address is the page\'s own host; an unparsable one gives nothing', () => {
  assert.deepEqual(providerOf('/widgets/chat', PAGE), { name: 'www.shop.example', kind: 'content' });
  assert.equal(providerOf('http://[bad', PAGE), null);
});

test('the placeholder says who may set cookies, in the page language or English', () => {
  const youtube = { name: 'YouTube', kind: 'video' };
  assert.deepEqual(placeholderTexts(youtube, 'marketing', 'en'), {
    lang: 'en',
    says: 'Loading this video lets YouTube set cookies and see that you visited this page.',
    load: 'Load video',
    allow: 'Allow marketing cookies',
  });
  const nl = placeholderTexts({ name: 'Google Maps', kind: 'map' }, 'marketing', 'nl');
  assert.equal(nl.lang, 'nl');
  assert.equal(nl.says, 'Als u deze kaart laadt, kan Google Maps cookies plaatsen en zien dat u deze pagina bezocht.');
  assert.equal(nl.load, 'Kaart laden');
  assert.equal(nl.allow, 'Marketingcookies toestaan');
  assert.equal(placeholderTexts(youtube, 'marketing', 'sv').lang, 'en', 'a language without words falls back to English');
  assert.equal(placeholderTexts(youtube, 'marketing', 'sv').load, 'Load video');
});

test('a category a visitor cannot choose gets no button to allow it', () => {
  assert.equal(placeholderTexts({ name: 'x.example', kind: 'content' }, 'social', 'en').allow, undefined);
  assert.equal(placeholderTexts({ name: 'x.example', kind: 'content' }, 'analytical', 'de').allow, 'Analyse-Cookies erlauben');
});

test('every language has every kind, the sentence and both categories', () => {
  for (const [lang, words] of Object.entries(WORDS)) {
    for (const kind of ['video', 'map', 'post', 'audio', 'content']) {
      assert.equal(words[kind].length, 2, lang + ' ' + kind);
      assert.ok(words[kind].every((text) => text.trim()), lang + ' ' + kind);
    }
    assert.ok(words.says('X', 'Provider').includes('Provider'), lang);
    assert.ok(words.analytical && words.marketing, lang);
  }
  assert.deepEqual(Object.keys(WORDS).sort(), ['de', 'en', 'fr', 'nl']);
});

test('width and height attributes become CSS lengths; anything else is left to the measured size', () => {
  assert.equal(cssLength('560'), '560px');
  assert.equal(cssLength(' 315 '), '315px');
  assert.equal(cssLength('100%'), '100%');
  assert.equal(cssLength('640px'), '640px');
  assert.equal(cssLength('12.5'), '12.5px');
  assert.equal(cssLength(null), '');
  assert.equal(cssLength('auto'), '');
  assert.equal(cssLength('1px;background:url(x)'), '', 'nothing beyond a length gets into the style');
});

test('a preview image is used only from the page\'s own origin', () => {
  assert.equal(ownImage('/img/video-1.jpg', PAGE), 'https://www.shop.example/img/video-1.jpg');
  assert.equal(ownImage('https://www.shop.example/a.png', PAGE), 'https://www.shop.example/a.png');
  assert.equal(ownImage('https://i.ytimg.com/vi/abc/0.jpg', PAGE), '', 'the provider would see the visit');
  assert.equal(ownImage('https://cdn.shop.example/a.png', PAGE), '', 'another host is another party');
  assert.equal(ownImage('http://www.shop.example/a.png', PAGE), '', 'another scheme is another origin');
  assert.equal(ownImage('', PAGE), '');
  assert.equal(ownImage(null, PAGE), '');
});
