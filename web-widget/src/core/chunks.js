// Loads the scripts that only some pages need, from the platform, once each and only on pages that have what they
// work on: the cookie declaration where its placeholder is, the embed placeholders where a tagged iframe is (also
// one that a script adds later: the blocker's observer asks again).

import { state } from './global.js';

const loaded = {};

const load = (name, selector) => {
  if (loaded[name] || !document.querySelector(selector)) return;
  loaded[name] = 1;
  const script = document.createElement('script');
  script.src = state._origin + '/akkoord-' + name + '.js';
  script.nonce = state._nonce;
  document.head.append(script);
};

export const loadDeclaration = () => load('declaration', '[data-akkoord-declaration]');

export const loadEmbeds = () => load('embeds', 'iframe[data-category][data-src]');
