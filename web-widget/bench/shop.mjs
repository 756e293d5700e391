// The benchmark's shop page, the banner's tag on it, the platform's warm-up, the measurement of one fresh
// context, and its statistics; shared by paint.mjs, profile.mjs, reference.mjs and compare.mjs.

import { PLATFORM } from '../test/e2e/support/platform.mjs';

const content = `
<main id="main">
<h1>Spring collection</h1>
<p>Linen shirts, wool coats and leather boots, made to last and repaired for free.</p>
${'<p>Every item is made in small batches by workshops we visit ourselves. We publish what each one costs us to make.</p>\n'.repeat(12)}
</main>`;

/** Which form of the banner's tag is measured: blocking (the default), async, site or site-async. */
export const EMBED = process.env.EMBED || 'blocking';

/** A script tag for `src` in the form EMBED names (blocking or async), with fetchpriority where PRIORITY sets it. */
export const scriptTag = (src, attributes = '') =>
  `<script src="${src}"${attributes}${EMBED.endsWith('async') ? ' async' : ''}` +
  `${process.env.PRIORITY ? ` fetchpriority="${process.env.PRIORITY}"` : ''}></script>`;

/** The banner's tag in the form EMBED names. */
export const bannerTag = (siteId) =>
  EMBED.startsWith('site') ? scriptTag(`${PLATFORM}/akkoord/site/${siteId}.js`) : scriptTag(`${PLATFORM}/akkoord.js`, ` data-site="${siteId}"`);

/**
 * A platform in service has answered these requests many times over: warm its JIT and its caches first, so that a
 * freshly started JVM is not what is measured. The shared script is asked for as the shop's pages ask for it.
 */
export const warmPlatform = async (siteId) => {
  const page = { referer: 'http://www.example.test/', 'accept-encoding': 'gzip' };
  for (let i = 0; i < 300; i++) {
    await (await fetch(PLATFORM + '/akkoord.js', { headers: page })).arrayBuffer();
    await (await fetch(`${PLATFORM}/api/v1/sites/${siteId}/banner?lang=en`, { headers: { origin: 'http://www.example.test' } })).arrayBuffer();
    await (await fetch(`${PLATFORM}/akkoord/site/${siteId}.js`, { headers: page })).arrayBuffer();
  }
};

/** The shop page with `head` first in its <head> (the banner's tag, or nothing for the bare page). */
export const shopPage = (head) => `<!doctype html><html lang="en"><head>${head}<meta charset="utf-8"><title>Shop</title></head><body>${content}</body></html>`;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Runs in the page before anything else: records layout shifts, the first frame in which the page's own text
// exists and the first in which the banner's first layer does. A frame's rAF callbacks run right before it is
// painted, but Chromium stamps first-contentful-paint when the frame is presented, a frame or more later: so
// frames are compared with frames and paints with paints, never a frame with a paint.
const probe = () => {
  window.__bench = { shift: 0, contentFrame: null, bannerFrame: null };
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.__bench.shift += entry.hadRecentInput ? 0 : entry.value))).observe({ type: 'layout-shift', buffered: true });
  const watch = (now) => {
    const marks = window.__bench;
    if (marks.contentFrame == null && document.querySelector('main h1')) marks.contentFrame = now;
    const host = document.querySelector('akkoord-banner');
    const bar = host && host.shadowRoot && host.shadowRoot.querySelector('.bar');
    // The reference banner (cookieconsent 3, see reference.mjs) shows its first layer by a class on <html>.
    const reference = document.documentElement.classList.contains('show--consent') && document.querySelector('#cc-main .cm');
    if ((bar && !bar.hidden) || reference) marks.bannerFrame = now;
    const done = marks.bannerFrame != null || (marks.contentFrame != null && !document.querySelector('script[src*="/akkoord"], script[src*="/cc/"]'));
    if (!done) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

/**
 * When the banner of a measured run reached the screen: its page's first contentful paint, plus the frames between
 * the page's first text and the banner (none where both came in one frame).
 */
export const bannerOnScreen = (run) => run.fcp + (run.banner - Math.min(run.content ?? run.banner, run.banner));

export const measure = async (browser, url, withBanner) => {
  const context = await browser.newContext();
  await context.addInitScript(probe);
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction((banner) => window.__bench[banner ? 'bannerFrame' : 'contentFrame'] != null, withBanner, { timeout: 10000 });
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
