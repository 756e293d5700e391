// Loads the scripts that only some pages need, from the platform, once each and only on pages that have what they
// work on: the cookie declaration where its placeholder is, the embed placeholders where a tagged iframe is (also
// one that a script adds later: the blocker's observer asks about each element added).

import { state } from './global.js';

const loaded = {};

/** Appends a script of the platform's to the page, under the banner's own nonce. */
export const addScript = (path) => {
  const script = document.createElement('script');
  script.src = state._origin + path;
  script.nonce = state._nonce;
  document.head.append(script);
  return script;
};

/** Loads `name` once `root` (the page, or an element just added to it) is or holds what `selector` names. */
const load = (name, selector, root) => {
  if (loaded[name] || !(root.querySelector(selector) || (root.matches && root.matches(selector)))) return;
  loaded[name] = 1;
  // After the config: the embed placeholders read the owner's own providers from it.
  Promise.resolve(state._ready).then(() => addScript('/akkoord-' + name + '.js'));
};

export const loadDeclaration = () => load('declaration', '[data-akkoord-declaration]', document);

export const loadEmbeds = (root = document) => load('embeds', 'iframe[data-category][data-src]', root);
