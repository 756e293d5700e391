// Blocking and release. Tagged elements (script type="text/plain" data-category, or data-category +
// data-src) stay inert until their category is granted. Scripts that other scripts add later are
// blocked when their host is a tracker host of a category not granted: they get the same tag, so the
// same release pass runs them once their category is granted.

import { BLOCKED_SELECTOR, DATA_CATEGORY, FUNCTIONAL, TEXT_PLAIN } from '../utils/constants.js';
import { categoryOfHost } from '../utils/match.js';
import { loadEmbeds } from './chunks.js';
import { allGranted, isGranted } from './consent.js';
import { state } from './global.js';

/** Category placeholder for a script held while the config (and so the tracker list) is on its way. */
const PENDING = '?';
const scriptProto = HTMLScriptElement.prototype;
const srcProperty = Object.getOwnPropertyDescriptor(scriptProto, 'src');
const typeProperty = Object.getOwnPropertyDescriptor(scriptProto, 'type');
/** Scripts we blocked; their later `type` writes are kept aside in data-type instead. */
const blocked = new WeakSet();
let pageReady = false;
let releasing = Promise.resolve();

const hostOf = (url) => {
  try {
    return new URL(url, location.href).hostname;
  } catch {
    return '';
  }
};

/**
 * The category of a script's host. Before the config arrives the tracker list of the previous page view
 * is used; a script added by another script to an unknown third-party host is then held as pending.
 * A script in the page's own markup is never held on a guess: later markup may depend on it.
 */
const trackerCategory = (script, dynamic) => {
  const host = hostOf(srcProperty.get.call(script));
  if (!host || allGranted()) return;
  const config = state._config;
  const category = categoryOfHost((config ? config.trackerHosts : state._trackerHosts) || {}, host);
  if (category || config || !dynamic) return category;
  if (host != location.hostname && host != hostOf(state._origin)) return PENDING;
};

const block = (script, category) => {
  const type = script.getAttribute('type');
  if (type && type != TEXT_PLAIN) script.setAttribute('data-type', type);
  blocked.add(script);
  typeProperty.set.call(script, TEXT_PLAIN);
  script.setAttribute(DATA_CATEGORY, category);
};

const inspect = (script, dynamic) => {
  if (script.type == TEXT_PLAIN) {
    if (script.getAttribute(DATA_CATEGORY) == PENDING && state._config) {
      script.setAttribute(DATA_CATEGORY, trackerCategory(script) || FUNCTIONAL);
    }
    if (pageReady && isGranted(script.getAttribute(DATA_CATEGORY))) releaseGranted();
    return;
  }
  const category = trackerCategory(script, dynamic);
  if (category && !isGranted(category)) block(script, category);
};

/** Gives every script created through document.createElement a guarded `src`, `type` and setAttribute. */
const guard = (script) => {
  const setAttribute = script.setAttribute;
  Object.defineProperties(script, {
    src: {
      configurable: true,
      get: () => srcProperty.get.call(script),
      set: (url) => {
        srcProperty.set.call(script, url);
        inspect(script, 1);
      },
    },
    type: {
      configurable: true,
      get: () => typeProperty.get.call(script),
      set: (type) => (blocked.has(script) ? setAttribute.call(script, 'data-type', type) : typeProperty.set.call(script, type)),
    },
    setAttribute: {
      configurable: true,
      value: (name, value) => {
        name = String(name).toLowerCase();
        setAttribute.call(script, name == 'type' && blocked.has(script) ? 'data-type' : name, value);
        if (name == 'src') inspect(script, 1);
      },
    },
  });
};

export const startBlocking = () => {
  const createElement = document.createElement;
  document.createElement = function () {
    const element = createElement.apply(this, arguments);
    if (element instanceof HTMLScriptElement) guard(element);
    return element;
  };
  // Catches scripts in the page's own markup: the parser lets mutation observers run before it runs a script.
  new MutationObserver((records) =>
    records.forEach((record) =>
      record.addedNodes.forEach((node) => {
        if (node instanceof HTMLScriptElement) inspect(node);
        else if (pageReady && node.nodeType == 1) {
          if (node.matches(BLOCKED_SELECTOR)) releaseGranted();
          // An embed that a script adds after the page has loaded needs its placeholder: only what was added is
          // searched, not the whole page at every change.
          loadEmbeds(node);
        }
      })
    )
  ).observe(document.documentElement, { childList: true, subtree: true });
};

/** Settles scripts held while the config was loading: trackers keep their category, others run. */
export const settlePending = () => {
  document.querySelectorAll('script[data-category="' + PENDING + '"]').forEach((script) => inspect(script));
};

const runScript = (script) => {
  const parent = script.parentNode;
  const next = script.nextSibling;
  const type = script.getAttribute('data-type');
  blocked.delete(script);
  script.remove();
  if (type) typeProperty.set.call(script, type);
  else script.removeAttribute('type');
  if (!script.hasAttribute('src') && script.hasAttribute('data-src')) script.setAttribute('src', script.getAttribute('data-src'));
  const external = script.hasAttribute('src');
  const done = new Promise((resolve) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', resolve);
  });
  // Re-inserting the same element keeps its nonce, its handlers and its place in the document.
  script.async = false;
  parent.insertBefore(script, next);
  return external && done;
};

const activate = (element) => {
  ['src', 'srcset'].forEach((name) => {
    const value = element.getAttribute('data-' + name);
    if (value != null) {
      element.removeAttribute('data-' + name);
      element.setAttribute(name, value);
    }
  });
};

/** Runs every granted tagged element in document order; a script waits for the one before it. */
export const releaseGranted = () =>
  (releasing = releasing.then(async () => {
    pageReady = true;
    for (const element of document.querySelectorAll(BLOCKED_SELECTOR)) {
      if (!element.isConnected || !isGranted(element.getAttribute(DATA_CATEGORY))) continue;
      if (element instanceof HTMLScriptElement) {
        if (element.type == TEXT_PLAIN) await runScript(element);
      } else activate(element);
    }
  }));
