// Placeholders for held embeds: a tagged iframe shows, in its own size, who is behind it and two ways in (this one
// embed once, or the category for good, recorded as a decision); a category allowed in the banner loads them all, a
// withdrawal puts them back behind placeholders, and an iframe a script adds later gets one too. The providers' host
// names resolve to the test's own page server (127.0.0.1) and every other name to nothing: no real provider is asked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannerButton, bannerShown, newPage } from './support/browser.mjs';
import { axeViolations } from './support/dashboard-platform.mjs';
import { bannerPage } from './support/pages.mjs';
import { createSite, DEADLINE_MS, declareCookies, PLATFORM } from './support/platform.mjs';
import { consentPosts, recordsOf, reloadAfter, settled, useSuite } from './support/suite.mjs';

// Hosts of presets that no HSTS preload list sends to https (Chromium upgrades www.youtube.com, player.vimeo.com and
// www.instagram.com, which the page server cannot answer).
const PROVIDERS = ['www.youtube-nocookie.com', 'maps.google.com', 'open.spotify.com'];
const COOKIES = { analytical: ['_ga'], marketing: ['_fbp'] };
const QUIET_UI = { position: 'bottom', floatingButton: true, reloadOnWithdraw: false, colors: { background: '#ffffff', text: '#1b1b1b', accent: '#1d4ed8', accentText: '#ffffff' } };

/** Which provider pages were asked for, by path: to see that nothing loads before it may. */
const hits = {};
let site;
let quiet;
let own;

const suite = useSuite(async () => {
  site = await createSite();
  quiet = await createSite({ ui: QUIET_UI });
  own = await createSite({ embedPresets: [{ name: 'PeerTube', host: 'video.example.test', path: '/videos/embed', kind: 'video', category: 'analytical' }] });
  await declareCookies(site.id, COOKIES);
  await declareCookies(quiet.id, COOKIES);
  await declareCookies(own.id, COOKIES);
  for (const path of ['/embed/one', '/embed/two', '/maps/embed', '/embed/playlist']) {
    suite.pages.page(path, (url) => {
      hits[path] = (hits[path] || 0) + 1;
      return `<!doctype html><title>${url.hostname}</title><p>provider page ${path}</p>`;
    });
  }
  // A preview image of the owner's own and one on the provider's host, which must not be fetched.
  suite.pages.page('/img/two.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#345"/></svg>', { 'content-type': 'image/svg+xml' });
  suite.pages.page('/img/map.svg', () => {
    hits['/img/map.svg'] = (hits['/img/map.svg'] || 0) + 1;
    return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  }, { 'content-type': 'image/svg+xml' });
  const provider = (host, path) => suite.pages.url(host, path);
  const body = `
<iframe id="one" data-category="marketing" data-src="${provider('www.youtube-nocookie.com', '/embed/one')}" width="560" height="315" title="Our product video"></iframe>
<iframe id="two" data-category="marketing" data-src="${provider('www.youtube-nocookie.com', '/embed/two')}" width="560" height="315" title="How to order" data-placeholder-image="/img/two.svg"></iframe>
<iframe id="map" data-category="marketing" data-src="${provider('maps.google.com', '/maps/embed')}" width="400" height="300" title="Our shop on the map" data-placeholder-image="${provider('maps.google.com', '/img/map.svg')}"></iframe>
<script>
  // What a page's own script does after load: a player added on request.
  window.addPlayer = () => {
    const iframe = document.createElement('iframe');
    iframe.id = 'later';
    iframe.title = 'Our playlist';
    iframe.setAttribute('data-category', 'marketing');
    iframe.setAttribute('data-src', ${JSON.stringify(provider('open.spotify.com', '/embed/playlist'))});
    document.querySelector('main').append(iframe);
  };
</script>`;
  for (const [path, id, lang] of [['/video', site.id, 'en'], ['/video-nl', site.id, 'nl'], ['/video-quiet', quiet.id, 'en']]) {
    suite.pages.page(path, bannerPage({ siteId: id, lang, body }));
  }
  // A page without embeds of its own: only the script adds one, later.
  suite.pages.page('/plain', bannerPage({ siteId: site.id, body: body.slice(body.indexOf('<script>')) }));
  suite.pages.page('/videos/embed/7', (url) => {
    hits['/videos/embed/7'] = (hits['/videos/embed/7'] || 0) + 1;
    return `<!doctype html><title>${url.hostname}</title><p>provider page /videos/embed/7</p>`;
  });
  suite.pages.page('/own-provider', bannerPage({ siteId: own.id, body: `
<iframe id="peer" data-category="" data-src="${provider('video.example.test', '/videos/embed/7')}" width="480" height="270" title="Our talk"></iframe>` }));
}, PROVIDERS);

/**
 * Opens `path` and waits for the banner and `held` placeholders. `outside` collects requests to anything but the
 * test's servers (the page server, as any mapped name, and the platform); `chunk` those for the placeholders' script.
 */
