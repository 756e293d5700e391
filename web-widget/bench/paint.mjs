// Benchmark (not a test): how soon the banner is visible compared with the first paint of the same page
// without it (frame against frame, and presented paint against presented paint), and what it costs the page
// (layout shift, delay of its own first paint and of DOMContentLoaded). Medians over RUNS fresh browser
// contexts (own cache and cookies), both pages in the same run.
//
//   AKKOORD_URL=http://127.0.0.1:8080 AKKOORD_ADMIN_TOKEN=… node bench/paint.mjs
//   EMBED=async …        the shared script's tag with the async attribute instead of the blocking one
//   EMBED=site …         the per-site script (/akkoord/site/<id>.js, config inside), blocking
//   EMBED=site-async …   the per-site script with the async attribute
//   PRIORITY=high …      adds fetchpriority="high" to the tag (Chromium fetches async scripts at low priority)
//   (or: web-widget/test/e2e/run.sh bench, which starts a platform for it)

import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { bannerOnScreen, bannerTag, EMBED, measure, median, shopPage as page, warmPlatform } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 20);

const browser = await launch();
const pages = await startPages();
const site = await createSite({ name: 'paint benchmark' });
pages.page('/bare', page(''));
pages.page('/banner', page(bannerTag(site.id)));
const bareUrl = pages.url('www.example.test', '/bare');
const bannerUrl = pages.url('www.example.test', '/banner');

// The platform first, then one page view of each warms the browser.
await warmPlatform(site.id);
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
const bareFrame = median(bare.map((run) => run.content));
const bannerFrame = median(banner.map((run) => run.banner));
const bareFcp = median(bare.map((run) => run.fcp));
const bannerShown = median(banner.map(bannerOnScreen));
const rows = [
  ['bare page: first contentful paint (on screen)', ms(bareFcp)],
  ['banner page: first contentful paint (on screen)', ms(median(banner.map((run) => run.fcp)))],
  ['banner page: banner on screen', ms(bannerShown)],
  ['banner on screen − bare FCP (target ≤ 30 ms)', ms(bannerShown - bareFcp)],
  ['runs where text and banner came in one frame', banner.filter((run) => run.content == null || run.content >= run.banner).length + '/' + RUNS],
  ['bare page: first frame with its text (rAF)', ms(bareFrame)],
  ['banner page: first frame with the banner (rAF)', ms(bannerFrame)],
  ['bare page: DOMContentLoaded', ms(median(bare.map((run) => run.dcl)))],
  ['banner page: DOMContentLoaded', ms(median(banner.map((run) => run.dcl)))],
  ['DOMContentLoaded delay', ms(median(banner.map((run) => run.dcl)) - median(bare.map((run) => run.dcl)))],
  ['layout shift, banner page (max over runs)', Math.max(...banner.map((run) => run.shift)).toFixed(4)],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`Medians over ${RUNS} fresh contexts each, headless Chromium, pages on 127.0.0.1, platform ${PLATFORM}, tag: ${EMBED}`);
for (const [name, value] of rows) console.log(name.padEnd(width + 2) + value.padStart(10));
