// A small stand-in for the browser globals the pure modules touch: a cookie jar with RFC 6265 domain
// and path rules (refusing public suffixes, as browsers do), web storage, and location.

const PUBLIC_SUFFIXES = new Set(['test', 'uk', 'co.uk', 'com', 'be']);

const domainMatches = (host, domain) => host == domain || host.endsWith('.' + domain);
const pathMatches = (requestPath, cookiePath) =>
  requestPath == cookiePath ||
  (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] == '/'));
const defaultPath = (pathname) => {
  const at = pathname.lastIndexOf('/');
  return at <= 0 ? '/' : pathname.slice(0, at);
};

export class CookieJar {
  constructor(url) {
    this.url = new URL(url);
    this.cookies = [];
  }

  /** Stores a cookie as a server would (`Set-Cookie`), for fixtures. */
  set(header) {
    const [pair, ...attributes] = header.split(';');
    const at = pair.indexOf('=');
    const cookie = { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), path: null, domain: null, expired: false };
    for (const attribute of attributes) {
      const [key, value = ''] = attribute.split('=').map((part) => part.trim());
      const name = key.toLowerCase();
      if (name == 'path' && value.startsWith('/')) cookie.path = value;
      if (name == 'domain' && value) cookie.domain = value.replace(/^\./, '').toLowerCase();
      if (name == 'max-age' && Number(value) <= 0) cookie.expired = true;
    }
    const host = this.url.hostname;
    if (cookie.domain) {
      if (PUBLIC_SUFFIXES.has(cookie.domain) || !domainMatches(host, cookie.domain)) return;
    }
    const stored = { name: cookie.name, value: cookie.value, hostOnly: !cookie.domain, domain: cookie.domain || host, path: cookie.path || defaultPath(this.url.pathname) };
    this.cookies = this.cookies.filter(
      (other) => !(other.name == stored.name && other.domain == stored.domain && other.hostOnly == stored.hostOnly && other.path == stored.path)
    );
    if (!cookie.expired) this.cookies.push(stored);
  }

  /** What document.cookie shows on the current URL. */
  visible() {
    const host = this.url.hostname;
    return this.cookies
      .filter((cookie) => (cookie.hostOnly ? cookie.domain == host : domainMatches(host, cookie.domain)))
      .filter((cookie) => pathMatches(this.url.pathname, cookie.path))
      .map((cookie) => cookie.name + '=' + cookie.value)
      .join('; ');
  }
}

export class MemoryStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }
  setItem(key, value) {
    this.map.set(key, String(value));
  }
  removeItem(key) {
    this.map.delete(key);
  }
}

/** Installs document.cookie, location and storage for a page at `url`; returns the jar. */
export const installBrowser = (url) => {
  const jar = new CookieJar(url);
  const parsed = new URL(url);
  globalThis.document = {
    get cookie() {
      return jar.visible();
    },
    set cookie(header) {
      jar.set(header);
    },
  };
  globalThis.location = { hostname: parsed.hostname, pathname: parsed.pathname, protocol: parsed.protocol, href: parsed.href, origin: parsed.origin, search: parsed.search };
  globalThis.window = globalThis;
  // window's events (akkoord:consent …) on a fresh target, so that listeners of one test never see the next one's.
  const events = new EventTarget();
  globalThis.addEventListener = events.addEventListener.bind(events);
  globalThis.removeEventListener = events.removeEventListener.bind(events);
  globalThis.dispatchEvent = events.dispatchEvent.bind(events);
  globalThis.localStorage = new MemoryStorage();
  globalThis.sessionStorage = new MemoryStorage();
  return jar;
};
