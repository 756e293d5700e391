// The floating button that reopens the preferences after a decision, when the site wants it.

import { state } from '../global.js';
import { showPreferences } from './preferences.js';
import { button, shadow } from './ui.js';

let floating = null;

export const hideFloating = () => floating && (floating.hidden = true);

/**
 * A page with the cookie declaration offers "change your choice" in its text; the floating button there would
 * only cover that text (at the bottom of a phone screen, often the declaration itself).
 */
export const declarationOnPage = () => !!document.querySelector('[data-akkoord-declaration]');

export const showFloating = () => {
  const config = state._config;
  if (!config.ui.floatingButton || declarationOnPage()) return;
  if (!floating) shadow((floating = button(config.texts.reopen, 'preferences', () => showPreferences(), 'float')));
  floating.lang = config.language;
  floating.hidden = false;
};
