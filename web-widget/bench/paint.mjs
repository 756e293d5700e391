// Benchmark (not a test): how soon the banner is visible compared with the first contentful paint of
// the same page without it, and what it costs the page (layout shift, DOMContentLoaded delay).
// Medians over RUNS fresh browser contexts (own cache and cookies), both pages in the same run.
//
//   AKKOORD_URL=http://127.0.0.1:8080 AKKOORD_ADMIN_TOKEN=… node bench/paint.mjs
//   (or: web-widget/test/e2e/run.sh bench, which starts a platform for it)

import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { measure, median, shopPage as page } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 20);

const browser = await launch();
const pages = await startPages();
const site = await createSite({ name: 'paint benchmark' });
pages.page('/bare', page(''));
pages.page('/banner', page(`<script src="${PLATFORM}/akkoord.js" data-site="${site.id}"></script>`));
const bareUrl = pages.url('www.example.test', '/bare');
const bannerUrl = pages.url('www.example.test', '/banner');

// One warm-up of each so that the platform's caches (banner config in Redis) are not what is measured.
await measure(browser, bareUrl, false);
await measure(browser, bannerUrl, true);

const bare = [];
const banner = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(await measure(browser, bareUrl, false));
  banner.push(await measure(browser, bannerUrl, true));
}
await browser.close();
await pages.close();

const ms = (value) => value.toFixed(1) + ' ms';
const rows = [
  ['bare page: first contentful paint', ms(median(bare.map((run) => run.fcp)))],
  ['banner page: first contentful paint', ms(median(banner.map((run) => run.fcp)))],
  ['banner page: banner visible (first frame with the banner)', ms(median(banner.map((run) => run.banner)))],
  ['banner visible − bare FCP (target ≤ 30 ms)', ms(median(banner.map((run) => run.banner)) - median(bare.map((run) => run.fcp)))],
  ['bare page: DOMContentLoaded', ms(median(bare.map((run) => run.dcl)))],
  ['banner page: DOMContentLoaded', ms(median(banner.map((run) => run.dcl)))],
  ['DOMContentLoaded delay', ms(median(banner.map((run) => run.dcl)) - median(bare.map((run) => run.dcl)))],
  ['layout shift, banner page (max over runs)', Math.max(...banner.map((run) => run.shift)).toFixed(4)],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`Medians over ${RUNS} fresh contexts each, headless Chromium, pages on 127.0.0.1, platform ${PLATFORM}`);
for (const [name, value] of rows) console.log(name.padEnd(width + 2) + value.padStart(10));
