// The floating button that reopens the preferences after a decision, when the site wants it.

import { state } from '../global.js';
import { showPreferences } from './preferences.js';
import { button, shadow } from './ui.js';

let floating = null;

export const hideFloating = () => floating && (floating.hidden = true);

export const showFloating = () => {
  const config = state._config;
  if (!config.ui.floatingButton) return;
  if (!floating) shadow((floating = button(config.texts.reopen, () => showPreferences(), 'float')));
  floating.lang = config.language;
  floating.hidden = false;
};
