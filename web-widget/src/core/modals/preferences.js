// The preferences layer: a modal dialog with a switch per category (functional locked on), the
// category's cookies, a focus trap, and Escape to close.

import { OPTIONAL } from '../../utils/constants.js';
import { createNode } from '../../utils/dom.js';
import { acceptAllGrants, ACCEPT_ALL, CUSTOM, decide, REJECT_ALL } from '../decisions.js';
import { state } from '../global.js';
import { button, policyLink, shadow } from './ui.js';

const COLUMNS = ['cookieName', 'cookieProvider', 'cookiePurpose', 'cookieLifetime'];
const FIELDS = ['name', 'provider', 'purpose', 'lifetime'];
const FOCUSABLE = 'button,a[href],input:not([disabled])';

let backdrop = null;
let opener = null;

const cookieTable = (texts, cookies) =>
  createNode('table', null, null, [
    createNode('thead', null, null, [createNode('tr', null, null, COLUMNS.map((key) => createNode('th', { scope: 'col' }, texts[key])))]),
    createNode('tbody', null, null, cookies.map((cookie) => createNode('tr', null, null, FIELDS.map((key) => createNode('td', null, cookie[key]))))),
  ]);

const categorySection = (texts, category, granted) => {
  const id = 'ak-' + category.key;
  const words = texts.categories[category.key] || { title: category.key };
  return createNode('section', { class: 'cat' }, null, [
    createNode('div', { class: 'row' }, null, [
      createNode('h3', null, null, [createNode('label', { for: id }, words.title)]),
      category.required && createNode('span', { class: 'on' }, texts.alwaysOn),
      createNode('input', {
        type: 'checkbox',
        role: 'switch',
        class: 'sw',
        id,
        'aria-describedby': id + '-d',
        checked: !!(category.required || granted[category.key]),
        disabled: !!category.required,
      }),
    ]),
    createNode('p', { id: id + '-d' }, words.description),
    category.cookies.length > 0 && cookieTable(texts, category.cookies),
  ]);
};

const chosenGrants = () => {
  const chosen = {};
  OPTIONAL.forEach((key) => {
    const input = shadow().getElementById('ak-' + key);
    chosen[key] = !!(input && input.checked);
  });
  return chosen;
};

/** Keeps Tab inside the dialog; Escape closes it. */
const onKeydown = (event) => {
  if (event.key == 'Escape') {
    event.stopPropagation();
    hidePreferences();
  } else if (event.key == 'Tab') {
    const items = [...backdrop.querySelectorAll(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    const active = shadow().activeElement;
    if (event.shiftKey ? active == first || !items.includes(active) : active == last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }
};

export const showPreferences = () => {
  const config = state._config;
  const texts = config.texts;
  hidePreferences();
  opener = shadow().activeElement || document.activeElement;
  const granted = (state._consent && state._consent._granted) || {};
  backdrop = createNode('div', { class: 'back', onkeydown: onKeydown, onmousedown: (event) => event.target == backdrop && event.preventDefault() }, null, [
    createNode('div', { class: 'dlg', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ak-p', lang: config.language, 'data-akkoord-layer': 'preferences' }, null, [
      createNode('div', { class: 'head' }, null, [
        createNode('h2', { id: 'ak-p' }, texts.preferences),
        button('\u00d7', 'close', hidePreferences, 'x'),
      ]),
      createNode('p', null, null, [texts.description, ' ', policyLink(config)]),
      state._gpc && createNode('p', { class: 'gpc' }, texts.gpcNotice),
      ...config.categories.map((category) => categorySection(texts, category, granted)),
      createNode('div', { class: 'btns' }, null, [
        button(texts.save, 'save', () => decide(CUSTOM, chosenGrants())),
        button(texts.acceptAll, 'accept-all', () => decide(ACCEPT_ALL, acceptAllGrants())),
        button(texts.rejectAll, 'reject-all', () => decide(REJECT_ALL, {})),
      ]),
    ]),
  ]);
  backdrop.querySelector('.x').setAttribute('aria-label', texts.close);
  shadow(backdrop);
  backdrop.querySelector(FOCUSABLE).focus();
};

export const hidePreferences = () => {
  if (!backdrop) return;
  backdrop.remove();
  backdrop = null;
  if (opener && opener.isConnected && !opener.closest('[hidden]')) opener.focus();
};
