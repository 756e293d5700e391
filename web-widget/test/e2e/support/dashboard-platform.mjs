// Support for the dashboard's browser tests: the running platform (started from the packaged jar on a fresh
// embedded data directory unless AKKOORD_DASHBOARD_URL names a fresh one already running), a site-pages server on 127.0.0.1
// reached as www.example.test through Chromium's host mapping, and a headless Chromium.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = new URL('../../../../', import.meta.url).pathname;

export const ADMIN_TOKEN = process.env.AKKOORD_ADMIN_TOKEN || 'e2e-operator-token';
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Waits for `readyUrl` to answer 200: the management interface's readiness, or a page of a platform run elsewhere. */
const waitReady = async (readyUrl, child) => {
  for (let i = 0; i < 180; i++) {
    if (child && child.exitCode !== null) throw new Error('the platform exited with ' + child.exitCode);
    try {
      const response = await fetch(readyUrl);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the platform did not become ready at ' + readyUrl);
};

/**
 * Starts (or finds) the platform; `stop()` ends only what was started here. `env` adds settings (such as an SMTP
 * server); a platform given by AKKOORD_DASHBOARD_URL cannot take them, so with `env` one is always started.
 */
export const startPlatform = async ({ env = null } = {}) => {
  if (process.env.AKKOORD_DASHBOARD_URL && !env) {
    // Health is on that platform's management port, which may not be reachable from here; its sign-in page is.
    await waitReady(process.env.AKKOORD_DASHBOARD_URL + '/dashboard/login', null);
    return { url: process.env.AKKOORD_DASHBOARD_URL, stop: async () => {} };
  }
  const jar = join(ROOT, 'target/quarkus-app/quarkus-run.jar');
  if (!existsSync(jar)) throw new Error('build the platform first: ./mvnw -B package -DskipTests');
  const port = await freePort();
  const managementPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'akkoord-dashboard-e2e-'));
  const child = spawn('java', ['-Xmx384m', '-jar', jar], {
    // Scans may reach the test site on 127.0.0.1 and nothing else.
    env: { ...process.env, AKKOORD_DATA_DIR: dataDir, AKKOORD_ADMIN_TOKEN: ADMIN_TOKEN, QUARKUS_HTTP_PORT: String(port),
      QUARKUS_MANAGEMENT_PORT: String(managementPort), QUARKUS_HTTP_HOST: '127.0.0.1', AKKOORD_SCAN_ALLOW_HOSTS: '127.0.0.1', AKKOORD_SCAN_ONLY_ALLOWED_HOSTS: 'true',
      AKKOORD_SCAN_THIRD_PARTY_FETCH: 'false', AKKOORD_SCAN_CRON: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = 'http://127.0.0.1:' + port;
  try {
    await waitReady('http://127.0.0.1:' + managementPort + '/q/health/ready', child);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(error.message + '\n' + log.slice(-4000));
  }
  return {
    url,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
};

/**
 * Serves the pages of the site under test; `pages` maps a path to a function answering the HTML, or
 * `{ html, cookies }` to set cookies too.
 */
export const startSitePages = async (pages) => {
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url, 'http://x').pathname];
    const answer = page ? page() : null;
    const html = typeof answer === 'string' ? answer : answer && answer.html;
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (answer && answer.cookies) headers['set-cookie'] = answer.cookies;
    response.writeHead(html ? 200 : 404, headers);
    response.end(html || 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, stop: () => new Promise((resolve) => server.close(resolve)) };
};

export const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP *.example.test 127.0.0.1'],
  });

/** Runs axe-core on the page (injected despite the page's CSP) and answers the violations. */
export const axeViolations = async (page) => {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
};
