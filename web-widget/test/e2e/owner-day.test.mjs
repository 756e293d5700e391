// A site owner's day in the dashboard, in headless Chromium at phone and desktop widths: a site that cannot be
// reached, a site that starts to set a new cookie (its alert caught by an SMTP server and a webhook listener this
// test starts), the cookie and site settings forms, the questions before destructive actions, and every page
// checked for horizontal scrolling and accessibility. Starts its own platform from the packaged jar
// (`./mvnw -B package -DskipTests` first), with its mail going to the test's SMTP server.
// Run: node --test test/e2e/owner-day.test.mjs (AKKOORD_SCREENSHOTS=<directory> keeps a full-page screenshot of
// every page at both widths there).

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startSmtpServer, startWebhookListener } from './support/alert-receivers.mjs';
import { ADMIN_TOKEN, axeViolations, launchBrowser, startPlatform, startSitePages } from './support/dashboard-platform.mjs';

const OPERATOR = { email: 'operator@example.test', password: 'a-long-operator-password' };
const OWNER = { email: 'owner@example.test', temporary: 'temporary-password-1' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let smtp;
let hooks;
let platform;
let shop; // the site pages of the growing shop
let browser;
let operator;
let closedPort; // a port on 127.0.0.1 where nothing listens
let closedSiteId;
let shopSiteId;
let shopSetsAnalytics = false;

const siteUrl = (id, path = '') => platform.url + '/dashboard/sites/' + id + path;
/** How far the page, or the widest of its scrolling table boxes, reaches past its width: 0 when all fits. */
const horizontalOverflow = (page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth - window.innerWidth,
  ...[...document.querySelectorAll('.table-scroll')].map((box) => box.scrollWidth - box.clientWidth)));
/** The innermost elements that reach past the right edge of the window or their scrolling box. */
const widest = (page) => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((element) => element.getBoundingClientRect().right > Math.min(window.innerWidth,
    element.closest('.table-scroll')?.getBoundingClientRect().right ?? Infinity) + 1
    && ![...element.children].some((child) => child.getBoundingClientRect().right > Math.min(window.innerWidth,
      child.closest('.table-scroll')?.getBoundingClientRect().right ?? Infinity) + 1))
  .slice(0, 5)
  .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
    + (element.className ? '.' + String(element.className).split(' ').join('.') : '')
    + ' ' + Math.round(element.getBoundingClientRect().right) + 'px'));
const expectNoAxeViolations = async (page, what) => {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], what + ' has accessibility violations: ' + JSON.stringify(violations, null, 1));
};

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const registerSite = async (name, domains) => {
  await operator.goto(platform.url + '/dashboard/sites');
  await operator.getByLabel('Name').fill(name);
  await operator.getByLabel('Domains').fill(domains);
  await operator.getByRole('button', { name: 'Register site' }).click();
  await operator.getByRole('heading', { name: 'New API key' }).waitFor();
  return /data-site="([0-9a-f-]{36})"/.exec(await operator.locator('#snippet').textContent())[1];
};

/** Starts a scan from the Scans page and waits for its end; answers what the progress line said. */
const scanNow = async (siteId) => {
  await operator.goto(siteUrl(siteId, '/scans'));
  await operator.getByRole('button', { name: 'Scan now' }).click();
  const status = operator.locator('#scan-status', { hasText: /^Scan (done|partial|failed)/ });
  await status.waitFor({ timeout: 90000 });
  const said = await status.textContent();
  // The page reloads itself with the finished scan in its history.
  await operator.locator('table.history').waitFor({ timeout: 10000 });
  await operator.waitForFunction(() => !document.getElementById('scan-progress'));
  return said;
};

