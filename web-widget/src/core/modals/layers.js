// The layers as one: what a decision or hide() does to them. Sits above banner, preferences and floating button,
// and subscribes to decisions, so that decisions.js needs no import of the interface.

import { onDecided } from '../decisions.js';
import { state } from '../global.js';
import { hideBanner } from './banner.js';
import { showFloating } from './floating.js';
import { hidePreferences } from './preferences.js';

export const hideAll = () => {
  hideBanner();
  hidePreferences();
  if (state._consent && state._consent._decided) showFloating();
};

onDecided(hideAll);
