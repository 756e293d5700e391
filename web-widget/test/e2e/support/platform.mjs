// The running Akkoord platform the suite talks to: AKKOORD_URL and the operator token AKKOORD_ADMIN_TOKEN.

export const PLATFORM = (process.env.AKKOORD_URL || '').replace(/\/$/, '');
const TOKEN = process.env.AKKOORD_ADMIN_TOKEN || '';

if (!PLATFORM || !TOKEN) {
  throw new Error('Set AKKOORD_URL and AKKOORD_ADMIN_TOKEN (test/e2e/run.sh starts a platform and sets both)');
}

const call = async (method, path, body) => {
  const response = await fetch(PLATFORM + path, {
    method,
    headers: { authorization: 'Bearer ' + TOKEN, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
};

/** Registers a site on *.example.test (any port) through the operator API. */
export const createSite = (settings = {}) =>
  call('POST', '/api/v1/sites', { name: 'e2e ' + Date.now(), domains: ['*.example.test'], ...settings });

export const updateSite = (siteId, settings) => call('PUT', '/api/v1/sites/' + siteId, settings);

/** The visitor's own record history (public endpoint). */
export const consentHistory = async (consentId) => {
  const response = await fetch(PLATFORM + '/api/v1/consents/' + consentId);
  if (response.status == 404) return { records: [] };
  if (!response.ok) throw new Error('history ' + response.status);
  return response.json();
};

export const bannerConfig = async (siteId, lang = 'en') => {
  const response = await fetch(`${PLATFORM}/api/v1/sites/${siteId}/banner?lang=${lang}`);
  return response.json();
};