before(async () => {
  smtp = await startSmtpServer();
  hooks = await startWebhookListener();
  platform = await startPlatform({
    env: {
      AKKOORD_ALERTS_MAIL: 'smtp', AKKOORD_ALERTS_MAIL_FROM: 'akkoord@example.test',
      QUARKUS_MAILER_HOST: '127.0.0.1', QUARKUS_MAILER_PORT: String(smtp.port),
    },
  });
  // The shop sets a session cookie from the server; once it "adds analytics" its page writes _ga from JavaScript.
  shop = await startSitePages({
    '/': () => ({
      html: `<!DOCTYPE html><html lang="en"><head><title>Shop</title>${shopSetsAnalytics
        ? '<script>document.cookie = "_ga=GA1.1.42.42; max-age=63072000; path=/";</script>' : ''}</head>
<body><a href="/about">About</a></body></html>`,
      cookies: ['PHPSESSID=s1; Path=/; HttpOnly'],
    }),
    '/about': () => '<!DOCTYPE html><html lang="en"><head><title>About</title></head><body><a href="/">Home</a></body></html>',
  });
  closedPort = await freePort();
  browser = await launchBrowser();
  operator = await (await browser.newContext({ bypassCSP: true, viewport: DESKTOP })).newPage();

  // The operator's first sign-in with the token, then an owner account that receives the sites' alerts.
  await operator.goto(platform.url + '/dashboard/login');
  await operator.getByLabel('E-mail address').fill('admin');
  await operator.getByLabel('Password').fill(ADMIN_TOKEN);
  await operator.getByRole('button', { name: 'Sign in' }).click();
  await operator.waitForURL(/\/dashboard\/account$/);
  await operator.getByLabel('E-mail address').fill(OPERATOR.email);
  await operator.getByLabel('New password', { exact: true }).fill(OPERATOR.password);
  await operator.getByLabel('New password again').fill(OPERATOR.password);
  await operator.getByRole('button', { name: 'Save' }).click();
  await operator.waitForURL(/\/dashboard\/sites$/);
  await operator.goto(platform.url + '/dashboard/accounts');
  await operator.getByLabel('E-mail address').fill(OWNER.email);
  await operator.getByLabel('Temporary password').fill(OWNER.temporary);
  await operator.getByRole('button', { name: 'Add account' }).click();
  await operator.getByText('Account ' + OWNER.email + ' added.').waitFor();
});

after(async () => {
  await browser?.close();
  await shop?.stop();
  await platform?.stop();
  await hooks?.stop();
  await smtp?.stop();
});

const grantOwner = async (siteId) => {
  await operator.goto(platform.url + '/dashboard/accounts');
  await operator.getByLabel('Site to give ' + OWNER.email + ' access to').selectOption(siteId);
  await operator.getByRole('button', { name: 'Give access' }).click();
  await operator.waitForURL(/\/dashboard\/accounts$/);
};

test('a domain that cannot be scanned is refused when the site is saved, with the reason', async () => {
  await operator.goto(platform.url + '/dashboard/sites');
  const sitesBefore = await operator.locator('table.sites tbody tr').count();
  await operator.getByLabel('Name').fill('Odd address');
  await operator.getByLabel('Domains').fill('127.2:18401');
  await operator.getByRole('button', { name: 'Register site' }).click();
  const refusal = await operator.locator('[role=alert]').textContent();
  assert.match(refusal, /'127\.2:18401' cannot be scanned: a host ending in a number is an IP address/);
  assert.equal(await operator.locator('table.sites tbody tr').count(), sitesBefore);
  await operator.getByLabel('Name').fill('Odd port');
  await operator.getByLabel('Domains').fill('shop.example.test:70000');
  await operator.getByRole('button', { name: 'Register site' }).click();
  assert.match(await operator.locator('[role=alert]').textContent(), /port 70000, which does not exist/);
});

test('a site that cannot be reached: the scan fails with its reason on every page, the old list is not called clean, and the owner is told', async () => {
  closedSiteId = await registerSite('Closed shop', '127.0.0.1:' + closedPort);
  await grantOwner(closedSiteId);

  const said = await scanNow(closedSiteId);
  assert.match(said, /^Scan failed: /);
  const history = operator.locator('table.history tbody tr').first();
  assert.match(await history.textContent(), /failed[\s\S]*cannot be reached|failed[\s\S]*refused/i);
  assert.match(await history.textContent(), /the cookie list stays as it was/);
  for (const path of ['/scans', '/cookies']) {
    await operator.goto(siteUrl(closedSiteId, path));
    const trouble = await operator.locator('#scan-trouble').textContent();
    assert.match(trouble, /The latest scan failed/, path);
    assert.match(trouble, /No scan has read the site yet, so no cookies are known: this is\s+not a sign that the site sets none/, path);
    assert.equal(await operator.locator('#scan-trouble').getAttribute('data-kind'), 'unreachable', path);
  }
  assert.equal(await operator.getByText('No cookies known yet').count(), 0, 'no "clean" message under a failed scan');

  await operator.goto(siteUrl(closedSiteId));
  const tile = operator.locator('#glance-last-scan');
  assert.match(await tile.textContent(), /failed/);
  assert.match(await tile.getAttribute('class'), /bad/);
  await operator.goto(platform.url + '/dashboard/sites');
  const row = operator.locator('table.sites tr', { hasText: 'Closed shop' });
  assert.match(await row.locator('.last-scan').textContent(), /failed/);

  // The owner hears of it by mail, and the Alerts page shows the mail as sent.
  const mail = await smtp.waitForMail(OWNER.email, /scan failed/i);
  assert.match(mail.data, /^Subject: Akkoord, 127\.0\.0\.1:\d+: scan failed/m);
  assert.match(mail.text, new RegExp('/dashboard/sites/' + closedSiteId + '/scans'));
  assert.equal(mail.from, 'akkoord@example.test');
  await operator.goto(siteUrl(closedSiteId, '/alerts'));
  const delivery = operator.locator('table.deliveries tr', { hasText: 'mail: ' + OWNER.email });
  assert.match(await delivery.textContent(), /sent[\s\S]*scan failed/);
});

