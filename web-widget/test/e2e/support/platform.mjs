// The running Akkoord platform the suite talks to: AKKOORD_URL and the operator token AKKOORD_ADMIN_TOKEN.

import { operatorCalls } from './operator.mjs';

export { operatorCalls };

export const PLATFORM = (process.env.AKKOORD_URL || '').replace(/\/$/, '');
const TOKEN = process.env.AKKOORD_ADMIN_TOKEN || '';

if (!PLATFORM || !TOKEN) {
  throw new Error('Set AKKOORD_URL and AKKOORD_ADMIN_TOKEN (test/e2e/run.sh starts a platform and sets both)');
}

const call = operatorCalls(PLATFORM, TOKEN);

let pagesPort;

/** The port the file's page server listens on: an origin includes its port, so the default site names it. */
export const servePagesOn = (port) => {
  pagesPort = port;
};

/** Registers a site on *.example.test at the page server's port through the operator API (of another platform with `on`). */
export const createSite = (settings = {}, on = call) =>
  on('POST', '/api/v1/sites', { name: 'e2e ' + Date.now(), domains: ['*.example.test:' + pagesPort], ...settings });

export const updateSite = (siteId, settings) => call('PUT', '/api/v1/sites/' + siteId, settings);

/**
 * Declares a site's cookies the way its owner does, through the cookie overrides API: `{category: [name, …]}`.
 * Names with `*` are patterns (`_ga_*`). The banner config then lists them, as it lists a scan's findings.
 */
export const declareCookies = async (siteId, cookies) => {
  for (const [category, names] of Object.entries(cookies)) {
    for (const name of names) await call('PUT', `/api/v1/sites/${siteId}/cookies/${encodeURIComponent(name)}`, { category });
  }
};

export const undeclareCookie = (siteId, name) => call('DELETE', `/api/v1/sites/${siteId}/cookies/${encodeURIComponent(name)}`);

/** Declares script hosts a tracker of a category, `{category: [host, …]}`: the banner holds their scripts. */
export const declareTrackerHosts = async (siteId, hosts) => {
  for (const [category, list] of Object.entries(hosts)) {
    for (const host of list) await call('PUT', `/api/v1/sites/${siteId}/tracker-hosts/${encodeURIComponent(host)}`, { category });
  }
};

/** The visitor's own record history (public endpoint), at the suite's platform or the one at `url`. */
export const consentHistory = async (consentId, url = PLATFORM) => {
  const response = await fetch(url + '/api/v1/consents/' + consentId);
  if (response.status == 404) return { records: [] };
  if (!response.ok) throw new Error('history ' + response.status);
  return response.json();
};

/**
 * How long the suite waits for something the banner or the platform does asynchronously. Generous on purpose:
 * CI shares two cores with several builds; every wait ends as soon as the awaited thing has happened.
 */
export const DEADLINE_MS = 30000;

/**
 * The visitor's records once the platform holds at least `count` of them (or what it holds at the deadline),
 * oldest first. A decision is stored asynchronously after the click; reading at once would race it.
 */
export const awaitRecords = async (consentId, count) => {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const { records } = await consentHistory(consentId);
    if (records.length >= count || Date.now() > end) return records;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const bannerConfig = async (siteId, lang = 'en') => {
  const response = await fetch(`${PLATFORM}/api/v1/sites/${siteId}/banner?lang=${lang}`);
  return response.json();
};
