// What every layer is built from: the shadow root that holds them, its styles, buttons and the policy link.
// It imports no layer: layers build on it, never the other way round.

import css from '../styles.css';
import { colorVariables } from '../../utils/colors.js';
import { createNode, whenBody } from '../../utils/dom.js';
import { state } from '../global.js';

const VARIABLES = { background: '--b', text: '--t', accent: '--a', accentText: '--at' };

/** @type {ShadowRoot} */
let root = null;

/**
 * The shadow root, with `content` appended. The first call creates the host element and its styles (site
 * colours accepted only as hex) and fills it before it enters the page: one insertion, one style pass.
 */
export const shadow = (content) => {
  if (root) {
    if (content) root.append(content);
    return root;
  }
  // The marker browser consent tools look for; its value is the version of what the README promises them.
  const host = createNode('akkoord-banner', { 'data-akkoord-banner': 1 });
  root = host.attachShadow({ mode: 'open' });
  const text = css + ':host{' + colorVariables(state._config.ui.colors || {}, VARIABLES) + '}';
  if (root.adoptedStyleSheets) {
    // A constructed stylesheet needs no nonce: strict style-src policies leave it alone.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } else root.append(createNode('style', { nonce: state._nonce || null }, text));
  if (content) root.append(content);
  // First in <body>: keyboard users reach the banner before the page; fixed layers take no room.
  document.body.prepend(host);
  return root;
};

/**
 * A button of the one style every choice shares. `action` names it for browser consent tools
 * (`data-akkoord-action`, see "For consent tools" in the README): a stable name, unlike texts and classes.
 */
export const button = (text, action, onclick, className) =>
  createNode('button', { type: 'button', class: className, 'data-akkoord-action': action, onclick }, text);

/** The privacy policy link, only for http(s) URLs: a `javascript:` URL in site config must not become a link. */
export const policyLink = (config) => {
  const url = config.privacyPolicyUrl;
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return createNode('a', { href: url }, config.texts.privacyPolicy);
};

/** Runs `fn` once the config is there and the page has a body. */
export const whenShown = (fn) => state._ready.then((config) => config && whenBody(fn));
