// The public API, installed as window.akkoord.

import { acceptAllGrants, ACCEPT_ALL, CUSTOM, decide, REJECT_ALL, withdrawCategories } from './decisions.js';
import { listen, snapshot } from './events.js';
import { state } from './global.js';
import { showBanner } from './modals/banner.js';
import { hideAll } from './modals/layers.js';
import { showPreferences } from './modals/preferences.js';
import { whenShown } from './modals/ui.js';

/** Opens the first layer, or the preferences with show('preferences'). */
export const show = (layer) => whenShown(layer == 'preferences' ? showPreferences : showBanner);

export const hide = () => whenShown(hideAll);

/** The current choice: {functional, analytical, marketing, decided, consentId, gpc}. */
export const consent = snapshot;

export const acceptAll = () => decide(ACCEPT_ALL, acceptAllGrants());

export const rejectAll = () => decide(REJECT_ALL, {});

/** Allows one more category and keeps the rest of the choice: recorded as the preferences' own choice is. */
export const allow = (category) => decide(CUSTOM, Object.assign(snapshot(), { [category]: true }));

/** Withdraws one category, or all of them without an argument; cleans up and (by default) reloads. */
export const withdraw = withdrawCategories;

/** The site owner's own embed providers from the config (rows: host, path, name, kind, category); for the embeds chunk. */
export const embedPresets = () => (state._config && state._config.embeds) || [];

/** Calls `callback(detail)` on 'consent' or 'change'; returns a function that stops it. */
export const on = listen;
