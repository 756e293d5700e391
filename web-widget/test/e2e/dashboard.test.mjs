// The dashboard, the cookie declaration and the visitor-rights page in headless Chromium, against the packaged
// platform on 127.0.0.1 and a test site served as www.example.test. Needs `./mvnw -B package -DskipTests` first
// (or AKKOORD_DASHBOARD_URL + AKKOORD_ADMIN_TOKEN of a fresh running platform). Run: node --test test/e2e/dashboard.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN, axeViolations, launchBrowser, startPlatform, startSitePages } from './support/dashboard-platform.mjs';

const OPERATOR = { email: 'operator@example.test', password: 'a-long-operator-password' };
const OWNER = { email: 'owner@example.test', temporary: 'temporary-password-1', password: 'the-owners-own-password' };

let platform;
let sitePages;
let browser;
let operator; // the operator's browser page
let siteId;
let otherSiteId;
let consentId;
let shopUrl;
let scannedSiteId;

const sitePage = (title, body) => () => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="${platform.url}/akkoord.js" data-site="${siteId}"></script></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const expectNoAxeViolations = async (page, what) => {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], what + ' has accessibility violations: ' + JSON.stringify(violations, null, 1));
};

const signIn = async (page, email, password) => {
  await page.goto(platform.url + '/dashboard/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

before(async () => {
  platform = await startPlatform();
  sitePages = await startSitePages({
    '/shop': () => sitePage('Shop', '<p>Our products.</p><p><button data-akkoord-open>Cookie settings</button></p>')(),
    '/privacy': () => sitePage('Privacy', '<h2>Cookies we use</h2><div data-akkoord-declaration></div>')(),
    // The site the scanner crawls (on 127.0.0.1, the only host scans may reach here).
    '/': () => ({ html: '<html><body><a href="/blog">Blog</a></body></html>', cookies: ['PHPSESSID=s1; Path=/; HttpOnly'] }),
    '/blog': () => ({ html: '<html><body><a href="/">Home</a></body></html>', cookies: ['_ga=GA1.1.1.1; Max-Age=63072000; Path=/'] }),
    '/scanned-privacy': () => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Scanned privacy</title>
<script src="${platform.url}/akkoord.js" data-site="${scannedSiteId}"></script></head>
<body><main><h1>Privacy</h1><div data-akkoord-declaration></div></main></body></html>`,
  });
  shopUrl = 'http://www.example.test:' + sitePages.port;
  browser = await launchBrowser();
  // bypassCSP lets the tests inject axe-core into pages whose CSP forbids inline scripts; the pages' own
  // scripts are unaffected.
  operator = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
});

after(async () => {
  await browser?.close();
  await sitePages?.stop();
  await platform?.stop();
});

test('the first sign-in with the operator token sets up the operator; sign-out and sign-in', async () => {
  await operator.goto(platform.url + '/dashboard');
  assert.match(operator.url(), /\/dashboard\/login\?next=/);
  await expectNoAxeViolations(operator, 'sign-in page');
  await signIn(operator, 'admin', ADMIN_TOKEN);
  await operator.waitForURL(/\/dashboard\/account$/);
  await expectNoAxeViolations(operator, 'account set-up page');
  await operator.getByLabel('E-mail address').fill(OPERATOR.email);
  await operator.getByLabel('New password', { exact: true }).fill(OPERATOR.password);
  await operator.getByLabel('New password again').fill(OPERATOR.password);
  await operator.getByRole('button', { name: 'Save' }).click();
  await operator.waitForURL(/\/dashboard\/sites$/);

  await operator.getByRole('button', { name: 'Sign out' }).click();
  await operator.waitForURL(/\/dashboard\/login$/);
  await operator.goto(platform.url + '/dashboard/sites');
  assert.match(operator.url(), /\/dashboard\/login/);
  await signIn(operator, 'admin', ADMIN_TOKEN);
  assert.match(await operator.locator('[role=alert]').textContent(), /not right/);
  await signIn(operator, OPERATOR.email, OPERATOR.password);
  await operator.waitForURL(/\/dashboard\/sites$/);
  await expectNoAxeViolations(operator, 'sites page');
});

test('the operator registers a site and gets its snippets (async first, then stub + async, then the blocking tag with SRI) and its API key', async () => {
  await operator.getByLabel('Name').fill('Example shop');
  await operator.getByLabel('Domains').fill('www.example.test:' + sitePages.port);
  await operator.getByLabel('Languages').fill('en, nl');
  await operator.getByRole('button', { name: 'Register site' }).click();
  await operator.getByRole('heading', { name: 'New API key' }).waitFor();
  const snippet = await operator.locator('#snippet').textContent();
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/akkoord\/[0-9a-f]{16}\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous" data-site="[0-9a-f-]{36}"><\/script>/);
  siteId = /data-site="([0-9a-f-]{36})"/.exec(snippet)[1];
  const async = `<script src="${platform.url}/akkoord/site/${siteId}.js" async></script>`;
  assert.equal(await operator.locator('#site-snippet').textContent(), async);
  const defaults = await operator.locator('#defaults-snippet').textContent();
  assert.match(defaults, /^<script src="http:\/\/127\.0\.0\.1:\d+\/akkoord-defaults\/[0-9a-f]{16}\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"><\/script>\n/);
  assert.ok(defaults.endsWith('\n' + async), defaults);
  // The async tag is offered first, the stub form second, the single blocking tag last.
  const order = await operator.locator('pre.snippet code').evaluateAll((codes) => codes.map((code) => code.id));
  assert.deepEqual(order, ['site-snippet', 'defaults-snippet', 'snippet']);
  const stubSrc = /src="([^"]+)"/.exec(defaults)[1];
  const stub = await fetch(stubSrc);
  assert.equal(stub.status, 200);
  assert.equal(stub.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(await operator.locator('#new-key').textContent(), /^ak_[0-9a-f]{64}$/);
  await expectNoAxeViolations(operator, 'site overview');
});

test('a form with a forged CSRF token is refused', async () => {
  await operator.goto(platform.url + '/dashboard/sites/' + siteId);
  const keysBefore = await operator.locator('#keys ~ table tbody tr').count();
  await operator.locator('form[action$="/keys"] input[name=_csrf]').evaluate((input) => (input.value = 'forged'));
  const [response] = await Promise.all([
    operator.waitForResponse((r) => r.url().endsWith('/keys') && r.request().method() === 'POST'),
    operator.getByRole('button', { name: 'Create key' }).click(),
  ]);
  assert.equal(response.status(), 403);
  await operator.getByRole('heading', { name: 'Form expired' }).waitFor();
  await expectNoAxeViolations(operator, 'error page');
  await operator.goto(platform.url + '/dashboard/sites/' + siteId);
  assert.equal(await operator.locator('#keys ~ table tbody tr').count(), keysBefore);
});

test('edited texts show in the live preview and, once saved, in the banner on the site', async () => {
  await operator.goto(platform.url + '/dashboard/sites/' + siteId + '/banner');
  await expectNoAxeViolations(operator, 'banner editor');
  const preview = operator.frameLocator('#preview');
  await preview.locator('#ak-t').waitFor();
  await operator.getByLabel('Title', { exact: true }).first().fill('Cookies at the Example shop');
  await operator.getByLabel('Accept all', { exact: true }).first().fill('Yes, all of them');
  await preview.locator('#ak-t', { hasText: 'Cookies at the Example shop' }).waitFor();
  await preview.getByRole('button', { name: 'Yes, all of them' }).waitFor();
  await operator.getByRole('button', { name: 'Save and publish' }).click();
  await operator.getByText('Saved. Visitors now get banner version').waitFor();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(shopUrl + '/shop');
  await visitor.locator('#ak-t', { hasText: 'Cookies at the Example shop' }).waitFor();
  await visitor.getByRole('button', { name: 'Yes, all of them' }).waitFor();
  await visitor.context().close();
});

test('the banner editor: a tab per language, live contrast, a preview that follows the privacy link and narrows to a phone', async () => {
  await operator.setViewportSize({ width: 1280, height: 800 });
  await operator.goto(platform.url + '/dashboard/sites/' + siteId + '/banner');
  const english = operator.getByRole('tab', { name: /\(en\)/ });
  const dutch = operator.getByRole('tab', { name: /\(nl\)/ });
  const shows = (language) => operator.locator('#texts-' + language).isVisible();
  // Only the first language's texts show; the other tab's panel is hidden, not gone (saving sends every language).
  assert.equal(await english.getAttribute('aria-selected'), 'true');
  assert.deepEqual([await shows('en'), await shows('nl')], [true, false]);
  await dutch.click();
  assert.deepEqual([await shows('en'), await shows('nl')], [false, true]);
  assert.equal(await dutch.getAttribute('aria-selected'), 'true');
  assert.equal(await operator.locator('#preview-language').inputValue(), 'nl');
  await expectNoAxeViolations(operator, 'banner editor, second language tab');
  // Arrow keys move between tabs and wrap around, as the ARIA tabs pattern has it.
  await operator.keyboard.press('ArrowRight');
  assert.deepEqual([await shows('en'), await shows('nl')], [true, false]);
  assert.equal(await operator.evaluate(() => document.activeElement.id), 'tab-en');
  await operator.keyboard.press('ArrowLeft');
  assert.deepEqual([await shows('en'), await shows('nl')], [false, true]);
  assert.equal(await operator.evaluate(() => document.activeElement.id), 'tab-nl');
  await english.click();

  // Without the script there are no tabs: every language shows, so the form still works.
  const scriptless = await browser.newContext({ javaScriptEnabled: false, storageState: await operator.context().storageState() });
  const plain = await scriptless.newPage();
  await plain.goto(platform.url + '/dashboard/sites/' + siteId + '/banner');
  assert.equal(await plain.getByRole('tab').count(), 0);
  assert.deepEqual([await plain.locator('#texts-en').isVisible(), await plain.locator('#texts-nl').isVisible()], [true, true]);
  await scriptless.close();

  // The contrast list follows the colour fields as they change, before anything is saved.
  const check = (colour) => operator.locator('#contrast li[data-foreground="' + colour + '"]');
  assert.equal(await check('text').getAttribute('class'), 'ok');
  await operator.locator('#color-background').fill('#ffff00');
  await operator.locator('#color-text').fill('#ffffff');
  assert.equal(await check('text').getAttribute('class'), 'bad');
  assert.match(await check('text').textContent(), /1\.07:1\s+too low, saving is refused/);
  await operator.locator('#color-text').fill('#1b1b1b');
  assert.equal(await check('text').getAttribute('class'), 'ok');
  await operator.locator('#color-accentText').fill('#6b7280');
  assert.equal(await check('accentText').getAttribute('class'), 'warn');
  assert.match(await check('accentText').textContent(), /1\.38:1\s+too low, saved with a warning/);
  await expectNoAxeViolations(operator, 'banner editor with a contrast warning');

  // The preview's privacy link follows the field, unsaved.
  const preview = operator.frameLocator('#preview');
  await operator.getByLabel('Privacy policy URL').fill('https://www.example.test/draft-privacy');
  await preview.locator('a[href="https://www.example.test/draft-privacy"]').waitFor({ timeout: 5000 });

  // Phone: a 390 px frame; desktop: the whole column.
  const frameWidth = () => operator.locator('#preview').evaluate((frame) => frame.getBoundingClientRect().width);
  assert.ok(await frameWidth() > 390, 'desktop frame ' + await frameWidth());
  await operator.getByLabel('Phone (390 px)').check();
  assert.equal(await frameWidth(), 390);
  await operator.getByLabel('Desktop').check();
  assert.ok(await frameWidth() > 390);

  const overflow = () => operator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(await overflow(), 0, 'overflow at 1280 × 800');
  await operator.setViewportSize({ width: 390, height: 844 });
  await operator.getByLabel('Phone (390 px)').check();
  assert.equal(await overflow(), 0, 'overflow at 390 × 844');
  await expectNoAxeViolations(operator, 'banner editor on a phone');
  await operator.setViewportSize({ width: 1280, height: 720 });
  // The unsaved draft (grey button text) lives on in this tab's sessionStorage, where later preview pages would
  // find it: leave the editor as if this had never been typed.
  await operator.evaluate(() => sessionStorage.clear());
});

test('a visitor decision appears in the charts, the log and the CSV export', async () => {
  const visitorContext = await browser.newContext({ bypassCSP: true });
  const visitor = await visitorContext.newPage();
  await visitor.goto(shopUrl + '/shop');
  const [recorded] = await Promise.all([
    visitor.waitForResponse((r) => r.url().endsWith('/api/v1/consents') && r.request().method() === 'POST'),
    visitor.getByRole('button', { name: 'Yes, all of them' }).click(),
  ]);
  assert.equal(recorded.status(), 201);
  consentId = (await recorded.json()).consentId;
  assert.match(consentId, /^[0-9a-f]{32}$/);

  // The declaration: every category with its cookies table or an empty note, the choice and the consent id.
  await visitor.goto(shopUrl + '/privacy');
  await visitor.locator('.akkoord-declaration').waitFor();
  for (const title of ['Functional', 'Analytical', 'Marketing']) {
    await visitor.locator('.akkoord-declaration h3', { hasText: title }).first().waitFor();
  }
  assert.equal(await visitor.locator('.akkoord-consent-id').textContent(), consentId);
  assert.match(await visitor.locator('.akkoord-declaration-choice').textContent(), /Analytical: allowed/);
  assert.match(await visitor.locator('.akkoord-declaration-scan').textContent(), /not been checked|Last checked/);
  assert.equal(await visitor.locator('.akkoord-declaration-history').getAttribute('href'),
    platform.url + '/privacy/consent?id=' + consentId);
  await visitor.addScriptTag({ content: (await import('./support/dashboard-platform.mjs')).AXE_SOURCE });
  const declarationViolations = await visitor.evaluate(async () =>
    (await window.axe.run('[data-akkoord-declaration]', { resultTypes: ['violations'] })).violations.map((v) => v.id));
  assert.deepEqual(declarationViolations, []);
  // Withdrawing from the declaration records it, reloads, and the declaration follows.
  await Promise.all([
    visitor.waitForResponse((r) => r.url().endsWith('/api/v1/consents') && r.request().method() === 'POST'),
    visitor.getByRole('button', { name: 'Withdraw your consent' }).click(),
  ]);
  await visitor.waitForLoadState('load');
  await visitor.locator('.akkoord-declaration-choice').waitFor();
  await visitor.waitForFunction(() => /Analytical: not allowed/.test(document.querySelector('.akkoord-declaration-choice').textContent));
  await visitorContext.close();

  await operator.goto(platform.url + '/dashboard/sites/' + siteId + '/analytics');
  assert.equal(await operator.locator('#total-records').textContent(), '2');
  assert.ok((await operator.locator('#decisions-chart rect.bar').count()) >= 2);
  assert.equal(await operator.locator('#rates-chart polyline.rate').count(), 2);
  await expectNoAxeViolations(operator, 'analytics page');
  await operator.locator('select[name=by]').selectOption('week');
  await operator.getByRole('button', { name: 'Show' }).click();
  await operator.waitForURL(/by=week/);
  assert.ok((await operator.locator('#decisions-chart rect.bar').count()) >= 1);

  await operator.goto(platform.url + '/dashboard/sites/' + siteId + '/consents');
  await operator.getByLabel('Consent id').fill(consentId);
  await operator.getByRole('button', { name: 'Search' }).click();
  assert.equal(await operator.locator('#consent-log tbody tr').count(), 2);
  await expectNoAxeViolations(operator, 'consent log');
  const [download] = await Promise.all([operator.waitForEvent('download'), operator.locator('#csv-export').click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  assert.match(csv[0], /^record_id,site_id,seq,consent_id,recorded_at,action/);
  assert.equal(csv.length, 3);
  assert.ok(csv[1].includes(',' + consentId + ',') && csv[1].includes(',accept_all,'));
  assert.ok(csv[2].includes(',withdraw,'));
});

test('the visitor-rights page shows the history and offers it as JSON', async () => {
  const visitor = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
  await visitor.goto(platform.url + '/privacy/consent');
  await expectNoAxeViolations(visitor, 'visitor-rights page');
  await visitor.getByLabel('Consent id').fill(consentId);
  await visitor.getByRole('button', { name: 'Show my history' }).click();
  await visitor.getByRole('heading', { name: 'Example shop' }).waitFor();
  const rows = visitor.locator('table.history tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).textContent(), /Withdrew consent/);
  assert.match(await rows.nth(1).textContent(), /Accepted all/);
  await expectNoAxeViolations(visitor, 'visitor-rights page with history');
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.locator('#download').click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.consentId, consentId);
  assert.equal(json.records.length, 2);
  assert.ok(await visitor.locator('a', { hasText: shopUrl }).count() >= 1);
  await visitor.context().close();
});

test('an owner sees only the site given to them, through links, typed URLs and the API', async () => {
  await operator.goto(platform.url + '/dashboard/sites');
  await operator.getByLabel('Name').fill('Other shop');
  await operator.getByLabel('Domains').fill('www.other.test');
  await operator.getByRole('button', { name: 'Register site' }).click();
  otherSiteId = /data-site="([0-9a-f-]{36})"/.exec(await operator.locator('#snippet').textContent())[1];

  await operator.goto(platform.url + '/dashboard/accounts');
  await operator.getByLabel('E-mail address').fill(OWNER.email);
  await operator.getByLabel('Temporary password').fill(OWNER.temporary);
  await operator.getByRole('button', { name: 'Add account' }).click();
  await operator.getByText('Account ' + OWNER.email + ' added.').waitFor();
  await operator.getByLabel('Site to give ' + OWNER.email + ' access to').selectOption(otherSiteId);
  await operator.getByRole('button', { name: 'Give access' }).click();
  await operator.waitForURL(/\/dashboard\/accounts$/);
  await expectNoAxeViolations(operator, 'accounts page');

  const owner = await (await browser.newContext({ bypassCSP: true })).newPage();
  await signIn(owner, OWNER.email, OWNER.temporary);
  await owner.waitForURL(/\/dashboard\/account$/);
  await owner.getByLabel('New password', { exact: true }).fill(OWNER.password);
  await owner.getByLabel('New password again').fill(OWNER.password);
  await owner.getByRole('button', { name: 'Save' }).click();
  await owner.waitForURL(/\/dashboard\/sites$/);
  assert.equal(await owner.getByRole('link', { name: 'Other shop' }).count(), 1);
  assert.equal(await owner.getByRole('link', { name: 'Example shop' }).count(), 0);
  assert.equal(await owner.getByRole('link', { name: 'Accounts' }).count(), 0);
  for (const path of ['', '/banner', '/analytics', '/consents', '/cookies', '/alerts']) {
    const response = await owner.goto(platform.url + '/dashboard/sites/' + siteId + path);
    assert.equal(response.status(), 404, path);
    await owner.getByRole('heading', { name: 'No such site' }).waitFor();
  }
  const apiStatus = await owner.evaluate(async (id) => (await fetch('/api/v1/sites/' + id)).status, siteId);
  assert.equal(apiStatus, 401);
  assert.equal((await owner.goto(platform.url + '/dashboard/accounts')).status(), 403);
  const ownPage = await owner.goto(platform.url + '/dashboard/sites/' + otherSiteId);
  assert.equal(ownPage.status(), 200);
  await owner.context().close();
});

test('Scan now shows progress to completion; an override changes the banner\'s lists', async () => {
  await operator.goto(platform.url + '/dashboard/sites');
  await operator.getByLabel('Name').fill('Scanned shop');
  await operator.getByLabel('Domains').fill('127.0.0.1:' + sitePages.port);
  await operator.getByRole('button', { name: 'Register site' }).click();
  scannedSiteId = /data-site="([0-9a-f-]{36})"/.exec(await operator.locator('#snippet').textContent())[1];

  await operator.goto(platform.url + '/dashboard/sites/' + scannedSiteId + '/scans');
  await operator.getByRole('button', { name: 'Scan now' }).click();
  await operator.locator('#scan-progress').waitFor();
  await expectNoAxeViolations(operator, 'scans page with a running scan');
  await operator.locator('#scan-status', { hasText: /Scan done/ }).waitFor({ timeout: 60000 });
  assert.equal(await operator.locator('#scan-bar').getAttribute('value'), '100');
  // The page reloads with the finished scan in the history.
  await operator.waitForURL(/\/scans$/);
  await operator.locator('td', { hasText: 'done' }).first().waitFor();
  // The scan ran in the browser too: its pages have a table of their own above the history.
  assert.ok(await operator.locator('table.browser-pages').count() > 0, 'the browser pass is shown');
  assert.match(await operator.locator('table.history').textContent(), /New: .*_ga/);

  // A fresh browser each time: the banner config is cacheable for a minute, as on a real site.
  const lists = async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('http://127.0.0.1:' + sitePages.port + '/scanned-privacy');
    await visitor.locator('.akkoord-declaration').waitFor();
    const found = {
      analytical: await visitor.locator('table[data-category=analytical]').textContent().catch(() => ''),
      functional: await visitor.locator('table[data-category=functional]').textContent().catch(() => ''),
    };
    await visitor.context().close();
    return found;
  };
  const before = await lists();
  assert.match(before.analytical, /_ga/);
  assert.doesNotMatch(before.functional, /_ga/);

  await operator.goto(platform.url + '/dashboard/sites/' + scannedSiteId + '/cookies');
  await expectNoAxeViolations(operator, 'cookies page');
  const row = operator.locator('tr', { has: operator.locator('code', { hasText: /^_ga$/ }) });
  assert.match(await row.getAttribute('class'), /violation/);
  await operator.getByLabel('Category for _ga').selectOption('functional');
  await row.getByRole('button', { name: /Set/ }).click();
  await operator.getByText('Your decision about _ga is saved').waitFor();

  const after = await lists();
  assert.match(after.functional, /_ga/);
  assert.doesNotMatch(after.analytical, /_ga/);

  // The owner's own words reach the declaration; visitors never read why the scanner decided.
  const gaRow = operator.locator('tr', { has: operator.locator('code', { hasText: /^_ga$/ }) });
  await gaRow.getByText('Edit details').click();
  await gaRow.getByLabel('Purpose').fill('Counts visits so we know which pages help');
  await gaRow.getByLabel('Vendor').fill('Our own statistics');
  await gaRow.getByLabel('Retention').fill('13 months');
  await gaRow.getByRole('button', { name: /Save/ }).click();
  await operator.getByText('Your details of _ga are saved').waitFor();
  const described = await lists();
  for (const words of ['Counts visits so we know which pages help', 'Our own statistics', '13 months']) {
    assert.ok(described.functional.includes(words), words + ' in ' + described.functional);
  }
  assert.doesNotMatch(described.functional + described.analytical, /name rule|decided by|open cookie database/i);

  // On a phone the table is a list of cards, the open forms included: nothing wider than the screen.
  await operator.setViewportSize({ width: 390, height: 844 });
  await operator.reload();
  await operator.evaluate(() => document.querySelectorAll('details.cookie-details').forEach((d) => { d.open = true; }));
  const overflow = await operator.evaluate(() => {
    const box = document.querySelector('.table-scroll');
    return { page: document.documentElement.scrollWidth - window.innerWidth, table: box.scrollWidth - box.clientWidth };
  });
  assert.deepEqual(overflow, { page: 0, table: 0 });
  await expectNoAxeViolations(operator, 'cookies page on a phone, details open');

  // What the scan told the owners is on the Alerts page: no owner and no SMTP server here, so it was logged.
  await operator.goto(platform.url + '/dashboard/sites/' + scannedSiteId + '/alerts');
  await operator.locator('table.deliveries', { hasText: 'logged' }).waitFor();
  assert.match(await operator.locator('table.deliveries').textContent(), /cookies set without consent/);
  await operator.getByLabel('Webhook (optional)').fill('ftp://hooks.example.test/akkoord');
  await operator.getByRole('button', { name: 'Save' }).click();
  await operator.getByText(/Not saved: The webhook must be an http/).waitFor();
  assert.equal(await operator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await expectNoAxeViolations(operator, 'alerts page on a phone, a refused webhook');

  // One scan's own page: what it crawled, found and could not read, on a phone too.
  await operator.goto(platform.url + '/dashboard/sites/' + scannedSiteId + '/scans');
  await operator.locator('table.history td.when a').first().click();
  await operator.locator('#scan-pages').waitFor();
  assert.ok(await operator.locator('table.scan-pages tbody tr').count() >= 2);
  assert.equal(await operator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await expectNoAxeViolations(operator, 'one scan on a phone');
  await operator.setViewportSize({ width: 1280, height: 720 });
});

test('the dashboard works by keyboard alone', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(platform.url + '/dashboard/login');
  // The e-mail field has focus on arrival (autofocus applies at the first rendering, which may follow "load").
  await page.waitForFunction(() => document.activeElement.id == 'email');
  await page.keyboard.type(OPERATOR.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(OPERATOR.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dashboard\/sites$/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Tab to the site's link and follow it, then through the site navigation to the analytics.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.textContent)) !== 'Example shop'; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp('/dashboard/sites/' + siteId + '$'));
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.textContent)) !== 'Analytics'; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/analytics$/);
  // Focus is visible: the focused element draws an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.context().close();
});

test('the remaining dashboard pages have no accessibility violations', async () => {
  for (const path of ['/cookies', '/scans', '/analytics?by=week', '/consents?action=withdraw', '/preview']) {
    await operator.goto(platform.url + '/dashboard/sites/' + siteId + path);
    await expectNoAxeViolations(operator, path);
  }
  await operator.goto(platform.url + '/dashboard/account');
  await expectNoAxeViolations(operator, 'account page');
});
