// Where a tag form's time goes on the page's main thread, from a Chromium trace of fresh contexts (not the benchmark:
// tracing slows everything down a little, alike for every form). For each form, medians over RUNS loads of the main
// thread's busy time before the page's DOMContentLoaded and before its first contentful paint, split into the banner's
// own scripts (compile and run, from its URL), style and layout, paint, the page's HTML parsing, and the rest.
//
//   RUNS=10 web-widget/test/e2e/run.sh trace            (all forms)
//   FORMS=stub,async web-widget/test/e2e/run.sh trace   (some of them)
//   DETAIL=stub web-widget/test/e2e/run.sh trace        (and the main thread's events of one load of that form)

import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { median, shopPage, warmPlatform } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 10);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'];

const browser = await launch();
const pages = await startPages();
const site = await createSite({ name: 'paint trace' });
const perSite = `<script src="${PLATFORM}/akkoord/site/${site.id}.js" async></script>`;
const all = {
  bare: '',
  blocking: `<script src="${PLATFORM}/akkoord.js" data-site="${site.id}"></script>`,
  async: perSite,
  stub: `<script src="${PLATFORM}/akkoord-defaults.js"></script>` + perSite,
};
const forms = process.env.FORMS ? process.env.FORMS.split(',') : Object.keys(all);
forms.forEach((form) => pages.page('/' + form, shopPage(all[form])));

const bucket = (event) => {
  const data = (event.args && (event.args.data || event.args.beginData)) || {};
  const url = data.url || data.scriptName || '';
  if (url.startsWith(PLATFORM)) return 'banner script';
  if (/^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet)$/.test(event.name)) return 'style + layout';
  if (/^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers)$/.test(event.name)) return 'paint';
  if (event.name == 'ParseHTML') return 'HTML parsing';
  return 'other';
};
const BUCKETS = ['banner script', 'style + layout', 'paint', 'HTML parsing', 'other'];

/**
 * The self time of every complete event on the page's renderer main thread, with times relative to navigation start.
 * An event without a bucket of its own (a task, a V8 internal) takes its parent's: V8's compile inside the banner's
 * EvaluateScript is the banner's.
 */
const mainThread = (trace, pageUrl) => {
  const events = JSON.parse(trace.toString()).traceEvents;
  const parse = events.find((event) => event.name == 'ParseHTML' && event.args.beginData && event.args.beginData.url == pageUrl);
  const onPage = (event) => event.pid == parse.pid && event.tid == parse.tid;
  const start = Math.max(...events.filter((event) => event.pid == parse.pid && event.name == 'navigationStart' && event.ts <= parse.ts).map((event) => event.ts));
  const mark = (name) => (events.filter((event) => event.pid == parse.pid && event.name == name && event.ts >= parse.ts).sort((a, b) => a.ts - b.ts)[0] || {}).ts;
  const complete = events.filter((event) => onPage(event) && event.ph == 'X' && event.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  const stack = [];
  for (const event of complete) {
    while (stack.length && stack[stack.length - 1].end <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const own = bucket(event);
    const item = { name: event.name, bucket: own == 'other' && parent ? parent.bucket : own, at: (event.ts - start) / 1000, ms: event.dur / 1000, self: event.dur / 1000, end: event.ts + event.dur, url: (event.args.data || event.args.beginData || {}).url || '' };
    if (parent) parent.self -= item.ms;
    stack.push(item);
    out.push(item);
  }
  return { events: out, dcl: (mark('domContentLoadedEventStart') - start) / 1000, fcp: (mark('firstContentfulPaint') - start) / 1000 };
};

/** Busy time per bucket before `until` (an event that straddles it counts up to it). */
const busy = (events, until) => {
  const sums = Object.fromEntries(BUCKETS.map((name) => [name, 0]));
  for (const event of events) if (event.at < until) sums[event.bucket] += Math.max(0, event.self) * Math.min(1, (until - event.at) / event.ms);
  return sums;
};

await warmPlatform(site.id);
for (let i = 0; i < 100; i++) await (await fetch(PLATFORM + '/akkoord-defaults.js', { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
const results = new Map(forms.map((form) => [form, []]));
let detail = null;
for (let round = -1; round < RUNS; round++) {
  for (let k = 0; k < forms.length; k++) {
    const form = forms[(k + Math.max(round, 0)) % forms.length];
    const context = await browser.newContext();
    const tab = await context.newPage();
    const url = pages.url('www.example.test', '/' + form);
    await browser.startTracing(tab, { categories: CATEGORIES });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForTimeout(300);
    const trace = mainThread(await browser.stopTracing(), url);
    await context.close();
    if (round < 0) continue;
    results.get(form).push(trace);
    if (form == process.env.DETAIL && !detail) detail = trace;
  }
}
await browser.close();
await pages.close();

console.log(`RUNS=${RUNS} web-widget/test/e2e/run.sh trace: main-thread busy ms (medians), traced loads of fresh contexts`);
const header = ['form', 'DCL', 'FCP', ...BUCKETS.map((name) => name + ' <DCL'), ...BUCKETS.map((name) => name + ' <FCP')];
console.log(header.join(' | '));
for (const [form, traces] of results) {
  const cells = [median(traces.map((t) => t.dcl)), median(traces.map((t) => t.fcp))];
  for (const mark of ['dcl', 'fcp']) for (const name of BUCKETS) cells.push(median(traces.map((t) => busy(t.events, t[mark])[name])));
  console.log([form, ...cells.map((value) => value.toFixed(1))].join(' | '));
}
if (detail) {
  console.log(`\nOne load of ${process.env.DETAIL}: DCL ${detail.dcl.toFixed(1)} ms, FCP ${detail.fcp.toFixed(1)} ms; main-thread events with ≥ 0.3 ms self time`);
  for (const event of detail.events.filter((event) => event.self >= 0.3 && event.at < detail.fcp + 100)) {
    console.log(`${event.at.toFixed(1).padStart(7)} ${event.self.toFixed(2).padStart(6)} self of ${event.ms.toFixed(2).padStart(6)}  ${event.bucket.padEnd(14)} ${event.name} ${event.url.replace(PLATFORM, '')}`);
  }
}
