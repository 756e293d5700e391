// Compares banner builds on the paint benchmark's page under the same machine load: one context per build in
// turn (and one of the bare page), RUNS rounds, medians. On a shared machine the load changes from minute to
// minute; comparing builds run at different times says more about the load than about the builds.
//
//   web-widget/test/e2e/run.sh compare main=/tmp/akkoord-main.js branch=web-widget/dist/akkoord.js served=platform
//
// A proxy in front of the platform serves each build as /akkoord-<name>.js (gzip, as the platform does) and
// forwards everything else, so every build talks to the same platform from the same origin. A build given as
// `platform` is the script the platform itself serves (/akkoord.js through the proxy): the difference to the same
// build from a file is what serving it from the platform costs; one given as `direct` is the page exactly as the
// paint benchmark has it (the platform's /akkoord.js, no proxy).

import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { launch } from '../test/e2e/support/browser.mjs';
import { startPages } from '../test/e2e/support/pages.mjs';
import { createSite, PLATFORM } from '../test/e2e/support/platform.mjs';
import { bannerOnScreen, measure, median, shopPage } from './shop.mjs';

const RUNS = Number(process.env.RUNS || 20);
const builds = process.argv.slice(2).map((argument) => {
  const [name, file] = argument.split('=');
  if (!/^\w+$/.test(name) || !file) throw new Error('usage: compare.mjs NAME=path/to/akkoord.js|platform …');
  if (file == 'direct') return { name, direct: true };
  return { name, body: file == 'platform' ? null : gzipSync(readFileSync(file)) };
});

const platform = new URL(PLATFORM);
const proxy = http.createServer((request, response) => {
  const build = builds.find((candidate) => !candidate.direct && request.url == `/akkoord-${candidate.name}.js`);
  if (build && !build.body) request.url = '/akkoord.js';
  else if (build) {
    response.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'timing-allow-origin': '*',
    });
    response.end(build.body);
    return;
  }
  const upstream = http.request(
    { host: platform.hostname, port: platform.port, method: request.method, path: request.url, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    }
  );
  upstream.on('error', () => request.socket.destroy());
  request.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + proxy.address().port;

const browser = await launch();
const pages = await startPages();
const site = await createSite({ name: 'paint comparison' });
pages.page('/bare', shopPage(''));
for (const { name, direct } of builds) {
  const src = direct ? PLATFORM + '/akkoord.js' : `${origin}/akkoord-${name}.js`;
  pages.page('/' + name, shopPage(`<script src="${src}" data-site="${site.id}"></script>`));
}
const url = (path) => pages.url('www.example.test', path);

await measure(browser, url('/bare'), false);
for (const { name } of builds) await measure(browser, url('/' + name), true);
const runs = { bare: [] };
builds.forEach(({ name }) => (runs[name] = []));
for (let i = 0; i < RUNS; i++) {
  runs.bare.push(await measure(browser, url('/bare'), false));
  for (const { name } of builds) runs[name].push(await measure(browser, url('/' + name), true));
}
await browser.close();
await pages.close();
proxy.close();

const bareFcp = median(runs.bare.map((run) => run.fcp));
console.log(`Medians over ${RUNS} rounds of fresh contexts (bare page, then each build), ms; bare page FCP ${bareFcp.toFixed(1)}`);
console.log('build'.padEnd(12) + 'own FCP'.padStart(10) + 'banner'.padStart(10) + 'banner − bare FCP'.padStart(20) + 'DCL'.padStart(10));
for (const { name } of builds) {
  const of = (key) => median(runs[name].map((run) => run[key]));
  const shown = median(runs[name].map(bannerOnScreen));
  console.log(name.padEnd(12) + of('fcp').toFixed(1).padStart(10) + shown.toFixed(1).padStart(10) + (shown - bareFcp).toFixed(1).padStart(20) + of('dcl').toFixed(1).padStart(10));
}