test('a site that starts to set a new cookie: its owner gets a mail and the webhook a signed POST', async () => {
  shopSiteId = await registerSite('Growing shop', '127.0.0.1:' + shop.port);
  await grantOwner(shopSiteId);

  await operator.goto(siteUrl(shopSiteId, '/alerts'));
  await operator.getByLabel('Webhook (optional)').fill('http://127.0.0.1:' + hooks.port + '/akkoord-alerts');
  await operator.getByRole('button', { name: 'Save' }).click();
  await operator.getByText('Your alert settings are saved.').waitFor();
  const secret = (await operator.locator('code.secret').textContent()).trim();
  assert.ok(secret.length >= 32, 'a signing secret is shown: ' + secret);

  assert.match(await scanNow(shopSiteId), /^Scan done/);
  assert.equal(smtp.mails.filter((mail) => /new cookies/.test(mail.text)).length, 0, 'a first scan finds nothing "new"');

  shopSetsAnalytics = true;
  assert.match(await scanNow(shopSiteId), /^Scan done/);
  assert.match(await operator.locator('table.history tbody tr').first().textContent(), /New: _ga/);

  const mail = await smtp.waitForMail(OWNER.email, /New cookies:\s+- _ga \(127\.0\.0\.1, analytical\)/);
  assert.match(mail.data, /^Subject: Akkoord, 127\.0\.0\.1:\d+: new cookies \(1\)/m);
  const post = await hooks.waitForPost(/"new_cookies"/);
  assert.equal(post.path, '/akkoord-alerts');
  assert.equal(post.headers['content-type'], 'application/json');
  assert.ok(hooks.signedWith(post, secret), 'the webhook POST is signed with the site secret: ' + post.headers['x-akkoord-signature']);
  assert.ok(!hooks.signedWith(post, secret + 'x'), 'a different secret does not verify');
  const body = JSON.parse(post.body);
  assert.equal(body.siteId, shopSiteId);
  assert.deepEqual(body.alerts.new_cookies, ['_ga (127.0.0.1, analytical)']);

  // The operators' list of all sites counts what the browser saw (_ga written by the page before any choice) as
  // the site's overview does.
  await operator.goto(siteUrl(shopSiteId));
  const tile = async (id) => (await operator.locator('#glance-' + id + ' .tile-value').textContent()).trim();
  const overview = [await tile('before-consent'), await tile('after-reject'), await tile('review')];
  assert.equal(overview[0], '1');
  await operator.goto(platform.url + '/dashboard/sites');
  const listed = operator.locator('table.sites tr', { hasText: 'Growing shop' });
  const cell = async (label) => (await listed.locator('td[data-label="' + label + '"]').textContent()).trim();
  assert.deepEqual([await cell('Set before consent'), await cell('Set after reject'), await cell('To review')], overview);
  assert.match(await listed.locator('td[data-label="Set before consent"]').getAttribute('class'), /bad/);

  await operator.goto(siteUrl(shopSiteId, '/alerts'));
  for (const to of ['mail: ' + OWNER.email, 'webhook: http://127.0.0.1:' + hooks.port + '/akkoord-alerts']) {
    const delivery = operator.locator('table.deliveries tr', { hasText: to }).filter({ hasText: 'new cookies' }).first();
    assert.match(await delivery.textContent(), /sent/, to);
  }
});

