// Visits pages of a site in headless Debian Chromium, each in a fresh context, and prints as JSON the cookies each
// context holds after load + 2 s, with the page's errors, the requests it made and the links of the rendered page.
// Nothing leaves 127.0.0.1.
//   node test/fixture-shop/visit.mjs http://127.0.0.1:PORT / /products /no-banner

import { chromium } from 'playwright-core';

const [origin, ...paths] = process.argv.slice(2);
if (!origin || paths.length == 0) {
  console.error('usage: node test/fixture-shop/visit.mjs ORIGIN PATH...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});

const visits = [];
try {
  for (const path of paths) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
    page.on('request', (request) => {
      const url = new URL(request.url());
      requests.push(request.method() + ' ' + (url.origin == origin ? url.pathname + url.search : url.href));
    });
    await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    const cookies = (await context.cookies()).map(({ name, domain, path, httpOnly }) => ({ name, domain, path, httpOnly }));
    cookies.sort((a, b) => a.name.localeCompare(b.name));
    const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')));
    visits.push({ path, cookies, errors, requests, links });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(visits, null, 2));
