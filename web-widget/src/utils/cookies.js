// First-party cookie helpers: reading, writing, finding the registrable domain, and deleting a cookie
// wherever a script or server could have put it (every domain level, every path level).

import { PROBE_COOKIE } from './constants.js';
import { matchesName } from './match.js';

const pairs = () =>
  document.cookie
    .split(';')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    })
    .filter((pair) => pair[0]);

export const cookieNames = () => pairs().map((pair) => pair[0]);

export const readCookie = (name) => (pairs().find((pair) => pair[0] == name) || [])[1];

/** Writes one cookie; `domain` empty means host-only, `maxAge` 0 deletes. */
export const writeCookie = (name, value, maxAge, domain, path) => {
  document.cookie =
    name + '=' + value + ';path=' + (path || '/') + (domain ? ';domain=' + domain : '') +
    ';max-age=' + maxAge + ';samesite=lax' + (location.protocol == 'https:' ? ';secure' : '');
};

const isIp = (host) => /^[\d.]+$|:/.test(host);

/**
 * The broadest domain this page may set cookies on (e.g. `example.co.uk` for `shop.example.co.uk`),
 * found by letting the browser judge: it refuses a cookie on a public suffix. Empty for IPs and
 * single-label hosts, where only host-only cookies exist.
 */
export const registrableDomain = (host) => {
  if (isIp(host) || !host.includes('.')) return '';
  const labels = host.split('.');
  for (let i = labels.length - 2; i >= 0; i--) {
    const candidate = labels.slice(i).join('.');
    writeCookie(PROBE_COOKIE, '1', 60, candidate);
    if (readCookie(PROBE_COOKIE)) {
      writeCookie(PROBE_COOKIE, '', 0, candidate);
      return candidate;
    }
  }
  return '';
};

/** The host and every parent domain up to and including `registrable`. */
export const domainLevels = (host, registrable) => {
  const levels = [];
  if (!registrable) return levels;
  for (let domain = host; domain.length >= registrable.length; domain = domain.slice(domain.indexOf('.') + 1)) {
    levels.push(domain);
    if (!domain.includes('.')) break;
  }
  return levels;
};

/** `/`, and every prefix of `pathname`, with and without a trailing slash. */
export const pathLevels = (pathname) => {
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    path += '/' + segment;
    paths.push(path, path + '/');
  }
  return paths;
};

/**
 * Deletes every cookie named by `patterns` (exact names, and `*` patterns matched against the cookies
 * this page can see) as host-only and `domain=` cookie on every domain and path level, then re-reads
 * `document.cookie` and returns the names still present.
 */
export const deleteCookies = (patterns, host, registrable, pathname) => {
  const visible = cookieNames();
  const names = new Set(patterns.filter((pattern) => !pattern.includes('*')));
  visible.forEach((name) => patterns.some((pattern) => matchesName(pattern, name)) && names.add(name));
  const domains = ['', ...domainLevels(host, registrable)];
  const paths = pathLevels(pathname);
  names.forEach((name) => domains.forEach((domain) => paths.forEach((path) => writeCookie(name, '', 0, domain, path))));
  return cookieNames().filter((name) => patterns.some((pattern) => matchesName(pattern, name)));
};
