// Benchmark (not a test): every form of Akkoord's tag beside orestbida/cookieconsent 3.1 (npm vanilla-cookieconsent, a
// dev dependency that is never shipped) and beside an empty script in each tag form, on the same shop page, in the
// same run, measured by one probe on one clock.
//
//   RUNS=20 web-widget/test/e2e/run.sh reference
//
// The forms, each a page of its own:
//   bare              the shop page alone
//   akkoord blocking  <script src=…/akkoord.js data-site=…> first in <head>
//   akkoord async     <script src=…/akkoord/site/<id>.js async> first in <head> (the form the dashboard offers first)
//   akkoord stub      <script src=…/akkoord-defaults.js> (blocking, Consent Mode defaults only), then the async tag
//   cookieconsent 3.1 as its documentation embeds it: the stylesheet linked in <head>, the script and the site's
//                     CookieConsent.run() call at the end of <body>, neither deferred
//   … with embeds     the bare page and the async form with two held YouTube embeds below the text (placeholders)
//   empty …           the same tag forms with empty scripts (another origin, as the platform is; cookieconsent's
//                     form from the page's own origin, as in its embed): what the form costs with nothing in it
//
// Each round loads every page once in a fresh context (own cache, cookies and storage), starting one page further
// along the list each round, so that drift on a shared machine falls on every form alike. The first round only warms.
//
// One probe, injected before any of the page's scripts in every page alike, watches each animation frame: the first
// frame in which the page's own text exists, and the first in which the banner's first layer is visible (its box not
// empty, checkVisibility true; Akkoord's inside its shadow root, cookieconsent's `#cc-main .cm`, counted from the
// frame its show class applies, before its fade-in ends: generous to the reference). Both are animation-frame times;
// Chromium stamps first contentful paint when the frame is presented, a frame or more later, so "presented" is the
// banner's frame time plus that run's own delay from content frame to first contentful paint.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { median, warmPlatform } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 20);
const reference = (file) => readFileSync(createRequire(import.meta.url).resolve('vanilla-cookieconsent/dist/' + file), 'utf8');

// The site's own call, with texts of ours: a first layer with the same three choices as Akkoord's. hideFromBots
// is off because it hides the banner from any automated browser, this one included.
const runReference = `CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'Cookies on this shop', description: 'We would like to measure visits to improve the shop.',
      acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Preferences' },
    preferencesModal: { title: 'Cookie preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all',
      savePreferencesBtn: 'Save choices', sections: [{ title: 'Visit statistics', linkedCategory: 'analytics' }] },
  } } },
});`;

const content = `
<main id="main">
<h1>Spring collection</h1>
<p>Linen shirts, wool coats and leather boots, made to last and repaired for free.</p>
${'<p>Every item is made in small batches by workshops we visit ourselves. We publish what each one costs us to make.</p>\n'.repeat(12)}
</main>`;

/** The shop page with `head` first in its <head> and `tail` last in its <body>. */
const shopPage = (head, tail = '') =>
  `<!doctype html><html lang="en"><head>${head}<meta charset="utf-8"><title>Shop</title></head><body>${content}${tail}</body></html>`;

// Two held embeds below the text: without Akkoord an iframe with only data-src stays empty; with it, each gets a
// placeholder from the second script. Their provider's host resolves to 127.0.0.1 only and is never asked for.
const embeds = '<iframe data-category="marketing" data-src="https://www.youtube-nocookie.com/embed/bench1" width="560" height="315" title="Workshop film"></iframe>'
  + '<iframe data-category="marketing" data-src="https://www.youtube-nocookie.com/embed/bench2" width="560" height="315" title="Repair film"></iframe>';

