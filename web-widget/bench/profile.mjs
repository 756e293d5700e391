// Where the banner's time goes on the benchmark's page (not the benchmark: its probe adds a little work of its
// own). Medians over RUNS fresh contexts of: the script's download, its first statement, the config request,
// the banner's host element in the DOM, and the first frame with the banner, against the page's own paints.
//
//   [EMBED=async|site|site-async] web-widget/test/e2e/run.sh profile   (tags as in paint.mjs)

import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { bannerTag, median, shopPage } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 20);

const probe = () => {
  const marks = (window.__profile = {});
  let api;
  // The script's first statement reads window.akkoord and its second sets it.
  Object.defineProperty(window, 'akkoord', {
    configurable: true,
    get: () => api,
    set: (value) => {
      marks.scriptRuns = performance.now();
      api = value;
    },
  });
  new MutationObserver((records, observer) => {
    if (document.querySelector('akkoord-banner')) {
      marks.hostInserted = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const watch = (now) => {
    const host = document.querySelector('akkoord-banner');
    const bar = host && host.shadowRoot && host.shadowRoot.querySelector('.bar');
    if (bar && !bar.hidden) marks.bannerFrame = now;
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

const measure = async (browser, url) => {
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction(() => window.__profile.bannerFrame != null, null, { timeout: 10000 });
  const result = await tab.evaluate(() => {
    const resource = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part)) || {};
    const script = resource('/akkoord');
    const config = resource('/banner');
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      'HTML response end': navigation.responseEnd,
      'script request start': script.startTime,
      'script connected': script.connectEnd,
      'script response start': script.responseStart,
      'script response end': script.responseEnd,
      'script runs (first statement)': window.__profile.scriptRuns,
      'config request start': config.startTime,
      'config connected': config.connectEnd,
      'config response start': config.responseStart,
      'config response end': config.responseEnd,
      'DOMContentLoaded': navigation.domContentLoadedEventStart,
      'first contentful paint': paint ? paint.startTime : NaN,
      'banner host in the DOM': window.__profile.hostInserted,
      'first frame with the banner': window.__profile.bannerFrame,
      // Marks a diagnostic build of the banner may set (performance.mark('ak:…')).
      ...Object.fromEntries(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('ak:')).map((mark) => [mark.name, mark.startTime])),
    };
  });
  await context.close();
  return result;
};

const browser = await launch();
const pages = await startPages();
const site = await createSite({ name: 'paint profile' });
pages.page('/banner', shopPage(bannerTag(site.id)));
const url = pages.url('www.example.test', '/banner');
await measure(browser, url);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url));
await browser.close();
await pages.close();

// The same steps as intervals, each taken per run and then the median: less noisy than differences of medians.
const STEPS = [
  ['script: request to response end', 'script request start', 'script response end'],
  ['script: response end to first statement (compile, run)', 'script response end', 'script runs (first statement)'],
  ['first statement to config request', 'script runs (first statement)', 'config request start'],
  ['config: request to response end', 'config request start', 'config response end'],
  ['config response end to banner in the DOM', 'config response end', 'banner host in the DOM'],
  ['banner in the DOM to its first frame', 'banner host in the DOM', 'first frame with the banner'],
  ['first frame with the banner - own FCP', 'first contentful paint', 'first frame with the banner'],
];

const print = (title, rows) => {
  console.log(title);
  const width = Math.max(...rows.map((row) => row[0].length));
  // A step the page did not take (no config request where the script carried the config) shows as a dash.
  for (const [name, value] of rows) console.log('  ' + name.padEnd(width + 2) + (Number.isFinite(value) ? value.toFixed(1) : '—').padStart(8));
};
const names = Object.keys(runs[0]).sort((a, b) => median(runs.map((run) => run[a])) - median(runs.map((run) => run[b])));
print(`Medians over ${RUNS} fresh contexts, ms since navigation start (platform ${PLATFORM})`, names.map((name) => [name, median(runs.map((run) => run[name]))]));
print('Steps (median of per-run intervals, ms)', STEPS.map(([name, from, to]) => [name, median(runs.map((run) => run[to] - run[from]))]));
