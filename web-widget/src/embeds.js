// Placeholders for held embeds: every <iframe data-category data-src> whose category is not allowed, also one that
// a script adds later, shows in its own size who is behind it, what loading it means, a button that loads this one
// embed once (the visitor's choice stays as it was) and one that allows the category (a recorded decision, as in
// the banner). When the category is allowed the iframes come back and the banner releases them; when it is
// withdrawn they go back behind placeholders. Loaded by the banner only on pages with such an iframe.

import css from './embeds.css';
import { createNode, onReady } from './utils/dom.js';
import { ownImage, placeholderTexts, PRESET_CATEGORY, providerOf, cssLength } from './utils/embeds.js';
import { pageLanguage } from './utils/language.js';

const NONCE = document.currentScript && document.currentScript.nonce;
const HELD = 'data-akkoord-held';
const CATEGORY = 'data-category';
/** Held iframe → its placeholder. */
const placeholders = new Map();
/** Every tagged iframe seen, held or not: a withdrawal puts the live ones back behind placeholders. */
const tagged = new Set();

const granted = (category) => {
  const api = window.akkoord;
  return !!(api && api.consent()[category]);
};

const addStyles = () => {
  if (document.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else document.head.append(createNode('style', { nonce: NONCE || null }, css));
};

/** Takes the iframe's place until `reveal`; the iframe stays where it is, hidden, so nothing around it moves. */
const hold = (iframe) => {
  if (placeholders.has(iframe)) return;
  const api = window.akkoord;
  const provider = providerOf(iframe.getAttribute('data-src'), location.href, (api && api.embedPresets && api.embedPresets()) || [])
    || { name: '', kind: 'content' };
  // A tag without a category goes under the one the owner gave its provider, else the known providers' one.
  const category = iframe.getAttribute(CATEGORY) || provider.category || PRESET_CATEGORY;
  iframe.setAttribute(CATEGORY, category);
  if (granted(category)) return;
  const wording = placeholderTexts(provider, category, pageLanguage());
  const panel = createNode('div', null, null, [
    createNode('p', null, null, [createNode('strong', null, provider.name)]),
    createNode('p', null, wording.says),
    createNode('button', { type: 'button', onclick: () => reveal(iframe, 1) }, wording.load),
    api && api.allow && wording.allow && createNode('button', { type: 'button', onclick: () => api.allow(category) }, wording.allow),
  ]);
  const box = createNode('div', {
    class: 'akkoord-embed', role: 'group', lang: wording.lang,
    'aria-label': iframe.title || provider.name,
  }, null, [panel]);
  // The iframe's own size: its attributes, else what it takes up now (a browser's default is 300 × 150).
  const width = cssLength(iframe.getAttribute('width')) || (iframe.offsetWidth || 300) + 'px';
  const height = cssLength(iframe.getAttribute('height')) || (iframe.offsetHeight || 150) + 'px';
  box.style.width = width;
  // At least its height: on a narrow screen the words take more lines, and they must stay readable.
  box.style.minHeight = height;
  const image = ownImage(iframe.getAttribute('data-placeholder-image'), location.href);
  if (image) box.style.backgroundImage = 'url(' + JSON.stringify(image) + ')';
  iframe.setAttribute(HELD, '');
  iframe.before(box);
  placeholders.set(iframe, box);
};

/** Gives the iframe its place back; `once` loads it here and now, outside the banner's release of its category. */
const reveal = (iframe, once) => {
  const box = placeholders.get(iframe);
  if (!box) return;
  placeholders.delete(iframe);
  const focused = box.contains(document.activeElement);
  if (once) {
    iframe.setAttribute('src', iframe.getAttribute('data-src'));
    iframe.removeAttribute('data-src');
  }
  iframe.removeAttribute(HELD);
  box.remove();
  // The button pressed is gone: the visitor goes on in what it loaded.
  if (focused) iframe.focus();
};

/** A live iframe of a category no longer allowed: a fresh copy without its address takes its place (which unloads it). */
const unload = (iframe) => {
  if (!iframe.isConnected) return tagged.delete(iframe);
  const src = iframe.getAttribute('src');
  if (src == null || granted(iframe.getAttribute(CATEGORY))) return;
  const fresh = iframe.cloneNode();
  fresh.removeAttribute('src');
  fresh.setAttribute('data-src', src);
  iframe.replaceWith(fresh);
  tagged.delete(iframe);
  tagged.add(fresh);
  hold(fresh);
};

const find = () =>
  document.querySelectorAll('iframe[' + CATEGORY + ']').forEach((iframe) => {
    tagged.add(iframe);
    if (iframe.hasAttribute('data-src')) hold(iframe);
  });

onReady(() => {
  addStyles();
  find();
  new MutationObserver(find).observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('akkoord:consent', () => placeholders.forEach((box, iframe) => granted(iframe.getAttribute(CATEGORY)) && reveal(iframe)));
  addEventListener('akkoord:change', () => [...tagged].forEach(unload));
});