// Runs in every page before anything else.
const probe = () => {
  const marks = (window.__bench = { shift: 0, contentFrame: null, bannerFrame: null });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (marks.shift += entry.hadRecentInput ? 0 : entry.value))).observe({ type: 'layout-shift', buffered: true });
  const visible = (element) => {
    if (!element || !element.checkVisibility({ visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const banner = () => {
    const host = document.querySelector('akkoord-banner');
    return (host && host.shadowRoot && host.shadowRoot.querySelector('.bar')) || document.querySelector('#cc-main .cm');
  };
  const watch = (now) => {
    if (marks.contentFrame == null && document.querySelector('main h1')) marks.contentFrame = now;
    if (marks.bannerFrame == null && visible(banner())) marks.bannerFrame = now;
    if (marks.bannerFrame == null || marks.contentFrame == null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

const measure = async (browser, url, withBanner) => {
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction((banner) => window.__bench.contentFrame != null && (!banner || window.__bench.bannerFrame != null), withBanner, { timeout: 10000 });
  await tab.waitForTimeout(100); // let late layout shifts report
  const result = await tab.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    const marks = window.__bench;
    return { fcp: paint ? paint.startTime : NaN, dcl: navigation.domContentLoadedEventStart, shift: marks.shift, content: marks.contentFrame, banner: marks.bannerFrame };
  });
  await context.close();
  return result;
};

const browser = await launch(['www.youtube-nocookie.com']);
const pages = await startPages();
const site = await createSite({ name: 'paint reference' });
pages.script('/cc/cookieconsent.umd.js', reference('cookieconsent.umd.js'));
pages.page('/cc/cookieconsent.css', reference('cookieconsent.css'), { 'content-type': 'text/css' });
pages.page('/cc/empty.css', '', { 'content-type': 'text/css' });
pages.script('/empty.js', '');
pages.script('/empty-stub.js', '');
pages.script('/empty-async.js', '');
const cdn = (path) => pages.url('cdn.example.test', path);
const stub = `<script src="${PLATFORM}/akkoord-defaults.js"></script>`;
const perSite = `<script src="${PLATFORM}/akkoord/site/${site.id}.js" async></script>`;

// `control` names the empty form a banner's form is read against; `banner` whether a run waits for a banner.
const forms = [
  { name: 'bare page', path: '/bare', html: shopPage('') },
  { name: 'Akkoord blocking', path: '/akkoord-blocking', html: shopPage(`<script src="${PLATFORM}/akkoord.js" data-site="${site.id}"></script>`), banner: true, control: 'empty blocking' },
  { name: 'Akkoord async (per-site)', path: '/akkoord-async', html: shopPage(perSite), banner: true, control: 'empty async' },
  { name: 'Akkoord stub + async', path: '/akkoord-stub', html: shopPage(stub + perSite), banner: true, control: 'empty stub + async' },
  { name: 'bare page with embeds', path: '/bare-embeds', html: shopPage('', embeds) },
  { name: 'Akkoord async with embeds', path: '/akkoord-async-embeds', html: shopPage(perSite, embeds), banner: true, control: 'empty async' },
  {
    name: 'cookieconsent 3.1',
    path: '/cookieconsent',
    html: shopPage('<link rel="stylesheet" href="/cc/cookieconsent.css">', `<script src="/cc/cookieconsent.umd.js"></script><script>${runReference}</script>`),
    banner: true,
    control: 'empty css + end of body',
  },
  { name: 'empty blocking', path: '/empty-blocking', html: shopPage(`<script src="${cdn('/empty.js')}"></script>`) },
  { name: 'empty async', path: '/empty-async', html: shopPage(`<script src="${cdn('/empty-async.js')}" async></script>`) },
  { name: 'empty stub + async', path: '/empty-stub', html: shopPage(`<script src="${cdn('/empty-stub.js')}"></script><script src="${cdn('/empty-async.js')}" async></script>`) },
  { name: 'empty css + end of body', path: '/empty-end', html: shopPage('<link rel="stylesheet" href="/cc/empty.css">', '<script src="/empty.js"></script>') },
];
forms.forEach(({ path, html }) => pages.page(path, html));

await warmPlatform(site.id);
for (let i = 0; i < 100; i++) await (await fetch(PLATFORM + '/akkoord-defaults.js', { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();

const runs = new Map(forms.map((form) => [form.name, []]));
for (let round = -1; round < RUNS; round++) {
  for (let k = 0; k < forms.length; k++) {
    const form = forms[(k + Math.max(round, 0)) % forms.length];
    const run = await measure(browser, pages.url('www.example.test', form.path), !!form.banner);
    if (round >= 0) runs.get(form.name).push(run); // the first round only warms the browser
  }
}
const version = browser.version();
await browser.close();
await pages.close();

const med = (name, pick) => median(runs.get(name).map(pick));
const bare = { fcp: med('bare page', (run) => run.fcp), dcl: med('bare page', (run) => run.dcl) };
const bannerFrame = (name) => med(name, (run) => run.banner);
const bannerPresented = (name) => med(name, (run) => run.banner + (run.fcp - run.content));
const cc = { frame: bannerFrame('cookieconsent 3.1'), presented: bannerPresented('cookieconsent 3.1') };
const ms = (value) => (value == null || Number.isNaN(value) ? '' : value.toFixed(1));
const signed = (value) => (value >= 0 ? '+' : '') + value.toFixed(1);

const header = ['form', 'banner frame', 'banner presented', '÷ cc', 'FCP', 'FCP − bare', 'DCL − bare', 'control DCL − bare', 'CLS'];
const rows = forms.map(({ name, banner, control }) => [
  name,
  banner ? ms(bannerFrame(name)) : '',
  banner ? ms(bannerPresented(name)) : '',
  banner ? (bannerPresented(name) / cc.presented).toFixed(2) + '×' : '',
  ms(med(name, (run) => run.fcp)),
  signed(med(name, (run) => run.fcp) - bare.fcp),
  signed(med(name, (run) => run.dcl) - bare.dcl),
  control ? signed(med(control, (run) => run.dcl) - bare.dcl) : '',
  med(name, (run) => run.shift).toFixed(4),
]);
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells) => '| ' + cells.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ') + ' |';
console.log(`RUNS=${RUNS} web-widget/test/e2e/run.sh reference`);
console.log(`Medians over ${RUNS} fresh contexts per form (forms rotated each round), headless Chromium ${version}, pages on 127.0.0.1, platform ${PLATFORM}; times in ms from navigation start`);
console.log(line(header));
console.log('|' + widths.map((width, i) => (i ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2))).join('|') + '|');
rows.forEach((row) => console.log(line(row)));
const bareEmbedsFcp = med('bare page with embeds', (run) => run.fcp);
console.log(`Akkoord async with embeds: banner presented ${signed(bannerPresented('Akkoord async with embeds') - bareEmbedsFcp)} ms `
  + `after the bare page with embeds' first contentful paint (the async form on the page without: ${signed(bannerPresented('Akkoord async (per-site)') - bare.fcp)} ms after the bare page's)`);
