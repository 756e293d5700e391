// The first layer: title, description, and three equal choices. A landmark region, not a modal:
// the page stays usable while it is shown.

import { createNode } from '../../utils/dom.js';
import { acceptAllGrants, ACCEPT_ALL, decide, REJECT_ALL } from '../decisions.js';
import { state } from '../global.js';
import { showPreferences } from './preferences.js';
import { button, hideFloating, shadow } from './ui.js';

let bar = null;

/** The privacy policy link, only for http(s) URLs: a `javascript:` URL in site config must not become a link. */
export const policyLink = (config) => {
  const url = config.privacyPolicyUrl;
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return createNode('a', { href: url }, config.texts.privacyPolicy);
};

export const showBanner = () => {
  const config = state._config;
  const texts = config.texts;
  if (!bar) {
    bar = createNode('div', { class: 'bar ' + config.ui.position, role: 'region', 'aria-labelledby': 'ak-t', lang: config.language }, null, [
      createNode('div', { class: 'in' }, null, [
        createNode('h2', { id: 'ak-t' }, texts.title),
        createNode('p', null, null, [texts.description, ' ', policyLink(config)]),
        state._gpc && createNode('p', { class: 'gpc' }, texts.gpcNotice),
        createNode('div', { class: 'btns' }, null, [
          button(texts.acceptAll, () => decide(ACCEPT_ALL, acceptAllGrants())),
          button(texts.rejectAll, () => decide(REJECT_ALL, {})),
          button(texts.preferences, () => showPreferences()),
        ]),
      ]),
    ]);
    shadow(bar);
  }
  bar.hidden = false;
  hideFloating();
};

export const hideBanner = () => bar && (bar.hidden = true);