test('the cookies page does what the API does: add a cookie, declare and undo a script host, give a decision back', async () => {
  await operator.goto(siteUrl(shopSiteId, '/cookies'));
  await operator.getByLabel('Name or pattern').fill('basket_id');
  await operator.locator('#declare-category').selectOption('functional');
  await operator.locator('#declare-purpose').fill('Keeps the basket between pages');
  await operator.getByRole('button', { name: 'Add the cookie' }).click();
  await operator.getByText(/basket_id/).first().waitFor();
  const declared = operator.locator('tr', { has: operator.locator('code', { hasText: /^basket_id$/ }) });
  assert.match(await declared.textContent(), /Keeps the basket between pages/);
  assert.match(await declared.textContent(), /functional/i);

  await operator.getByLabel('Host', { exact: true }).fill('stats.example.test');
  await operator.locator('#host-category').selectOption('analytical');
  await operator.getByRole('button', { name: 'Declare the host' }).click();
  const hostEntry = operator.locator('section, form, li, tr', { hasText: 'stats.example.test' }).filter({ has: operator.getByRole('button', { name: /Undo/ }) }).last();
  await hostEntry.waitFor();
  await hostEntry.getByRole('button', { name: /Undo/ }).click();
  await operator.waitForLoadState();
  assert.equal(await operator.getByRole('button', { name: 'Undo stats.example.test' }).count(), 0);

  // _ga is analytical by the scanner; the owner overrides it, then gives the decision back.
  await operator.getByLabel('Category for _ga').selectOption('marketing');
  await operator.locator('tr', { has: operator.locator('code', { hasText: /^_ga$/ }) }).getByRole('button', { name: /Set/ }).click();
  await operator.getByText('Your decision about _ga is saved').waitFor();
  assert.equal(await operator.getByLabel('Category for _ga').inputValue(), 'marketing');
  await operator.locator('tr', { has: operator.locator('code', { hasText: /^_ga$/ }) })
    .getByRole('button', { name: /Give back to the scanner/ }).click();
  await operator.waitForLoadState();
  assert.equal(await operator.getByLabel('Category for _ga').inputValue(), 'analytical');
});

test('site settings: a new name and domains, a warning for a domain another site claims, a refusal with its reason', async () => {
  await operator.goto(siteUrl(closedSiteId));
  await operator.getByLabel('Name', { exact: true }).fill('Closed shop (old)');
  await operator.getByLabel('Domains').fill('127.0.0.1:' + closedPort + ', 127.0.0.1:' + shop.port);
  await operator.getByRole('button', { name: 'Save name and domains' }).click();
  await operator.getByText('The site\'s name and domains are saved.').waitFor();
  assert.equal(await operator.getByRole('heading', { level: 1 }).textContent(), 'Closed shop (old)');
  const warning = await operator.locator('#shared-0').textContent();
  assert.match(warning, new RegExp('127\\.0\\.0\\.1:' + shop.port + '\\s+is also a domain of Growing shop'));

  await operator.getByLabel('Domains').fill('0177.0.0.1');
  await operator.getByRole('button', { name: 'Save name and domains' }).click();
  assert.match(await operator.locator('#settings-error').textContent(), /'0177\.0\.0\.1' cannot be scanned/);
  await operator.goto(siteUrl(closedSiteId));
  assert.match(await operator.getByLabel('Domains').inputValue(), new RegExp(':' + shop.port + '$'), 'the refused change lost nothing');
});