const open = async (path, options, held = 3) => {
  const opened = await newPage(suite.browser, options);
  opened.outside = [];
  opened.chunk = [];
  opened.page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.port != String(suite.pages.port) && url.origin != PLATFORM) opened.outside.push(request.url());
    if (url.pathname == '/akkoord-embeds.js') opened.chunk.push(request.url());
  });
  await opened.page.goto(suite.pages.url('www.example.test', path));
  await bannerShown(opened.page);
  if (held) await opened.page.locator('.akkoord-embed').nth(held - 1).waitFor({ state: 'visible' });
  return opened;
};

const placeholder = (page, name) => page.getByRole('group', { name });
const srcOf = (page, id) => page.locator('#' + id).getAttribute('src');
/** Waits until a frame shows the provider page at `path` (another origin: its document is out of the page's reach). */
const frameShowing = async (page, path) => {
  for (const end = Date.now() + DEADLINE_MS; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const frame = page.frames().find((candidate) => candidate.url().includes(path));
    if (frame) return frame.getByText('provider page ' + path).waitFor();
  }
  throw new Error(path + ' was not loaded');
};
const reset = () => Object.keys(hits).forEach((path) => delete hits[path]);

test('a tagged iframe shows a placeholder of its size; "Load video" loads that one only, without a decision', async () => {
  reset();
  const { context, page, outside } = await open('/video');
  const posts = consentPosts(page);
  assert.equal(await page.locator('.akkoord-embed').count(), 3);
  const video = placeholder(page, 'Our product video');
  await video.getByText('YouTube', { exact: true }).waitFor();
  await video.getByText('Loading this video lets YouTube set cookies and see that you visited this page.').waitFor();
  const box = await video.boundingBox();
  assert.deepEqual([Math.round(box.width), Math.round(box.height)], [560, 315], 'the size of the iframe it stands for');
  const mapBox = await placeholder(page, 'Our shop on the map').boundingBox();
  assert.deepEqual([Math.round(mapBox.width), Math.round(mapBox.height)], [400, 300]);
  await placeholder(page, 'Our shop on the map').getByText('Google Maps', { exact: true }).waitFor();
  await placeholder(page, 'Our shop on the map').getByRole('button', { name: 'Load map' }).waitFor();
  assert.equal(await page.locator('iframe[src]').count(), 0, 'no iframe has an address yet');
  const backgrounds = await page.evaluate(() => [...document.querySelectorAll('.akkoord-embed')].map((box) => getComputedStyle(box).backgroundImage));
  assert.equal(backgrounds[0], 'none', 'no preview image unless the owner gives one');
  assert.match(backgrounds[1], /^url\("http:\/\/www\.example\.test:\d+\/img\/two\.svg"\)$/, "the owner's own image");
  assert.equal(backgrounds[2], 'none', "an image on the provider's host is not used");
  assert.equal(await page.locator('#one').isVisible(), false);

  await video.getByRole('button', { name: 'Load video' }).click();
  await frameShowing(page, '/embed/one');
  assert.equal(await page.locator('#one').isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'one', 'focus goes on into the loaded embed');
  assert.equal(await page.locator('.akkoord-embed').count(), 2, 'the other placeholders stay');
  assert.equal(await srcOf(page, 'two'), null);
  assert.equal(await srcOf(page, 'map'), null);
  assert.deepEqual(hits, { '/embed/one': 1 });
  const consent = await page.evaluate(() => akkoord.consent());
  assert.equal(consent.marketing, false, 'loading one embed is no consent');
  assert.equal(consent.decided, false);
  assert.equal(await page.locator('akkoord-banner .bar').isVisible(), true, 'the question stays open');
  assert.deepEqual(posts, []);
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a provider the owner added names the placeholder and gives the category its iframes wait for', async () => {
  reset();
  const { context, page, outside } = await open('/own-provider', undefined, 1);
  const talk = placeholder(page, 'Our talk');
  await talk.getByText('PeerTube', { exact: true }).waitFor();
  await talk.getByText('Loading this video lets PeerTube set cookies and see that you visited this page.').waitFor();
  assert.equal(await page.locator('#peer').getAttribute('data-category'), 'analytical', "the owner's category for a tag without one");
  await talk.getByRole('button', { name: 'Allow analytical cookies' }).waitFor();
  assert.equal(await srcOf(page, 'peer'), null);
  await talk.getByRole('button', { name: 'Load video' }).click();
  await frameShowing(page, '/videos/embed/7');
  assert.deepEqual(hits, { '/videos/embed/7': 1 });
  assert.equal((await page.evaluate(() => akkoord.consent())).analytical, false, 'loading it once is no consent');
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('allowing the category from a placeholder is a recorded decision that loads every embed of it, also one added later', async () => {
  reset();
  const { context, page, outside } = await open('/video');
  // An iframe a script adds after load waits behind its own placeholder.
  await page.evaluate(() => window.addPlayer());
  const later = placeholder(page, 'Our playlist');
  await later.getByText('Spotify', { exact: true }).waitFor();
  assert.equal(await srcOf(page, 'later'), null);
  assert.deepEqual(hits, {});

  // By keyboard: on this screen the banner's bar lies over the map's placeholder.
  await placeholder(page, 'Our shop on the map').getByRole('button', { name: 'Allow marketing cookies' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('iframe[src]').length == 4);
  assert.equal(await page.locator('.akkoord-embed').count(), 0);
  assert.equal(await page.locator('akkoord-banner .bar').isVisible(), false, 'a decision closes the banner');
  for (const path of ['/embed/one', '/embed/two', '/maps/embed', '/embed/playlist']) await frameShowing(page, path);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'map', 'focus goes on into the embed whose button was pressed');
  const records = await recordsOf(page, 1);
  assert.deepEqual(records.map((record) => [record.action, record.categories.analytical, record.categories.marketing]), [['custom', false, true]]);

  // A withdrawal (this site reloads after one) brings the placeholders back and loads nothing.
  reset();
  await reloadAfter(page, () => page.evaluate(() => void akkoord.withdraw('marketing')));
  await settled(page);
  await page.locator('.akkoord-embed').nth(2).waitFor({ state: 'visible' });
  assert.equal(await page.locator('iframe[src]').count(), 0);
  assert.deepEqual(hits, {});
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('accepting in the banner loads the embeds; withdrawing without a reload puts them back behind placeholders', async () => {
  const { context, page, outside } = await open('/video-quiet');
  await bannerButton(page, 'Accept all').click();
  await page.waitForFunction(() => document.querySelectorAll('iframe[src]').length == 3 && !document.querySelector('.akkoord-embed'));
  const records = await recordsOf(page, 1);
  assert.deepEqual(records.map((record) => [record.action, record.categories.marketing]), [['accept_all', true]]);
  await page.evaluate(() => window.addPlayer());
  await page.waitForFunction(() => document.querySelector('#later').getAttribute('src'));
  assert.equal(await page.locator('.akkoord-embed').count(), 0, 'an embed of an allowed category needs no placeholder');

  await page.evaluate(() => akkoord.withdraw('marketing'));
  await page.locator('.akkoord-embed').nth(3).waitFor({ state: 'visible' });
  assert.equal(await page.locator('iframe[src]').count(), 0, 'every embed unloaded');
  assert.equal(await page.locator('iframe[data-akkoord-held]').count(), 4);
  await placeholder(page, 'Our playlist').getByText('Spotify', { exact: true }).waitFor();
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the placeholder passes axe and fits a 390 px screen, in the page\'s language', async () => {
  const { context, page } = await open('/video-nl', { viewport: { width: 390, height: 844 } });
  const video = placeholder(page, 'Our product video');
  await video.getByRole('button', { name: 'Video laden' }).waitFor();
  await video.getByRole('button', { name: 'Marketingcookies toestaan' }).waitFor();
  await video.getByText('Als u deze video laadt, kan YouTube cookies plaatsen en zien dat u deze pagina bezocht.').waitFor();
  const fits = await page.evaluate(() =>
    [...document.querySelectorAll('.akkoord-embed')].map((box) => {
      const rect = box.getBoundingClientRect();
      const buttons = [...box.querySelectorAll('button')].map((button) => button.getBoundingClientRect());
      return rect.left >= 0 && rect.right <= 390 && box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight &&
        buttons.every((b) => b.left >= rect.left && b.right <= rect.right && b.bottom <= rect.bottom);
    })
  );
  assert.deepEqual(fits, [true, true, true], 'inside the screen, nothing cut off or scrolled');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  // The banner covers part of the page on a phone; the placeholders are checked as the visitor meets them.
  assert.deepEqual(await axeViolations(page), []);
  await video.getByRole('button', { name: 'Video laden' }).focus();
  const outline = await video.getByRole('button', { name: 'Video laden' }).evaluate((button) => getComputedStyle(button).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a page without embeds does not load the placeholders\' script until a script adds a tagged iframe', async () => {
  reset();
  const { context, page, outside, chunk } = await open('/plain', undefined, 0);
  await page.waitForLoadState('load');
  assert.deepEqual(chunk, [], 'nothing to hold, nothing loaded');
  await page.evaluate(() => window.addPlayer());
  await placeholder(page, 'Our playlist').getByRole('button', { name: 'Load audio' }).waitFor();
  assert.deepEqual(chunk, [PLATFORM + '/akkoord-embeds.js']);
  assert.equal(await srcOf(page, 'later'), null);
  assert.deepEqual(hits, {});
  assert.deepEqual(outside, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
