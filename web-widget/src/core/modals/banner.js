// The first layer: title, description, and three equal choices. A landmark region, not a modal:
// the page stays usable while it is shown.

import { createNode } from '../../utils/dom.js';
import { acceptAllGrants, ACCEPT_ALL, decide, REJECT_ALL } from '../decisions.js';
import { state } from '../global.js';
import { hideFloating } from './floating.js';
import { showPreferences } from './preferences.js';
import { button, policyLink, shadow } from './ui.js';

let bar = null;

export const showBanner = () => {
  const config = state._config;
  const texts = config.texts;
  if (!bar) {
    bar = createNode('div', { class: 'bar ' + config.ui.position, role: 'region', 'aria-labelledby': 'ak-t', lang: config.language, 'data-akkoord-layer': 'banner' }, null, [
      createNode('div', { class: 'in' }, null, [
        createNode('h2', { id: 'ak-t' }, texts.title),
        createNode('p', null, null, [texts.description, ' ', policyLink(config)]),
        state._gpc && createNode('p', { class: 'gpc' }, texts.gpcNotice),
        createNode('div', { class: 'btns' }, null, [
          button(texts.acceptAll, 'accept-all', () => decide(ACCEPT_ALL, acceptAllGrants())),
          button(texts.rejectAll, 'reject-all', () => decide(REJECT_ALL, {})),
          button(texts.preferences, 'preferences', () => showPreferences()),
        ]),
      ]),
    ]);
    shadow(bar);
  }
  bar.hidden = false;
  hideFloating();
};

export const hideBanner = () => bar && (bar.hidden = true);