test('revoking a key and deleting a site ask first, in the page and without JavaScript', async () => {
  await operator.goto(siteUrl(closedSiteId));
  const activeKeys = () => operator.locator('#keys ~ table tbody tr', { hasText: 'active' }).count();
  const before = await activeKeys();
  assert.ok(before >= 1);
  const revoke = operator.getByRole('button', { name: /^Revoke key/ }).first();

  // Cancelled in the browser's dialog: nothing happens.
  let question = '';
  operator.once('dialog', (dialog) => { question = dialog.message(); dialog.dismiss(); });
  await revoke.click();
  assert.match(question, /Revoke the key .*\? Programs that use it are refused from now on\./);
  await operator.reload();
  assert.equal(await activeKeys(), before);

  // A form sent without the page's question (a script of the owner's, an old browser) is asked again by the server.
  await operator.locator('form[action$="/revoke"]').first().evaluate((form) => form.submit());
  await operator.getByRole('heading', { level: 1, name: /Revoke/ }).waitFor();
  await expectNoAxeViolations(operator, 'the confirmation page');
  await operator.getByRole('link', { name: 'Cancel' }).click();
  await operator.waitForURL(new RegExp('/dashboard/sites/' + closedSiteId));
  assert.equal(await activeKeys(), before);

  // Without JavaScript the server asks on a page of its own.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })).newPage();
  await plain.goto(platform.url + '/dashboard/login');
  await plain.getByLabel('E-mail address').fill(OPERATOR.email);
  await plain.getByLabel('Password').fill(OPERATOR.password);
  await plain.getByRole('button', { name: 'Sign in' }).click();
  await plain.waitForURL(/\/dashboard\/sites$/);
  await plain.goto(siteUrl(closedSiteId));
  await plain.getByRole('button', { name: /^Revoke key/ }).first().click();
  await plain.getByRole('heading', { level: 1, name: /Revoke/ }).waitFor();
  assert.equal(await horizontalOverflow(plain), 0);
  await plain.getByRole('button', { name: /Revoke/ }).click();
  await plain.waitForURL(new RegExp('/dashboard/sites/' + closedSiteId));
  await plain.context().close();
  await operator.reload();
  assert.equal(await activeKeys(), before - 1);

  // Deleting the site, accepted in the dialog: the list says its records stay, and the site is gone.
  operator.once('dialog', (dialog) => { question = dialog.message(); dialog.accept(); });
  await operator.getByRole('button', { name: 'Delete this site' }).click();
  await operator.waitForURL(/\/dashboard\/sites(\?.*)?$/);
  assert.match(question, /Delete Closed shop \(old\)\? .*its consent records are kept for \d+ days/);
  assert.match(await operator.locator('[role=status]').textContent(), /Closed shop \(old\) is deleted\. Its consent records are kept/);
  assert.equal(await operator.getByRole('link', { name: 'Closed shop (old)' }).count(), 0);
  assert.equal((await operator.goto(siteUrl(closedSiteId))).status(), 404);
});

test('every dashboard page fits a phone and a desktop without scrolling sideways and has no accessibility violations', async () => {
  // A decision in the log and the charts, so their tables are not empty.
  const site = await (await fetch(platform.url + '/api/v1/sites/' + shopSiteId, { headers: { authorization: 'Bearer ' + ADMIN_TOKEN } })).json();
  const recorded = await fetch(platform.url + '/api/v1/consents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:' + shop.port },
    body: JSON.stringify({ siteId: shopSiteId, bannerVersion: site.bannerVersion, action: 'accept_all',
      categories: { analytical: true, marketing: true }, language: 'en', pageUrl: 'http://127.0.0.1:' + shop.port + '/', gpc: false }),
  });
  assert.equal(recorded.status, 201, await recorded.text());

  await operator.goto(siteUrl(shopSiteId, '/scans'));
  const oneScan = await operator.locator('table.history td.when a').first().getAttribute('href');
  const pages = ['/dashboard/sites', '/dashboard/accounts', '/dashboard/account']
    .concat(['', '/cookies', '/scans', '/alerts', '/analytics', '/consents', '/banner', '/preview']
      .map((path) => '/dashboard/sites/' + shopSiteId + path))
    .concat([oneScan]);
  for (const viewport of [PHONE, DESKTOP]) {
    await operator.setViewportSize(viewport);
    for (const path of pages) {
      const response = await operator.goto(platform.url + path);
      assert.equal(response.status(), 200, path);
      // Open every collapsed part first: an open form must fit too.
      await operator.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
      assert.equal(await horizontalOverflow(operator), 0, path + ' scrolls sideways at ' + viewport.width + ' px: '
        + JSON.stringify(await widest(operator)));
      await expectNoAxeViolations(operator, path + ' at ' + viewport.width + ' px');
      if (process.env.AKKOORD_SCREENSHOTS) {
        const name = (path.replace(/^\/dashboard\//, '').replace(shopSiteId, 'site').replace(/[^a-z0-9]+/gi, '-') || 'sites');
        await operator.screenshot({ path: join(process.env.AKKOORD_SCREENSHOTS, name + '-' + viewport.width + '.png'), fullPage: true });
      }
    }
  }
  await operator.setViewportSize(DESKTOP);
});
